/**
 * Rolling annualised volatility over the trailing `window` periods: sd(r_{t−w+1..t}, w−1) · √P
 * (CONVENTIONS.md `annualizedVolatility`, the same in both profiles, applied to the window).
 * Periods whose return is not finite (a benchmark without a price that day) are left out of
 * the window; NaN before the first full window and when fewer than ⌈w/2⌉ finite returns remain.
 * Each window is recomputed from its own values (two-pass), so no drift accumulates.
 */
export function rollingVolatility(returns: Float64Array, window: number, periodsPerYear: number): Float64Array {
  const n = returns.length;
  const w = Math.max(2, Math.round(window));
  const need = Math.max(2, Math.ceil(w / 2));
  const out = new Float64Array(n).fill(Number.NaN);
  const root = Math.sqrt(periodsPerYear);
  for (let t = w - 1; t < n; t++) {
    let sum = 0;
    let count = 0;
    for (let s = t - w + 1; s <= t; s++) {
      const x = returns[s] as number;
      if (Number.isFinite(x)) {
        sum += x;
        count++;
      }
    }
    if (count < need) continue;
    const m = sum / count;
    let ss = 0;
    for (let s = t - w + 1; s <= t; s++) {
      const x = returns[s] as number;
      if (Number.isFinite(x)) ss += (x - m) ** 2;
    }
    out[t] = Math.sqrt(ss / (count - 1)) * root;
  }
  return out;
}
