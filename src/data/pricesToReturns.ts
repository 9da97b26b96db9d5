/**
 * Prices to periodic simple returns, column by column: r_t = p_t / p_{t−1} − 1 (close to close,
 * realised on row t's date). The first row has no return and is dropped; a column that starts
 * later keeps empty (NaN) cells up to and including its first price. Pure.
 */
import { simpleReturnsInto } from '../core/simpleReturns.js';
export interface ReturnsTable {
  readonly dates: Int32Array;
  readonly names: string[];
  readonly columns: Float64Array[];
}

export function pricesToReturns(prices: ReturnsTable): ReturnsTable {
  const n = prices.dates.length;
  const columns = prices.columns.map((p) => {
    const r = new Float64Array(Math.max(0, n - 1));
    if (n > 1) simpleReturnsInto(p, 0, 1, n - 1, r, 0); // NaN before the first price
    return r;
  });
  return { dates: prices.dates.slice(1), names: [...prices.names], columns };
}
