/**
 * The tearsheet's derived daily series of a run, aligned with the series dates (row 0, the
 * start day, has no return and is null): rolling 6- and 12-month Sharpe (the report's
 * convention and risk-free rate), rolling 6-month volatility (the 12-month one is
 * `rollingVolatility`), the benchmark's 12-month volatility, rolling 6- and 12-month beta
 * against the benchmark on common periods, the benchmark's underwater curve, and the
 * histogram of the periodic returns. Windows: 6 months = round(P/2) periods, 12 months = P.
 */
import { perPeriodRate, type MetricContext } from '../metrics/convention.js';
import { returnHistogram, type ReturnHistogram } from '../metrics/returnHistogram.js';
import { rollingBeta } from '../metrics/rollingBeta.js';
import { excessSeries, rollingSharpe } from '../metrics/rollingSharpe.js';
import { rollingVolatility } from '../metrics/rollingVolatility.js';
import { underwaterSeries } from '../metrics/underwater.js';

export interface RollingSeries {
  rollingSharpe6m: (number | null)[];
  rollingSharpe12m: (number | null)[];
  rollingVolatility6m: (number | null)[];
  rollingBeta6m: (number | null)[] | null;
  rollingBeta12m: (number | null)[] | null;
  benchmarkRollingVolatility: (number | null)[] | null;
  benchmarkUnderwater: number[] | null;
  returnHistogram: ReturnHistogram | null;
}

/** Row 0 null, then each value finite or null (JSON holds no NaN). */
export function aligned(x: Float64Array): (number | null)[] {
  const out = new Array<number | null>(x.length + 1);
  out[0] = null;
  for (let i = 0; i < x.length; i++) {
    const v = x[i]!;
    out[i + 1] = v - v === 0 ? v : null; // finite
  }
  return out;
}

/** `first`, then the values of x as they are: one array, no spread of a typed array. */
export function prepended(first: number, x: Float64Array): number[] {
  const out = new Array<number>(x.length + 1);
  out[0] = first;
  for (let i = 0; i < x.length; i++) out[i + 1] = x[i]!;
  return out;
}

/** `returns` and `benchmark` are the periodic returns of rows 1..n (benchmark NaN where unpriced). */
export function buildRollingSeries(returns: Float64Array, benchmark: Float64Array | null, ctx: MetricContext): RollingSeries {
  const P = ctx.periodsPerYear;
  const half = Math.max(2, Math.round(P / 2));
  const year = Math.max(2, Math.round(P));
  const rf = ctx.riskFreeSeries ?? perPeriodRate(ctx.riskFreeRate, P);
  let benchmarkUnderwater: number[] | null = null;
  if (benchmark) {
    // A day without a benchmark price holds its wealth (as benchmarkEquity does).
    const held = new Float64Array(benchmark.length);
    for (let t = 0; t < benchmark.length; t++) {
      const b = benchmark[t]!;
      held[t] = b - b === 0 ? b : 0; // finite
    }
    benchmarkUnderwater = prepended(0, underwaterSeries(held));
  }
  const excess = excessSeries(returns, rf, ctx.convention);
  return {
    rollingSharpe6m: aligned(rollingSharpe(returns, rf, half, P, ctx.convention, excess)),
    rollingSharpe12m: aligned(rollingSharpe(returns, rf, year, P, ctx.convention, excess)),
    rollingVolatility6m: aligned(rollingVolatility(returns, half, P)),
    rollingBeta6m: benchmark ? aligned(rollingBeta(returns, benchmark, half)) : null,
    rollingBeta12m: benchmark ? aligned(rollingBeta(returns, benchmark, year)) : null,
    benchmarkRollingVolatility: benchmark ? aligned(rollingVolatility(benchmark, year, P)) : null,
    benchmarkUnderwater,
    returnHistogram: returnHistogram(returns),
  };
}
