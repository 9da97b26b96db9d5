import { simpleReturnsInto } from '../core/simpleReturns.js';
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
    simpleReturnsInto(values, a * stride + offset, 0, n, out, a * n);
  }
  return out;
}
