import { isConstant, mean, sampleCovariance2, sampleStdDev, subtract } from './moments.js';
import { cagr } from './returnMetrics.js';

/**
 * Benchmark-relative measures of returns r against benchmark b (same length, same periods).
 * Rates are per period. NaN when undefined (computeRelativeMetrics turns that into null).
 */

/** beta = cov(r, b) / var(b), the OLS slope (CAPM.beta); NaN when var(b) = 0 or n < 2. */
export function beta(r: Float64Array, b: Float64Array): number {
  if (b.length < 2 || isConstant(b)) return Number.NaN;
  return sampleCovariance2(r, b) / sampleCovariance2(b, b);
}

/**
 * alpha of x = r − rf against y = b − rf (rf = 0 by default gives the plain formulas):
 * - standard: annualized (1 + mean(x − beta·y))^P − 1 (empyrical alpha).
 * - performanceanalytics: the per-period OLS intercept mean(x) − beta·mean(y) (CAPM.alpha).
 */
export function alpha(r: Float64Array, b: Float64Array, rfPerPeriod: number | Float64Array, periodsPerYear: number, perPeriod: boolean): number {
  const x = subtract(r, rfPerPeriod);
  const y = subtract(b, rfPerPeriod);
  const slope = beta(x, y);
  if (perPeriod) return mean(x) - slope * mean(y);
  let sum = 0;
  for (let i = 0; i < x.length; i++) sum += (x[i] as number) - slope * (y[i] as number);
  return Math.pow(1 + sum / x.length, periodsPerYear) - 1;
}

/** Pearson correlation cov(r, b) / (sd(r) · sd(b)); NaN when either is constant. */
export function correlation(r: Float64Array, b: Float64Array): number {
  if (r.length < 2 || isConstant(r) || isConstant(b)) return Number.NaN;
  return sampleCovariance2(r, b) / (sampleStdDev(r) * sampleStdDev(b));
}

/** trackingError = sd(r − b, n−1) · √P (TrackingError). NaN when n < 2. */
export function trackingError(r: Float64Array, b: Float64Array, periodsPerYear: number): number {
  return sampleStdDev(subtract(r, b)) * Math.sqrt(periodsPerYear);
}

/**
 * Information ratio.
 * - standard: mean(r − b) / sd(r − b, n−1) · √P.
 * - performanceanalytics: (cagr(r) − cagr(b)) / trackingError (InformationRatio = ActivePremium / TE).
 * NaN when r − b is constant (zero tracking error).
 */
export function informationRatio(r: Float64Array, b: Float64Array, periodsPerYear: number, geometric: boolean): number {
  const d = subtract(r, b);
  if (d.length < 2 || isConstant(d)) return Number.NaN;
  if (geometric) return (cagr(r, periodsPerYear) - cagr(b, periodsPerYear)) / trackingError(r, b, periodsPerYear);
  return (mean(d) / sampleStdDev(d)) * Math.sqrt(periodsPerYear);
}

/**
 * Up (side = 1) or down (side = −1) capture: cagr of r over the periods where b > 0 (b < 0)
 * divided by cagr of b over the same periods, each cagr annualized over the m selected periods
 * as (∏(1 + x))^(P/m) − 1 (empyrical up_capture / down_capture). NaN when no period qualifies.
 */
export function capture(r: Float64Array, b: Float64Array, periodsPerYear: number, side: 1 | -1): number {
  const rs: number[] = [];
  const bs: number[] = [];
  for (let i = 0; i < b.length; i++) {
    const bi = b[i] as number;
    if (side === 1 ? bi > 0 : bi < 0) {
      rs.push(r[i] as number);
      bs.push(bi);
    }
  }
  if (bs.length === 0) return Number.NaN;
  return cagr(Float64Array.from(rs), periodsPerYear) / cagr(Float64Array.from(bs), periodsPerYear);
}

/** Number of benchmark periods with b > 0 (side 1) or b < 0 (side −1). */
export function countSide(b: Float64Array, side: 1 | -1): number {
  let k = 0;
  for (let i = 0; i < b.length; i++) if (side === 1 ? (b[i] as number) > 0 : (b[i] as number) < 0) k++;
  return k;
}
