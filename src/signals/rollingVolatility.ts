/**
 * Rolling volatility, causal: out[t] = sample standard deviation (divisor N − 1) of
 * returns[t−N+1..t], per period (multiply by √P to annualise). NaN when t < N − 1 or when any
 * return in the span is not finite. Two-pass per span (mean, then squared deviations) for
 * accuracy; O(n·N).
 */
export function rollingVolatility(returns: Float64Array, window: number, out: Float64Array = new Float64Array(returns.length)): Float64Array {
  if (!(window >= 2) || !Number.isInteger(window)) throw new RangeError(`rollingVolatility: window must be an integer ≥ 2, got ${window}`);
  let lastBad = -1;
  for (let t = 0; t < returns.length; t++) {
    if (!Number.isFinite(returns[t] as number)) lastBad = t;
    if (t < window - 1 || lastBad > t - window) {
      out[t] = Number.NaN;
      continue;
    }
    let sum = 0;
    for (let s = t - window + 1; s <= t; s++) sum += returns[s] as number;
    const mean = sum / window;
    let ss = 0;
    for (let s = t - window + 1; s <= t; s++) {
      const d = (returns[s] as number) - mean;
      ss += d * d;
    }
    out[t] = Math.sqrt(ss / (window - 1));
  }
  return out;
}
