import type { BacktestResult } from './runBacktest.js';

/**
 * Column-major simple returns of a run's assets over its period rows, as the simulation values
 * holdings: r[a * n + t] = P_t / P_{t−1} − 1 with P_t the asset's last price on or before row t
 * (reaching into the history before the period), so a row without a price returns 0 and the
 * move over the gap comes on the next priced row; NaN before the asset's first price; row 0 is NaN.
 */
export function periodAssetReturns(result: Pick<BacktestResult, 'prices' | 'dates' | 'layout'>): Float64Array {
  const { values, stride, offset } = result.prices;
  const n = result.dates.length;
  const m = result.layout.assets.length;
  const out = new Float64Array(n * m);
  for (let a = 0; a < m; a++) {
    const base = a * stride + offset;
    out[a * n] = Number.NaN;
    let last = Number.NaN;
    for (let r = -offset; r <= 0; r++) if (values[base + r]! > 0) last = values[base + r]!;
    for (let t = 1; t < n; t++) {
      const p = values[base + t]!;
      const now = p > 0 ? p : last;
      out[a * n + t] = now / last - 1;
      last = now;
    }
  }
  return out;
}
