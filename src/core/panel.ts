/**
 * The price panel: one row per trading date, one column per asset, stored column-major in a
 * single Float64Array (`values[a * nDates + t]`) so that one asset's series is a zero-copy
 * subarray. NaN means "no price" (before listing, or a gap longer than the fill limit).
 */
export interface PricePanel {
  /** Strictly increasing day numbers (days since 1970-01-01). */
  readonly dates: Int32Array;
  /** Asset tickers, in column order. */
  readonly assets: readonly string[];
  /** Column-major prices, length assets.length * dates.length. */
  readonly values: Float64Array;
}

/** The price series of asset `a` as a view (no copy). */
export function panelColumn(panel: PricePanel, a: number): Float64Array {
  const n = panel.dates.length;
  return panel.values.subarray(a * n, (a + 1) * n);
}

/** Index of a ticker in the panel, or -1. */
export function assetIndex(panel: PricePanel, ticker: string): number {
  return panel.assets.indexOf(ticker);
}

/**
 * A panel restricted to the rows lo..hi-1 and (optionally) to some assets, copied into values
 * from `alloc` (the loader's: wasm/panelValues.ts).
 */
export function slicePanel(panel: PricePanel, lo: number, hi: number, assets?: readonly string[], alloc: (length: number) => Float64Array = (length) => new Float64Array(length)): PricePanel {
  const names = assets ?? panel.assets;
  const n = panel.dates.length;
  const m = hi - lo;
  const values = alloc(names.length * m);
  names.forEach((name, k) => {
    const a = panel.assets.indexOf(name);
    if (a < 0) throw new Error(`slicePanel: unknown asset ${name}`);
    values.set(panel.values.subarray(a * n + lo, a * n + hi), k * m);
  });
  return { dates: panel.dates.slice(lo, hi), assets: [...names], values };
}

/** First index t with dates[t] >= day (dates.length if none). */
export function lowerBound(dates: Int32Array, day: number): number {
  let lo = 0;
  let hi = dates.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((dates[mid] as number) < day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
