/**
 * Simple close-to-close returns of a column-major price block: r_t = p_t / p_{t−1} − 1, NaN
 * when either price is missing (row 0 is NaN).
 */
export function assetReturns(prices: Float64Array, nRows: number, nAssets: number): Float64Array {
  const out = new Float64Array(nRows * nAssets);
  for (let a = 0; a < nAssets; a++) {
    const base = a * nRows;
    out[base] = Number.NaN;
    for (let t = 1; t < nRows; t++) {
      const p0 = prices[base + t - 1] as number;
      const p1 = prices[base + t] as number;
      out[base + t] = p1 / p0 - 1; // NaN propagates when either is NaN
    }
  }
  return out;
}

/**
 * Prices for valuing holdings: each asset's last price carried forward without limit (a held
 * asset whose data stop keeps its last value), NaN before its first price.
 */
export function valuationPrices(prices: Float64Array, nRows: number, nAssets: number): Float64Array {
  const out = new Float64Array(prices.length);
  for (let a = 0; a < nAssets; a++) {
    const base = a * nRows;
    let last = Number.NaN;
    for (let t = 0; t < nRows; t++) {
      const p = prices[base + t] as number;
      if (p > 0) last = p;
      out[base + t] = last;
    }
  }
  return out;
}
