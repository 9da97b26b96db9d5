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

/**
 * The values of a typed array as a plain array. A loop, not Array.from, which walks a typed
 * array through its iterator (an object per element: 3× slower on a run's ~40 daily columns).
 */
export function plain(x: Float64Array): number[] {
  const out = new Array<number>(x.length);
  for (let i = 0; i < x.length; i++) out[i] = x[i]!;
  return out;
}

/** f(x[i], i) for each element of a typed array, as a plain array (as Array.from(x, f), without its iterator). */
export function mapped<T>(x: Float64Array | Int32Array, f: (value: number, index: number) => T): T[] {
  const out = new Array<T>(x.length);
  for (let i = 0; i < x.length; i++) out[i] = f(x[i]!, i);
  return out;
}

/** finiteOrNull of each element, as a plain array (mapped(x, finiteOrNull) without a call per element). */
export function finiteOrNulls(x: Float64Array): (number | null)[] {
  const out = new Array<number | null>(x.length);
  for (let i = 0; i < x.length; i++) {
    const v = x[i]!;
    out[i] = v - v === 0 ? v : null;
  }
  return out;
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
    const b = result.benchmark.returns;
    benchmarkEquity = new Array<number>(b.length);
    let v = 1;
    for (let t = 0; t < b.length; t++) {
      const r = b[t]!;
      if (t > 0 && r - r === 0) v *= 1 + r;
      benchmarkEquity[t] = v;
    }
  }
  const weights = emptyRecord<number[]>();
  layout.assets.forEach((ticker, a) => {
    weights[ticker] = plain(ledger.weights.subarray(a * n, (a + 1) * n));
  });
  // Sleeve weights of the whole portfolio (not normalised to the invested part): Σ fraction · w.
  const sleeveWeights = emptyRecord<number[]>();
  for (const s of layout.sleeves) {
    const series = new Array<number>(n).fill(0);
    for (const m of s.members) for (let t = 0; t < n; t++) series[t]! += m.fraction * ledger.weights[m.asset * n + t]!;
    sleeveWeights[s.name] = series;
  }
  return {
    dates: mapped(dates, formatIsoDate),
    equity: plain(ledger.equity),
    returns: plain(ledger.returns),
    benchmarkEquity,
    benchmarkReturns: result.benchmark ? finiteOrNulls(result.benchmark.returns) : null,
    underwater: prepended(0, underwater),
    weights,
    sleeveWeights,
    cash: cashShares(ledger.cash, ledger.equity),
    hhi: finiteOrNulls(conc.hhi),
    effectiveHoldings: finiteOrNulls(conc.effectiveHoldings),
    maxWeight: finiteOrNulls(conc.maxWeight),
    rollingReturn: aligned(rolling.rollingReturn),
    rollingVolatility: aligned(rolling.rollingVolatility),
    ...buildRollingSeries(ledger.returns.subarray(1), result.benchmark ? result.benchmark.returns.subarray(1) : null, ctx),
  };
}

/** cash[t] / equity[t], as a plain array. */
function cashShares(cash: Float64Array, equity: Float64Array): number[] {
  const out = new Array<number>(cash.length);
  for (let t = 0; t < cash.length; t++) out[t] = cash[t]! / equity[t]!;
  return out;
}
