import type { ConventionName } from './convention.js';
import { isConstant, mean, sampleStdDev, subtract } from './moments.js';
import { cagr } from './returnMetrics.js';
import { annualizedVolatility, downsideDeviationAnnualized, downsideDeviationPerPeriod } from './riskMetrics.js';
import { maxDrawdown } from './underwater.js';

/**
 * Risk-adjusted ratios. Rates (rf, MAR) are per period here. NaN when the denominator is 0 or
 * undefined; computeMetrics turns that into null plus a warning.
 */

/**
 * Sharpe ratio of x = r − rf.
 * - standard: mean(x) / sd(x, n−1) · √P (empyrical sharpe_ratio).
 * - performanceanalytics: cagr(x) / (sd(x, n−1) · √P) (SharpeRatio.annualized, geometric).
 */
export function sharpeRatio(r: Float64Array, rfPerPeriod: number | Float64Array, periodsPerYear: number, convention: ConventionName): number {
  const x = subtract(r, rfPerPeriod);
  if (x.length < 2 || isConstant(x)) return Number.NaN;
  if (convention === 'performanceanalytics') return cagr(x, periodsPerYear) / annualizedVolatility(x, periodsPerYear);
  return (mean(x) / sampleStdDev(x)) * Math.sqrt(periodsPerYear);
}

/**
 * Sortino ratio.
 * - standard: mean(r − MAR) · P / downsideDeviationAnnualized (empyrical sortino_ratio).
 * - performanceanalytics: per period, mean(r − MAR) / √(Σ_{r<MAR}(r − MAR)² / n) (SortinoRatio).
 */
export function sortinoRatio(
  r: Float64Array,
  marPerPeriod: number,
  periodsPerYear: number,
  convention: ConventionName,
  /** The downside deviation of the convention (per period, or annualised), when the caller already has it. */
  downside?: number,
): number {
  const excess = mean(subtract(r, marPerPeriod));
  if (convention === 'performanceanalytics') {
    const dd = downside ?? downsideDeviationPerPeriod(r, marPerPeriod);
    return dd > 0 ? excess / dd : Number.NaN;
  }
  const dd = downside ?? downsideDeviationAnnualized(r, marPerPeriod, periodsPerYear);
  return dd > 0 ? (excess * periodsPerYear) / dd : Number.NaN;
}

/**
 * Calmar ratio cagr / maxDrawdown (CalmarRatio); NaN when there is no drawdown. `known`: the
 * two figures of the same returns, when the caller already has them (computeMetrics).
 */
export function calmarRatio(r: Float64Array, periodsPerYear: number, known?: { maxDrawdown: () => number; cagr: () => number }): number {
  const dd = known ? known.maxDrawdown() : maxDrawdown(r);
  return dd > 0 ? (known ? known.cagr() : cagr(r, periodsPerYear)) / dd : Number.NaN;
}
