import { perPeriodRate, type MetricContext } from './convention.js';
import { excessKurtosis, isConstant, mean, skewness, subtract } from './moments.js';
import { calmarRatio, sharpeRatio, sortinoRatio } from './ratioMetrics.js';
import { bestPeriod, cagr, positivePeriodsShare, totalReturn, worstPeriod } from './returnMetrics.js';
import {
  annualizedVolatility,
  downsideDeviationAnnualized,
  downsideDeviationPerPeriod,
  historicalCVaR,
  historicalVaR,
  periodsBelow,
  tailProbability,
} from './riskMetrics.js';
import { longestDrawdownPeriods, maxDrawdown } from './underwater.js';

/** The keys computeMetrics returns, in display order. */
export const METRIC_KEYS = [
  'periods',
  'totalReturn',
  'cagr',
  'annualizedVolatility',
  'sharpe',
  'downsideDeviation',
  'sortino',
  'maxDrawdown',
  'calmar',
  'longestDrawdownPeriods',
  'var95',
  'cvar95',
  'var99',
  'cvar99',
  'skewness',
  'excessKurtosis',
  'meanReturn',
  'bestPeriod',
  'worstPeriod',
  'positivePeriodsShare',
] as const;

export type MetricKey = (typeof METRIC_KEYS)[number];

/**
 * Every single-series metric of periodic simple returns under the context's convention
 * (docs/conventions.md). A metric that is undefined (zero volatility, no period below MAR, no
 * drawdown, fewer than 2 periods) is null, with a warning naming the metric and the reason;
 * nothing returned is NaN or ±Infinity. `meanReturn` is the arithmetic mean per period.
 * With `only`, just those keys are computed (same code, same values): a sweep keeps 9 of the 20
 * and skips the VaR sorts.
 */
