/**
 * Rolling one-year series over periodic simple returns, window w = P periods (the last year):
 * - rollingReturn_t = ∏_{s=t−w+1..t}(1 + r_s) − 1
 * - rollingVolatility_t = sd(r_{t−w+1..t}, w−1) · √P
 * Both NaN for t < w − 1 (not a full year yet; renderers show nothing there). Each window is
 * recomputed from its own values (two-pass), so no drift accumulates over long series.
 */
export function rollingOneYear(
  returns: Float64Array,
  periodsPerYear: number,
): { rollingReturn: Float64Array; rollingVolatility: Float64Array } {
  const n = returns.length;
  const w = Math.max(2, Math.round(periodsPerYear));
  const rollingReturn = new Float64Array(n).fill(Number.NaN);
  const rollingVolatility = new Float64Array(n).fill(Number.NaN);
  const scale = Math.sqrt(periodsPerYear);
  for (let t = w - 1; t < n; t++) {
    let growth = 1;
    let sum = 0;
    for (let s = t - w + 1; s <= t; s++) {
      growth *= 1 + (returns[s] as number);
      sum += returns[s] as number;
    }
    const m = sum / w;
    let ss = 0;
    for (let s = t - w + 1; s <= t; s++) ss += ((returns[s] as number) - m) ** 2;
    rollingReturn[t] = growth - 1;
    rollingVolatility[t] = Math.sqrt(ss / (w - 1)) * scale;
  }
  return { rollingReturn, rollingVolatility };
}
