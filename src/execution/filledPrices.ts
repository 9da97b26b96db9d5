/**
 * The prices the simulation values holdings at, row-major: asset a on period row t is
 * values[(offset + t) · stride + columns[a]], the asset's last price > 0 on or before that row
 * (NaN before its first). A prepared panel carries them for the whole panel (PreparedPanel.filled);
 * without one the kernel builds them here from column-major prices, once per run.
 */
export interface FilledPrices {
  readonly values: Float64Array;
  /** Entries per row. */
  readonly stride: number;
  /** Row of period row 0. */
  readonly offset: number;
  /** Entry of each kernel asset within a row. */
  readonly columns: Int32Array;
}

/**
 * Row-major forward-filled prices of m assets over period rows 0..n−1 from column-major prices
 * (asset a on period row t at prices[a · stride + offset + t]); row 0 carries the last price
 * before the period (rows back to the start of the column) when it has none.
 */
export function fillPrices(prices: Float64Array, m: number, n: number, stride: number, offset: number): FilledPrices {
  const values = new Float64Array(n * m);
  for (let a = 0; a < m; a++) {
    const base = a * stride + offset;
    let last = Number.NaN;
    for (let r = -offset; r <= 0; r++) if (prices[base + r]! > 0) last = prices[base + r]!;
    values[a] = last;
    for (let t = 1; t < n; t++) {
      const p = prices[base + t]!;
      if (p > 0) last = p;
      values[t * m + a] = last;
    }
  }
  const columns = new Int32Array(m);
  for (let a = 0; a < m; a++) columns[a] = a;
  return { values, stride: m, offset: 0, columns };
}
