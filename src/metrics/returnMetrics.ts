/**
 * Return measures of periodic simple returns r_1..r_n (both profiles).
 */

/** totalReturn = ∏(1 + r_t) − 1 (0 for an empty series). */
export function totalReturn(r: Float64Array): number {
  let v = 1;
  for (let i = 0; i < r.length; i++) v *= 1 + (r[i] as number);
  return v - 1;
}

/**
 * cagr = (1 + totalReturn)^(P / n) − 1 (PerformanceAnalytics Return.annualized, geometric;
 * empyrical annual_return). NaN when n = 0; −1 when the capital is wiped out.
 */
export function cagr(r: Float64Array, periodsPerYear: number): number {
  const n = r.length;
  if (n === 0) return Number.NaN;
  const growth = 1 + totalReturn(r);
  if (growth <= 0) return -1;
  return Math.pow(growth, periodsPerYear / n) - 1;
}

/** Largest single-period return max_t r_t (NaN when n = 0). */
export function bestPeriod(r: Float64Array): number {
  let best = Number.NaN;
  for (let i = 0; i < r.length; i++) if (!((r[i] as number) <= best)) best = r[i] as number;
  return best;
}

/** Smallest single-period return min_t r_t (NaN when n = 0). */
export function worstPeriod(r: Float64Array): number {
  let worst = Number.NaN;
  for (let i = 0; i < r.length; i++) if (!((r[i] as number) >= worst)) worst = r[i] as number;
  return worst;
}

/** Share of periods with r_t > 0 (a zero return is not positive); NaN when n = 0. */
export function positivePeriodsShare(r: Float64Array): number {
  if (r.length === 0) return Number.NaN;
  let k = 0;
  for (let i = 0; i < r.length; i++) if ((r[i] as number) > 0) k++;
  return k / r.length;
}
