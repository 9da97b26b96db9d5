import { windowSums } from './windowSums.js';

/**
 * Rolling annualised volatility over the trailing `window` periods: sd(r_{t−w+1..t}, w−1) · √P
 * (CONVENTIONS.md `annualizedVolatility`, the same in both profiles, applied to the window).
 * Periods whose return is not finite (a benchmark without a price that day) are left out of
 * the window; NaN before the first full window and when fewer than ⌈w/2⌉ finite returns remain.
 * O(n) with sliding sums (windowSums.ts).
 */
export function rollingVolatility(returns: Float64Array, window: number, periodsPerYear: number): Float64Array {
  const n = returns.length;
  const w = Math.max(2, Math.round(window));
  const need = Math.max(2, Math.ceil(w / 2));
  const out = new Float64Array(n).fill(Number.NaN);
  const sums = windowSums(returns, null, w);
  const root = Math.sqrt(periodsPerYear);
  for (let t = w - 1; t < n; t++) {
    const c = sums.count[t]!;
    if (c < need) continue;
    const ss = sums.sxx[t]! - (sums.sx[t]! * sums.sx[t]!) / c;
    out[t] = ss > 0 ? Math.sqrt(ss / (c - 1)) * root : 0;
  }
  return out;
}
