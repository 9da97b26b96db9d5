import { formatIsoDate } from '../core/dates.js';
import type { BacktestResult } from '../engine/runBacktest.js';
import { underwaterSeries } from '../metrics/drawdownEpisodes.js';
import { rollingOneYear } from '../metrics/rollingWindows.js';
import type { MetricContext } from '../metrics/convention.js';
import { aligned, buildRollingSeries, prepended } from './buildRollingSeries.js';
import type { ReportSeries } from './reportTypes.js';
import { emptyRecord } from '../core/reservedKeys.js';

/** Finite number or null (JSON cannot hold NaN). */
export function finiteOrNull(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}

/** The daily series of a run, as plain arrays for JSON and CSV (row 0 is the start day). */
export function buildSeries(
  result: BacktestResult,
  conc: { hhi: Float64Array; effectiveHoldings: Float64Array; maxWeight: Float64Array },
  ctx: MetricContext,
): ReportSeries {
  const rolling = rollingOneYear(result.ledger.returns.subarray(1), ctx.periodsPerYear);
  const { ledger, dates, layout } = result;
  const n = dates.length;
  const underwater = underwaterSeries(ledger.returns.subarray(1));
  let benchmarkEquity: number[] | null = null;
  if (result.benchmark) {
    let v = 1;
    benchmarkEquity = Array.from(result.benchmark.returns, (r, t) => {
      if (t > 0 && Number.isFinite(r)) v *= 1 + r;
      return v;
    });
  }
  const weights = emptyRecord<number[]>();
  layout.assets.forEach((ticker, a) => {
    weights[ticker] = Array.from(ledger.weights.subarray(a * n, (a + 1) * n));
  });
  // Sleeve weights of the whole portfolio (not normalised to the invested part): Σ fraction · w.
  const sleeveWeights = emptyRecord<number[]>();
  for (const s of layout.sleeves) {
    const series = new Array<number>(n).fill(0);
    for (const m of s.members) for (let t = 0; t < n; t++) series[t]! += m.fraction * ledger.weights[m.asset * n + t]!;
    sleeveWeights[s.name] = series;
  }
  return {
    dates: Array.from(dates, formatIsoDate),
    equity: Array.from(ledger.equity),
    returns: Array.from(ledger.returns),
    benchmarkEquity,
    benchmarkReturns: result.benchmark ? Array.from(result.benchmark.returns, finiteOrNull) : null,
    underwater: prepended(0, underwater),
    weights,
    sleeveWeights,
    cash: Array.from(ledger.cash, (c, t) => c / ledger.equity[t]!),
    hhi: Array.from(conc.hhi, finiteOrNull),
    effectiveHoldings: Array.from(conc.effectiveHoldings, finiteOrNull),
    maxWeight: Array.from(conc.maxWeight, finiteOrNull),
    rollingReturn: aligned(rolling.rollingReturn),
    rollingVolatility: aligned(rolling.rollingVolatility),
    ...buildRollingSeries(ledger.returns.subarray(1), result.benchmark ? result.benchmark.returns.subarray(1) : null, ctx),
  };
}
