import type { ConventionName } from './convention.js';
import { lastChange, windowSums } from './windowSums.js';

/**
 * Rolling Sharpe ratio over the trailing `window` periods, under the report's convention
 * profile and risk-free rate (CONVENTIONS.md, `sharpe`), each window as the whole-period
 * figure would be computed on it:
 * - standard: mean(x) / sd(x, w−1) · √P, with x = r − rf over the window (empyrical
 *   sharpe_ratio applied to the window, as quantstats' rolling_sharpe does);
 * - performanceanalytics: ((∏(1+x))^(P/w) − 1) / (sd(x, w−1) · √P) (SharpeRatio.annualized,
 *   geometric, applied to the window; ∏ as exp Σ log(1+x)).
 * `rf` is the per-period risk-free return, a constant or a series aligned with `returns`.
 * NaN before the first full window and where the window's excess returns are constant.
 * O(n) with sliding sums (windowSums.ts). `excess`: excessSeries(returns, rf, convention), when
 * several windows are computed from one series (built once, not once per window).
 */
export function rollingSharpe(
  returns: Float64Array,
  rf: number | Float64Array,
  window: number,
  periodsPerYear: number,
  convention: ConventionName,
  excess: ExcessSeries = excessSeries(returns, rf, convention),
): Float64Array {
  const n = returns.length;
  const w = Math.max(2, Math.round(window));
  const out = new Float64Array(n).fill(Number.NaN);
  const { x, change, logX } = excess;
  const sums = windowSums(x, null, w);
  const pa = convention === 'performanceanalytics';
  // Σ log(1 + x) over the window for the geometric form (a factor ≤ 0 makes the window's growth ≤ 0: cagr −1).
  const logs = pa && logX !== null ? windowSums(logX, null, w) : null;
  const root = Math.sqrt(periodsPerYear);
  for (let t = w - 1; t < n; t++) {
    if (change[t]! <= t - w + 1) continue;
    const m = sums.sx[t]! / w;
    const ss = sums.sxx[t]! - sums.sx[t]! * m;
    if (!(ss > 0)) continue;
    const sd = Math.sqrt(ss / (w - 1));
    if (logs) {
      const cagr = logs.count[t] === w ? Math.exp((logs.sx[t]! * periodsPerYear) / w) - 1 : -1;
      out[t] = cagr / (sd * root);
    } else out[t] = (m / sd) * root;
  }
  return out;
}

/** The excess returns x = r − rf, the last change of each (windowSums.ts lastChange) and, for performanceanalytics, log(1 + x) (NaN where 1 + x ≤ 0). */
export interface ExcessSeries {
  readonly x: Float64Array;
  readonly change: Int32Array;
  readonly logX: Float64Array | null;
}

export function excessSeries(returns: Float64Array, rf: number | Float64Array, convention: ConventionName): ExcessSeries {
  const n = returns.length;
  // r − 0 is r for every double (NaN stays NaN, −0 stays −0): with no risk-free rate, x is the returns themselves.
  let x = returns;
  if (typeof rf !== 'number' || rf !== 0) {
    x = new Float64Array(n);
    if (typeof rf === 'number') for (let s = 0; s < n; s++) x[s] = returns[s]! - rf;
    else for (let s = 0; s < n; s++) x[s] = returns[s]! - rf[s]!;
  }
  const logX = convention === 'performanceanalytics' ? Float64Array.from(x, (v) => (v > -1 ? Math.log1p(v) : Number.NaN)) : null;
  return { x, change: lastChange(x), logX };
}
