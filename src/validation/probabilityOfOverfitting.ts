/**
 * The probability of backtest overfitting (PBO) by combinatorially symmetric cross-validation,
 * CSCV (Bailey, Borwein, López de Prado & Zhu 2017, "The Probability of Backtest Overfitting",
 * Journal of Computational Finance 20(4), §§2–3), from the daily returns of N variants over the
 * same T days:
 *
 *   1. the T rows are cut into S contiguous blocks of ⌊T/S⌋ rows (the T mod S oldest rows are
 *      left out so that every block has the same size);
 *   2. for each of the C(S, S/2) ways to pick S/2 blocks as the training set J (the other S/2
 *      are the test set J̄): R_n = Sharpe ratio of variant n on J, R̄_n on J̄; n* = argmax R_n
 *      (the lowest index on ties); ω̄ = rank of R̄_{n*} among R̄ / (N + 1), the rank from 1
 *      (worst) to N (best), mid-ranks on ties; λ = ln(ω̄ / (1 − ω̄));
 *   3. PBO = the share of combinations with λ ≤ 0: the variant chosen in sample ranks at or
 *      below the median out of sample.
 * Also (§3 of the paper): the performance degradation, the OLS slope (and intercept, R²) of
 * R̄_{n*} on R_{n*} across the combinations, and the probability of loss, the share of
 * combinations with R̄_{n*} < 0.
 *
 * Embargo (López de Prado 2018, "Advances in Financial Machine Learning", §7.4.2): the first
 * `embargo` rows of a training block that directly follows a test block are left out of the
 * training set, so that serial correlation does not carry the test returns into training.
 * The Sharpe ratio is per period, mean / sd (n − 1), from per-block sums; a variant with zero
 * spread on a set has Sharpe 0 there (constant returns carry no risk-adjusted edge).
 */
import { UserError } from '../core/errors.js';

export interface CscvOptions {
  /** S, even, ≥ 2 (default 16). */
  readonly partitions: number;
  /** Rows left out at the start of a training block that follows a test block (default 0). */
  readonly embargo: number;
  readonly onProgress?: (done: number, total: number) => void;
}

export interface Overfit {
  readonly pbo: number;
  readonly combinations: number;
  readonly partitions: number;
  readonly rowsPerPartition: number;
  readonly rowsLeftOut: number;
  readonly embargo: number;
  readonly variants: number;
  /** OLS of the out-of-sample Sharpe of the chosen variant on its in-sample Sharpe (per period). */
  readonly degradation: { readonly slope: number | null; readonly intercept: number | null; readonly r2: number | null };
  readonly probabilityOfLoss: number;
  /** λ of each combination, in combination order (lexicographic over the training blocks). */
  readonly logits: Float64Array;
}

/** The block sums every combination reads: per variant n and block b, Σr, Σr², and the same over the block's first `embargo` rows at (n·S + b)·4. */
export interface CscvBlocks {
  readonly sums: Float64Array;
  readonly variants: number;
  readonly partitions: number;
  readonly rowsPerPartition: number;
  readonly rowsLeftOut: number;
  readonly embargo: number;
  readonly periods: number;
}

/** One combination's outcome: λ, and the chosen variant's Sharpe in and out of sample. */
export type CombinationResult = readonly [logit: number, inSample: number, outOfSample: number];

/** `series[n]` holds variant n's returns, every series the same length T. */
export function probabilityOfOverfitting(series: readonly ArrayLike<number>[], o: CscvOptions): Overfit {
  const blocks = cscvBlocks(series, o.partitions, o.embargo, (bytes) => new Float64Array(bytes / Float64Array.BYTES_PER_ELEMENT));
  const combos = combinations(o.partitions, o.partitions / 2);
  const results = combos.map((train, c) => {
    const r = evaluateCombination(blocks, train);
    if (o.onProgress && (c % 256 === 255 || c === combos.length - 1)) o.onProgress(c + 1, combos.length);
    return r;
  });
  return summarizeCscv(blocks, results);
}

/** Checks the shape and computes the block sums (into memory from `alloc`, e.g. a SharedArrayBuffer). */
export function cscvBlocks(series: readonly ArrayLike<number>[], S: number, embargo: number, alloc: (bytes: number) => Float64Array): CscvBlocks {
  const N = series.length;
  if (!(S >= 2) || S % 2 !== 0 || !Number.isInteger(S) || S > 20) throw new UserError(`--partitions ${S}: expected an even whole number from 2 to 20 (C(20, 10) = 184,756 combinations)`);
  if (N < 2) throw new UserError(`--pbo: needs at least 2 variants, got ${N}`);
  const T = series[0]!.length;
  if (series.some((s) => s.length !== T)) throw new UserError('--pbo: the variants do not cover the same days; PBO needs one common calendar');
  const size = Math.floor(T / S);
  if (size < 2 || embargo >= size) throw new UserError(`--pbo: ${T} days in ${S} partitions give ${size} days each; need at least 2 (and more than --embargo ${embargo}); use fewer partitions or a longer period`);
  const skip = T - size * S;
  const sums = alloc(N * S * 4 * Float64Array.BYTES_PER_ELEMENT);
  for (let n = 0; n < N; n++) {
    const r = series[n]!;
    for (let b = 0; b < S; b++) {
      let s1 = 0, s2 = 0, h1 = 0, h2 = 0;
      for (let i = 0; i < size; i++) {
        const x = r[skip + b * size + i]!;
        s1 += x;
        s2 += x * x;
        if (i < embargo) {
          h1 += x;
          h2 += x * x;
        }
      }
      sums.set([s1, s2, h1, h2], (n * S + b) * 4);
    }
  }
  return { sums, variants: N, partitions: S, rowsPerPartition: size, rowsLeftOut: skip, embargo, periods: T };
}

