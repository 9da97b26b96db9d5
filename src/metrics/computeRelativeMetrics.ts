import { assertFinite } from './computeMetrics.js';
import { perPeriodRate, type MetricContext } from './convention.js';
import { isConstant } from './moments.js';
import { alpha, beta, capture, correlation, countSide, informationRatio, trackingError } from './relativeMetrics.js';

/** The keys computeRelativeMetrics returns, in display order. */
export const RELATIVE_METRIC_KEYS = [
  'beta',
  'alpha',
  'correlation',
  'trackingError',
  'informationRatio',
  'upCapture',
  'downCapture',
] as const;

export type RelativeMetricKey = (typeof RELATIVE_METRIC_KEYS)[number];

/**
 * Benchmark-relative metrics of `returns` against `benchmark` (same length, period k of both
 * realised on the same date) under the context's convention (docs/conventions.md). Undefined
 * values (benchmark with zero variance, zero tracking error, no up or down benchmark periods,
 * fewer than 2 periods) are null with a warning.
 */
export function computeRelativeMetrics(
  returns: Float64Array,
  benchmark: Float64Array,
  ctx: MetricContext,
): { metrics: Record<string, number | null>; warnings: string[] } {
  if (returns.length !== benchmark.length) {
    throw new RangeError(`computeRelativeMetrics: ${returns.length} returns but ${benchmark.length} benchmark returns`);
  }
  assertFinite(returns, 'computeRelativeMetrics');
  assertFinite(benchmark, 'computeRelativeMetrics (benchmark)');
  const P = ctx.periodsPerYear;
  const pa = ctx.convention === 'performanceanalytics';
  const rf = ctx.riskFreeSeries ?? perPeriodRate(ctx.riskFreeRate, P);
  const n = returns.length;
  const metrics: Record<string, number | null> = {};
  const warnings: string[] = [];
  // A reason is worked out only for a null (each reads a series once more).
  const put = (key: RelativeMetricKey, value: number, reason: string | (() => string)): void => {
    if (Number.isFinite(value)) metrics[key] = value;
    else {
      metrics[key] = null;
      warnings.push(`${key}: null (${typeof reason === 'string' ? reason : reason()})`);
    }
  };
  const short = n < 2 ? `${n} period${n === 1 ? '' : 's'}, needs at least 2` : '';
  const flatBenchmark = short || 'benchmark has zero variance';
  put('beta', beta(returns, benchmark), flatBenchmark);
  put('alpha', alpha(returns, benchmark, rf, P, pa), flatBenchmark);
  put('correlation', correlation(returns, benchmark), () => short || (isConstant(benchmark) ? flatBenchmark : 'series has zero variance'));
  put('trackingError', trackingError(returns, benchmark, P), short);
  put('informationRatio', informationRatio(returns, benchmark, P, pa), short || 'zero tracking error: returns minus benchmark is constant');
  const captureReason = (side: 1 | -1) => (): string => {
    if (countSide(benchmark, side) === 0) return `no periods with benchmark ${side === 1 ? 'above' : 'below'} 0`;
    return `benchmark cagr over its ${side === 1 ? 'up' : 'down'} periods is 0`;
  };
  put('upCapture', capture(returns, benchmark, P, 1), captureReason(1));
  put('downCapture', capture(returns, benchmark, P, -1), captureReason(-1));
  return { metrics, warnings };
}