export function computeMetrics(
  returns: Float64Array,
  ctx: MetricContext,
  only?: readonly MetricKey[],
): { metrics: Record<string, number | null>; warnings: string[] } {
  assertFinite(returns, 'computeMetrics');
  const P = ctx.periodsPerYear;
  const pa = ctx.convention === 'performanceanalytics';
  const r = returns;
  const n = r.length;
  const series = ctx.riskFreeSeries;
  if (series !== undefined && series.length !== n) throw new RangeError(`computeMetrics: ${n} returns but ${series.length} risk-free returns`);
  const rf = series ?? perPeriodRate(ctx.riskFreeRate, P);
  // Downside measures against a target series: r − target below 0 (Sortino(r, c) = Sortino(r − c, 0)).
  const [dr, mar] = series !== undefined ? [subtract(r, series), 0] : [r, perPeriodRate(ctx.mar, P)];
  const metrics: Record<string, number | null> = {};
  const warnings: string[] = [];
  // Returns so large that their squares or their compounded growth leave double precision
  // (|r| > 1e150: r² > 1e300) make second moments meaningless (a Sharpe of mean/∞ = 0): those
  // metrics are null, and every null names the overflow rather than a misleading reason.
  const largest = maxAbs(r);
  const overflow = largest > OVERFLOW_SCALE;
  const overflowReason = `a return of ${largest.toPrecision(3)} overflows double precision in this formula`;
  const wanted = only ? new Set<MetricKey>(only) : null;
  const put = (key: MetricKey, compute: () => number, reason: () => string): void => {
    if (wanted !== null && !wanted.has(key)) return;
    const value = compute();
    if (Number.isFinite(value) && !(overflow && SECOND_MOMENT_KEYS.has(key))) metrics[key] = value;
    else {
      metrics[key] = null;
      warnings.push(`${key}: null (${overflow ? overflowReason : reason()})`);
    }
  };
  const tooShort = (need: number) => () => `${n} period${n === 1 ? '' : 's'}, needs at least ${need}`;
  const volReason = () => (n < 2 ? tooShort(2)() : 'zero volatility: every return is the same');

  // Figures that other figures reuse, each computed once (the same calls, so the same values).
  const once = (compute: () => number): (() => number) => {
    let value: number | undefined;
    return () => (value ??= compute());
  };
  const cagrOnce = once(() => cagr(r, P));
  const maxDrawdownOnce = once(() => maxDrawdown(r));
  const downsideOnce = once(() => (pa ? downsideDeviationPerPeriod(dr, mar) : downsideDeviationAnnualized(dr, mar, P)));

  put('periods', () => n, tooShort(0));
  put('totalReturn', () => (n === 0 ? Number.NaN : totalReturn(r)), tooShort(1));
  put('cagr', cagrOnce, tooShort(1));
  put('annualizedVolatility', () => annualizedVolatility(r, P), tooShort(2));
  put('sharpe', () => sharpeRatio(r, rf, P, ctx.convention), () => (n < 2 || isConstant(subtract(r, rf)) ? volReason() : 'undefined'));
  put('downsideDeviation', downsideOnce, tooShort(1));
  put('sortino', () => sortinoRatio(dr, mar, P, ctx.convention, downsideOnce()), () =>
    n === 0 ? tooShort(1)() : periodsBelow(dr, mar) === 0 ? 'no periods below MAR' : 'undefined',
  );
  put('maxDrawdown', () => (n === 0 ? Number.NaN : maxDrawdownOnce()), tooShort(1));
  put('calmar', () => calmarRatio(r, P, { maxDrawdown: maxDrawdownOnce, cagr: cagrOnce }), () => (n === 0 ? tooShort(1)() : 'no drawdown'));
  put('longestDrawdownPeriods', () => (n === 0 ? Number.NaN : longestDrawdownPeriods(r, pa)), tooShort(1));
  const tailReason = () => (n === 0 ? tooShort(1)() : 'no return strictly below VaR');
  const tail95 = tailProbability(0.95, pa);
  const tail99 = tailProbability(0.99, pa);
  // One sorted copy for the four tail figures (not a sort per figure).
  let sortedR: Float64Array | undefined;
  const sorted = () => (sortedR ??= Float64Array.from(r).sort());
  put('var95', () => historicalVaR(r, tail95, sorted()), tooShort(1));
  put('cvar95', () => historicalCVaR(r, tail95, pa, sorted()), tailReason);
  put('var99', () => historicalVaR(r, tail99, sorted()), tooShort(1));
  put('cvar99', () => historicalCVaR(r, tail99, pa, sorted()), tailReason);
  put('skewness', () => skewness(r), volReason);
  put('excessKurtosis', () => excessKurtosis(r), volReason);
  put('meanReturn', () => mean(r), tooShort(1));
  put('bestPeriod', () => bestPeriod(r), tooShort(1));
  put('worstPeriod', () => worstPeriod(r), tooShort(1));
  put('positivePeriodsShare', () => positivePeriodsShare(r), tooShort(1));
  return { metrics, warnings };
}

/** Above this magnitude a return's square passes 1e300: sums of squares may overflow. */
const OVERFLOW_SCALE = 1e150;

/** Metrics built on squares (or higher powers) of returns: null when a return overflows them. */
const SECOND_MOMENT_KEYS: ReadonlySet<MetricKey> = new Set<MetricKey>(['annualizedVolatility', 'sharpe', 'sortino', 'skewness', 'excessKurtosis']);

function maxAbs(r: Float64Array): number {
  let m = 0;
  for (let i = 0; i < r.length; i++) m = Math.max(m, Math.abs(r[i] as number));
  return m;
}

/** Throws when a return is NaN or infinite (callers trim missing periods before). */
export function assertFinite(r: Float64Array, where: string): void {
  for (let i = 0; i < r.length; i++) {
    if (!Number.isFinite(r[i] as number)) throw new RangeError(`${where}: return ${i} is ${r[i]}; trim missing periods first`);
  }
}
