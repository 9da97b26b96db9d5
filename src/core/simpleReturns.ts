/**
 * Simple returns of one price column, the one place they are computed from prices:
 * out[outAt + k] = p_s / p_{s−1} − 1 with s = first + k and p_s = prices[base + s], for
 * k = 0..length−1. Row 0 of a column (s = 0) has no previous price and is NaN; so is a return
 * where either price is missing (NaN propagates).
 */
export function simpleReturnsInto(prices: Float64Array, base: number, first: number, length: number, out: Float64Array, outAt: number): void {
  let k = 0;
  if (first === 0 && length > 0) out[outAt + k++] = Number.NaN;
  for (; k < length; k++) {
    const s = base + first + k;
    out[outAt + k] = prices[s]! / prices[s - 1]! - 1;
  }
}
