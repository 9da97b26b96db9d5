import { UserError } from '../core/errors.js';

/**
 * Metric convention profiles (docs/conventions.md). `standard` follows the textbook forms as
 * empyrical (behind quantstats and pyfolio) computes them; `performanceanalytics` follows R's
 * PerformanceAnalytics 2.0.8. Every report prints the profile it used.
 */
export type ConventionName = 'standard' | 'performanceanalytics';

export const CONVENTION_NAMES: readonly ConventionName[] = ['standard', 'performanceanalytics'];

/**
 * What every metric needs besides the returns. `riskFreeRate` and `mar` are ANNUAL rates,
 * converted per period as (1 + rate)^(1/P) − 1 by {@link perPeriodRate}.
 */
export interface MetricContext {
  periodsPerYear: number;
  convention: ConventionName;
  /** Annual risk-free rate, default 0. */
  riskFreeRate: number;
  /** Annual minimum acceptable return for downside measures, default 0. */
  mar: number;
  /**
   * Per-period risk-free returns aligned with the returns measured (reporting.riskFree: cash):
   * when given, Sharpe and alpha use it instead of riskFreeRate, and it is the Sortino and
   * downside-deviation target instead of mar.
   */
  riskFreeSeries?: Float64Array;
}

/** A context with rf = MAR = 0. */
export function metricContext(periodsPerYear: number, convention: ConventionName = 'standard'): MetricContext {
  return { periodsPerYear, convention, riskFreeRate: 0, mar: 0 };
}

/** Per-period rate of an annual rate: (1 + rate)^(1/P) − 1 (0 stays exactly 0). */
export function perPeriodRate(annualRate: number, periodsPerYear: number): number {
  if (annualRate === 0) return 0;
  return Math.pow(1 + annualRate, 1 / periodsPerYear) - 1;
}

/** Parses a convention name given by the user. */
export function parseConventionName(text: string, field = '--convention'): ConventionName {
  if (text === 'standard' || text === 'performanceanalytics') return text;
  throw new UserError(`${field}: expected standard or performanceanalytics, got "${text}"`);
}
