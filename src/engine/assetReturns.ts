import type { BacktestResult } from './runBacktest.js';

/**
 * Column-major simple returns of a run's assets over its period rows:
 * r[a * n + t] = p_t / p_{t−1} − 1, NaN when either price is missing; row 0 is NaN.
 */
export function periodAssetReturns(result: Pick<BacktestResult, 'prices' | 'dates' | 'layout'>): Float64Array {
  const { values, stride, offset } = result.prices;
  const n = result.dates.length;
  const m = result.layout.assets.length;
  const out = new Float64Array(n * m);
  for (let a = 0; a < m; a++) {
    const base = a * stride + offset;
    out[a * n] = Number.NaN;
    for (let t = 1; t < n; t++) out[a * n + t] = values[base + t]! / values[base + t - 1]! - 1;
  }
  return out;
}
