import type { ConventionName } from './convention.js';

/**
 * Rolling Sharpe ratio over the trailing `window` periods, under the report's convention
 * profile and risk-free rate (CONVENTIONS.md, `sharpe`), each window computed from its own
 * values exactly as the whole-period figure is:
 * - standard: mean(x) / sd(x, w−1) · √P, with x = r − rf over the window (empyrical
 *   sharpe_ratio applied to the window, as quantstats' rolling_sharpe does);
 * - performanceanalytics: ((∏(1+x))^(P/w) − 1) / (sd(x, w−1) · √P) (SharpeRatio.annualized,
 *   geometric, applied to the window).
 * `rf` is the per-period risk-free return, a constant or a series aligned with `returns`.
 * NaN before the first full window and where the window's excess returns are constant.
 * No allocation per window (the series is 5,000+ days long).
 */
export function rollingSharpe(
  returns: Float64Array,
  rf: number | Float64Array,
  window: number,
  periodsPerYear: number,
  convention: ConventionName,
): Float64Array {
  const n = returns.length;
  const w = Math.max(2, Math.round(window));
  const out = new Float64Array(n).fill(Number.NaN);
  const excess = (s: number): number => (returns[s] as number) - (typeof rf === 'number' ? rf : (rf[s] as number));
  const root = Math.sqrt(periodsPerYear);
  for (let t = w - 1; t < n; t++) {
    const from = t - w + 1;
    const first = excess(from);
    let sum = 0;
    let growth = 1;
    let constant = true;
    for (let s = from; s <= t; s++) {
      const x = excess(s);
      sum += x;
      growth *= 1 + x;
      if (x !== first) constant = false;
    }
    if (constant) continue;
    const m = sum / w;
    let ss = 0;
    for (let s = from; s <= t; s++) ss += (excess(s) - m) ** 2;
    const sd = Math.sqrt(ss / (w - 1));
    if (convention === 'performanceanalytics') {
      const cagr = growth <= 0 ? -1 : Math.pow(growth, periodsPerYear / w) - 1;
      out[t] = cagr / (sd * root);
    } else out[t] = (m / sd) * root;
  }
  return out;
}
