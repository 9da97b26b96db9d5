/**
 * Momentum: the total return over `lookback` periods ending `skip` periods before t.
 *
 *   momentum[t] = price[t − skip] / price[t − skip − lookback] − 1
 *
 * Causal (uses prices at or before t). NaN for t < lookback + skip or when either price is
 * missing. `skip` (e.g. 21) leaves out the most recent month, as in the 12-1 momentum factor.
 */
export function momentum(prices: Float64Array, lookback: number, skip = 0, out: Float64Array = new Float64Array(prices.length)): Float64Array {
  const lag = lookback + skip;
  for (let t = 0; t < prices.length; t++) {
    if (t < lag) {
      out[t] = Number.NaN;
      continue;
    }
    const a = prices[t - lag] as number;
    const b = prices[t - skip] as number;
    out[t] = a > 0 && Number.isFinite(a) && Number.isFinite(b) ? b / a - 1 : Number.NaN;
  }
  return out;
}

/**
 * The same quantity from simple returns: ∏_{s=from}^{to−1} (1 + r_s) − 1, NaN if any r_s in the
 * range is not finite. With returns r_s = p_s / p_{s−1} − 1 this equals p_{to−1} / p_{from−1} − 1.
 */
export function compoundReturn(returns: Float64Array, from: number, to: number): number {
  let growth = 1;
  for (let s = from; s < to; s++) {
    const r = returns[s] as number;
    if (!Number.isFinite(r)) return Number.NaN;
    growth *= 1 + r;
  }
  return growth - 1;
}
