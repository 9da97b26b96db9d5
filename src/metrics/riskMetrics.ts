import { mean, sampleStdDev } from './moments.js';
import { quantileOfSorted, quantileType7 } from './quantile.js';

/**
 * Risk measures of periodic simple returns r_1..r_n. MAR is a per-period rate here.
 */

/** annualizedVolatility = sd(r, n−1) · √P (StdDev.annualized). NaN when n < 2. */
export function annualizedVolatility(r: Float64Array, periodsPerYear: number): number {
  return sampleStdDev(r) * Math.sqrt(periodsPerYear);
}

/** Number of periods with r_t < MAR (strictly below). */
export function periodsBelow(r: Float64Array, marPerPeriod: number): number {
  let k = 0;
  for (let i = 0; i < r.length; i++) if ((r[i] as number) < marPerPeriod) k++;
  return k;
}

/**
 * Per-period downside deviation √(Σ_{r_t<MAR} (r_t − MAR)² / n), the sum over the periods below
 * MAR and the divisor ALL n periods (PerformanceAnalytics DownsideDeviation, method "full").
 * NaN when n = 0.
 */
export function downsideDeviationPerPeriod(r: Float64Array, marPerPeriod: number): number {
  const n = r.length;
  if (n === 0) return Number.NaN;
  let ss = 0;
  for (let i = 0; i < n; i++) {
    const d = (r[i] as number) - marPerPeriod;
    if (d < 0) ss += d * d;
  }
  return Math.sqrt(ss / n);
}

/**
 * Annualized downside deviation √(mean over all n of min(r_t − MAR, 0)²) · √P (empyrical
 * downside_risk). Equals downsideDeviationPerPeriod · √P.
 */
export function downsideDeviationAnnualized(r: Float64Array, marPerPeriod: number, periodsPerYear: number): number {
  return downsideDeviationPerPeriod(r, marPerPeriod) * Math.sqrt(periodsPerYear);
}

/**
 * Historical value at risk: the `tail`-quantile of r with linear interpolation (type 7), e.g.
 * tail = 0.05 for var95. A return, so usually negative. The tail probability is passed as each
 * reference tool computes it: `standard` uses 5/100 = 0.05 (numpy percentile(r, 5)),
 * `performanceanalytics` uses 1 − 0.95 = 0.05000000000000004 (R's quantile(R, 1 − p)); the
 * difference only matters for which returns tie with VaR in the strict CVaR. `sorted`: r sorted
 * ascending, when the caller reads several quantiles of one series (one sort, not one each).
 */
export function historicalVaR(r: Float64Array, tail: number, sorted?: Float64Array): number {
  return sorted !== undefined ? quantileOfSorted(sorted, tail) : quantileType7(r, tail);
}

/** The tail probability of confidence c (0.95 or 0.99) as the profile's reference tool computes it. */
export function tailProbability(confidence: number, performanceAnalytics: boolean): number {
  return performanceAnalytics ? 1 - confidence : Math.round((1 - confidence) * 100) / 100;
}

/**
 * Historical conditional value at risk (expected shortfall) at tail probability `tail`: the mean of the returns at or
 * below VaR (`strict = false`, standard) or strictly below VaR (`strict = true`,
 * PerformanceAnalytics ES method "historical"). NaN when no return qualifies.
 */
export function historicalCVaR(r: Float64Array, tail: number, strict: boolean, sorted?: Float64Array): number {
  const v = historicalVaR(r, tail, sorted);
  let sum = 0;
  let k = 0;
  for (let i = 0; i < r.length; i++) {
    const x = r[i] as number;
    if (strict ? x < v : x <= v) {
      sum += x;
      k++;
    }
  }
  return k === 0 ? Number.NaN : sum / k;
}

/** The arithmetic mean return per period (re-exported for the metric table). */
export const meanReturn = mean;
