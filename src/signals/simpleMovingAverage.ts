/**
 * Simple moving average, causal: out[t] = (1/N) Σ_{s=t−N+1}^{t} values[s], NaN when t < N − 1 or
 * when any value in that span is not finite. A running sum (O(n)) is rebuilt from scratch
 * whenever a non-finite value leaves the span, so rounding does not carry across gaps.
 * (technicalindicators' SMA returns only the defined part: its out[k] is our out[k + N − 1].)
 */
export function simpleMovingAverage(values: Float64Array, period: number, out: Float64Array = new Float64Array(values.length)): Float64Array {
  if (!(period >= 1) || !Number.isInteger(period)) throw new RangeError(`simpleMovingAverage: period must be a positive integer, got ${period}`);
  let sum = 0;
  let bad = 0;
  for (let t = 0; t < values.length; t++) {
    const v = values[t] as number;
    if (Number.isFinite(v)) sum += v;
    else bad++;
    if (t >= period) {
      const old = values[t - period] as number;
      if (Number.isFinite(old)) sum -= old;
      else if (--bad === 0) {
        sum = 0;
        for (let s = t - period + 1; s <= t; s++) sum += values[s] as number;
      }
    }
    out[t] = t >= period - 1 && bad === 0 ? sum / period : Number.NaN;
  }
  return out;
}
