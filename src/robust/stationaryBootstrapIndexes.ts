import type { Uniform } from './prng.js';

/**
 * Row indexes of one stationary-bootstrap path (Politis & Romano 1994, "The Stationary
 * Bootstrap", JASA 89:1303–1313) over a sample of T rows (0..T−1), returned as an Int32Array of
 * length T: the path's row j is the sample's row idx[j].
 *
 * Blocks have geometric lengths with mean L (`meanBlock`): after each row the path starts a new
 * block with probability p = 1/L at a row drawn uniformly from 0..T−1, and otherwise continues
 * with the next row, wrapping around from T−1 to 0 (the circular scheme, so every row is equally
 * likely to appear at any position).
 *
 * Two choices make the degenerate case exact (and are what `sleeves robust` documents):
 * - the first block of every path starts at row 0 (not at a uniform row), so each path begins
 *   in the same market state as the real run; the first block has mean length L out of T rows,
 *   so this departs from Politis & Romano's uniform first start by a fraction of order L/T;
 * - when L ≥ T a block would on average cover the whole sample, and p is taken as 0.
 * Together: with L ≥ T a path is rows 0, 1, …, T−1, the original series.
 */
export function stationaryBootstrapIndexes(T: number, meanBlock: number, uniform: Uniform): Int32Array {
  if (!(meanBlock >= 1)) throw new RangeError(`stationaryBootstrapIndexes: mean block length must be ≥ 1, got ${meanBlock}`);
  const idx = new Int32Array(T);
  if (T === 0) return idx;
  const p = meanBlock >= T ? 0 : 1 / meanBlock;
  let row = 0;
  for (let j = 1; j < T; j++) {
    if (p > 0 && uniform() < p) row = Math.min(T - 1, Math.floor(uniform() * T));
    else row = row + 1 === T ? 0 : row + 1;
    idx[j] = row;
  }
  return idx;
}
