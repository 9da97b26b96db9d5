/**
 * The figures a sweep keeps per variant, from one backtest result. Metrics follow the spec's
 * convention (docs/conventions.md); `turnoverPerYear` is the report's annualised turnover
 * (Σ turnover of the non-initial rebalances / years, years = periods / P). The extra
 * statistics feed the deflated Sharpe ratio: `periodSharpe` = mean(r − rf) / sd(r − rf, n−1)
 * per period (not annualised, whatever the convention), `skewness` and `excessKurtosis` as in
 * the report (population moments). Undefined values are null, never NaN.
 */
import type { BacktestResult } from '../engine/runBacktest.js';
import { perPeriodRate } from '../metrics/convention.js';
import { computeMetrics, type MetricKey } from '../metrics/computeMetrics.js';
import { mean, sampleStdDev, subtract } from '../metrics/moments.js';
import { inferPeriodsPerYear } from '../metrics/periodsPerYear.js';
import type { StrategySpec } from '../strategy/schema.js';

/**
 * The metric columns of variants.csv, in order (the file format: names never change). Each
 * column is a figure of the catalogue (report/figures/figureCatalogue.ts, `sweepFigure`), which
 * gives its label, format and better direction to the sweep's tables.
 */
export const SWEEP_METRICS = ['cagr', 'annualizedVolatility', 'sharpe', 'sortino', 'maxDrawdown', 'calmar', 'totalReturn', 'turnoverPerYear'] as const;
/** The statistics columns after the metrics (used by the deflated Sharpe ratio). */
export const SWEEP_STATS = ['periods', 'skewness', 'excessKurtosis', 'periodSharpe'] as const;

/** The computeMetrics keys the sweep keeps (only these are computed: no VaR sort). */
const KEPT: readonly MetricKey[] = ['cagr', 'annualizedVolatility', 'sharpe', 'sortino', 'maxDrawdown', 'calmar', 'totalReturn', 'skewness', 'excessKurtosis'];

export type SweepMetric = (typeof SWEEP_METRICS)[number];
export type SweepStat = (typeof SWEEP_STATS)[number];

export interface VariantResult {
  readonly index: number;
  /** SWEEP_METRICS then SWEEP_STATS, in order; null when undefined. */
  readonly values: (number | null)[];
  /** How many metrics were null (their reasons are in a `sleeves run` of the variant). */
  readonly nullCount: number;
  /** The daily returns (row 1 on), when the sweep keeps them (sweep --pbo, walk-forward). */
  readonly returns?: Float64Array;
}

export function variantMetrics(index: number, result: BacktestResult): VariantResult {
  const { spec, dates, ledger } = result;
  let turnoverSum = 0;
  for (let k = 0; k < ledger.trades.count; k++) if (ledger.trades.rule[k] !== 0) turnoverSum += ledger.trades.turnover[k]!;
  return variantFigures(index, spec, dates, ledger.returns.subarray(1), result.cash?.returns.subarray(1), turnoverSum);
}

/**
 * The figures of a variant from its daily returns (row 1 on), its cash returns (same rows;
 * undefined: none), the dates of its period and the summed turnover of its non-initial trades.
 */
export function variantFigures(index: number, spec: StrategySpec, dates: Int32Array, returns: Float64Array, cashReturns: Float64Array | undefined, turnoverSum: number): VariantResult {
  const P = spec.reporting.periodsPerYear ?? inferPeriodsPerYear(dates);
  // reporting.riskFree: cash → the run's cash returns are the risk-free rate (and the Sortino target).
  const rf = spec.reporting.riskFree === 'cash' ? cashReturns : undefined;
  const ctx = {
    periodsPerYear: P,
    convention: spec.reporting.convention,
    riskFreeRate: spec.reporting.riskFreeRate,
    mar: spec.reporting.mar,
    ...(rf ? { riskFreeSeries: rf } : {}),
  };
  const { metrics } = computeMetrics(returns, ctx, KEPT);
  const years = returns.length / P;
  const excess = subtract(returns, rf ?? perPeriodRate(spec.reporting.riskFreeRate, P));
  const values = [
    ...SWEEP_METRICS.map((key) => (key === 'turnoverPerYear' ? (years > 0 ? turnoverSum / years : null) : (metrics[key] ?? null))),
    returns.length,
    metrics['skewness'] ?? null,
    metrics['excessKurtosis'] ?? null,
    mean(excess) / sampleStdDev(excess),
  ].map((v) => (v !== null && Number.isFinite(v) ? v : null));
  return { index, values, nullCount: values.filter((v) => v === null).length };
}
