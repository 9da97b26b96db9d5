/**
 * Wealth and drawdown of periodic simple returns. V_0 = 1 (the initial capital, which counts as
 * a peak), V_t = ∏_{s≤t}(1 + r_s), peak_t = max(1, V_1..V_t).
 */

/** The underwater curve u_t = 1 − V_t / peak_t for t = 1..n (a positive fraction; 0 at a peak). */
export function underwaterSeries(returns: Float64Array): Float64Array {
  const n = returns.length;
  const out = new Float64Array(n);
  let v = 1;
  let peak = 1;
  for (let t = 0; t < n; t++) {
    v *= 1 + (returns[t] as number);
    if (v > peak) peak = v;
    out[t] = 1 - v / peak;
  }
  return out;
}

/** maxDrawdown = max_t (1 − V_t / peak_t), in [0, 1]; 0 for an empty series. */
export function maxDrawdown(returns: Float64Array): number {
  const u = underwaterSeries(returns);
  let worst = 0;
  for (let t = 0; t < u.length; t++) if ((u[t] as number) > worst) worst = u[t] as number;
  return worst;
}

/**
 * The longest run of consecutive periods under water (V_t < peak_t). Profile `standard` counts
 * those periods; `performanceanalytics` reports findDrawdowns()$length, which counts them plus
 * one (its episode runs from the first period under water to the period of recovery, or one past
 * the end). 0 in both profiles when the series is never under water.
 */
export function longestDrawdownPeriods(returns: Float64Array, plusOne: boolean): number {
  const n = returns.length;
  let v = 1;
  let peak = 1;
  let run = 0;
  let longest = 0;
  for (let t = 0; t < n; t++) {
    v *= 1 + (returns[t] as number);
    if (v >= peak) {
      peak = v;
      run = 0;
    } else {
      run++;
      if (run > longest) longest = run;
    }
  }
  return longest > 0 && plusOne ? longest + 1 : longest;
}