/** The combination whose training set is the blocks `train` (S/2 of them). */
export function evaluateCombination(blocks: CscvBlocks, train: readonly number[]): CombinationResult {
  const { sums, variants: N, partitions: S, rowsPerPartition: size, embargo } = blocks;
  const inTrain = new Uint8Array(S);
  for (const b of train) inTrain[b] = 1;
  const oos = new Float64Array(N);
  let best = -1;
  let bestIs = -Infinity;
  for (let n = 0; n < N; n++) {
    let a1 = 0, a2 = 0, an = 0, t1 = 0, t2 = 0;
    for (let b = 0; b < S; b++) {
      const k = (n * S + b) * 4;
      if (inTrain[b]) {
        // Embargo: the first rows of a training block that directly follows a test block.
        const cut = b > 0 && !inTrain[b - 1] ? embargo : 0;
        a1 += sums[k]! - (cut > 0 ? sums[k + 2]! : 0);
        a2 += sums[k + 1]! - (cut > 0 ? sums[k + 3]! : 0);
        an += size - cut;
      } else {
        t1 += sums[k]!;
        t2 += sums[k + 1]!;
      }
    }
    const sr = sharpe(a1, a2, an);
    oos[n] = sharpe(t1, t2, size * (S / 2));
    if (sr > bestIs) {
      bestIs = sr;
      best = n;
    }
  }
  const target = oos[best]!;
  let below = 0;
  let equal = 0;
  for (let n = 0; n < N; n++) {
    if (oos[n]! < target) below++;
    else if (oos[n] === target) equal++;
  }
  const w = (below + (equal + 1) / 2) / (N + 1);
  return [Math.log(w / (1 - w)), bestIs, target];
}

/** PBO, degradation and probability of loss from every combination's result, in combination order. */
export function summarizeCscv(blocks: CscvBlocks, results: readonly CombinationResult[]): Overfit {
  const n = results.length;
  const logits = Float64Array.from(results, (r) => r[0]);
  const isSharpe = Float64Array.from(results, (r) => r[1]);
  const osSharpe = Float64Array.from(results, (r) => r[2]);
  return {
    pbo: logits.filter((l) => l <= 0).length / n,
    combinations: n,
    partitions: blocks.partitions,
    rowsPerPartition: blocks.rowsPerPartition,
    rowsLeftOut: blocks.rowsLeftOut,
    embargo: blocks.embargo,
    variants: blocks.variants,
    degradation: ols(isSharpe, osSharpe),
    probabilityOfLoss: osSharpe.filter((x) => x < 0).length / n,
    logits,
  };
}

/** Per-period Sharpe ratio from Σx, Σx², n; 0 when the spread is zero. */
function sharpe(s1: number, s2: number, n: number): number {
  const mean = s1 / n;
  const variance = (s2 - s1 * mean) / (n - 1);
  return variance > 1e-30 ? mean / Math.sqrt(variance) : 0;
}

/** Every k-subset of 0..n−1 in lexicographic order. */
export function combinations(n: number, k: number): number[][] {
  const out: number[][] = [];
  const pick: number[] = [];
  const walk = (start: number): void => {
    if (pick.length === k) {
      out.push([...pick]);
      return;
    }
    for (let i = start; i <= n - (k - pick.length); i++) {
      pick.push(i);
      walk(i + 1);
      pick.pop();
    }
  };
  walk(0);
  return out;
}

function ols(x: Float64Array, y: Float64Array): Overfit['degradation'] {
  const n = x.length;
  let mx = 0, my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i]!;
    my += y[i]!;
  }
  mx /= n;
  my /= n;
  let sxx = 0, sxy = 0, syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i]! - mx;
    const dy = y[i]! - my;
    sxx += dx * dx;
    sxy += dx * dy;
    syy += dy * dy;
  }
  if (!(sxx > 0)) return { slope: null, intercept: null, r2: null };
  const slope = sxy / sxx;
  return { slope, intercept: my - slope * mx, r2: syy > 0 ? (sxy * sxy) / (sxx * syy) : null };
}
