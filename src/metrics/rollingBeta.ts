import { windowSums } from './windowSums.js';

/**
 * Rolling beta against the benchmark over the trailing `window` periods:
 * beta_t = cov(r, b) / var(b) over the periods of the window where both returns are finite
 * (the common periods, as the whole-period `beta` of CONVENTIONS.md; the OLS slope, CAPM.beta
 * in PerformanceAnalytics). NaN before the first full window, when fewer than ⌈w/2⌉ common
 * periods remain, or when the benchmark is constant over them. O(n) with sliding sums.
 */
export function rollingBeta(returns: Float64Array, benchmark: Float64Array, window: number): Float64Array {
  const n = returns.length;
  if (benchmark.length !== n) throw new RangeError(`rollingBeta: ${n} returns but ${benchmark.length} benchmark returns`);
  const w = Math.max(2, Math.round(window));
  const need = Math.max(2, Math.ceil(w / 2));
  const out = new Float64Array(n).fill(Number.NaN);
  // Sums of (benchmark, strategy) so that sxx is Σb² and sxy Σb·r.
  const sums = windowSums(benchmark, returns, w);
  for (let t = w - 1; t < n; t++) {
    const c = sums.count[t]!;
    if (c < need) continue;
    const varB = sums.sxx[t]! - (sums.sx[t]! * sums.sx[t]!) / c;
    // A constant benchmark leaves only rounding in varB: below 1e-12 of Σb², call it constant.
    if (!(varB > 1e-12 * sums.sxx[t]!)) continue;
    out[t] = (sums.sxy[t]! - (sums.sx[t]! * sums.sy[t]!) / c) / varB;
  }
  return out;
}
