/**
 * The one place that knows the order of the pipeline:
 *   aligned panel → period → strategy decisions (two-level allocation) → simulation kernel → result.
 * Pure: data come in already loaded; the caller writes and renders.
 */
import { formatIsoDate, parseUserDate } from '../core/dates.js';
import { UserError } from '../core/errors.js';
import { lowerBound, type PricePanel } from '../core/panel.js';
import { RULE_NAMES, simulateKernel, type KernelLedger } from '../execution/simulateKernel.js';
import { calendarSchedule } from '../schedule/calendarSchedule.js';
import type { WeightsSchedule } from '../data/readWeightsCsv.js';
import type { CashRates } from '../data/readCashRates.js';
import { cashReturns, type CashReturns } from './cashReturns.js';
import type { StrategySpec } from '../strategy/schema.js';
import { makeDecider, summarizeDecisionWarnings, type DecisionRecord } from './decideTargets.js';
import { preparePanel, type PreparedPanel } from './preparePanel.js';
import { scheduleDecisions } from './scheduleDecisions.js';
import { strategyLayout, type StrategyLayout } from './strategyLayout.js';

export interface RunData {
  readonly panel: PricePanel;
  /** Targets from a weights file, replacing the allocation and the calendar when present. */
  readonly schedule?: WeightsSchedule | undefined;
  /** Work shared across runs on the same panel (returns, window sums); optional. */
  readonly prepared?: PreparedPanel | undefined;
  /** Record end-of-day weights (default true); sweeps and robustness jobs need only returns. */
  readonly recordWeights?: boolean | undefined;
  /** The annual rates of `cash.rateFile`, read by the caller (loadRunData). */
  readonly cashRates?: CashRates | undefined;
}

export interface RebalanceRecord {
  readonly decisionDate: string;
  readonly tradeDate: string;
  readonly rule: (typeof RULE_NAMES)[number];
  readonly turnover: number;
  readonly cost: number;
  readonly fallbacks: DecisionRecord['fallbacks'];
  /** Sleeves or tickers the trend filter switched off at this decision. */
  readonly brokenTrends: readonly string[];
}

export interface BacktestResult {
  readonly spec: StrategySpec;
  readonly layout: StrategyLayout;
  /** Dates of the period's rows; row 0 is the start (initial capital, first decision). */
  readonly dates: Int32Array;
  readonly ledger: KernelLedger;
  /** The strategy's asset prices: asset a on period row t is values[a * stride + offset + t]. */
  readonly prices: { readonly values: Float64Array; readonly stride: number; readonly offset: number };
  readonly benchmark: { readonly ticker: string; readonly returns: Float64Array } | null;
  /** What cash earned per period row (null: nothing); also the risk-free rate with reporting.riskFree: cash. */
  readonly cash: CashReturns | null;
  readonly rebalances: readonly RebalanceRecord[];
  /** Assets whose first price falls after the period start (weight 0 until then). */
  readonly lateStarts: readonly { ticker: string; firstDate: string }[];
  readonly warnings: readonly string[];
}

export function runBacktest(spec: StrategySpec, data: RunData): BacktestResult {
  const { panel } = data;
  const layout = strategyLayout(spec);
  const N = panel.dates.length;
  const columns = layout.assets.map((ticker) => {
    const a = panel.assets.indexOf(ticker);
    if (a < 0) throw new UserError(`strategy asset ${ticker} is not in the loaded data`);
    return a;
  });
  const m = columns.length;
  // The strategy's assets as the first m columns: the panel itself when loaded in that order.
  const inOrder = columns.every((a, i) => a === i);
  const prices = inOrder ? panel.values.subarray(0, m * N) : new Float64Array(m * N);
  if (!inOrder) columns.forEach((a, i) => prices.set(panel.values.subarray(a * N, (a + 1) * N), i * N));
  const warnings: string[] = [];

  const { lo, hi } = periodRows(spec, panel.dates, prices, layout.assets, warnings);
  const n = hi - lo;
  const decisions: DecisionRecord[] = [];
  // Returns and window sums: prepared once per panel (shared by sweeps and robustness runs).
  const prepared = { data: data.prepared ?? preparePanel(panel), columns };
  const decideFull = makeDecider({ layout, across: spec.allocation.across, nRows: N, prices, prepared }, decisions);
  const dates = panel.dates.subarray(lo, hi);
  const { rebalance, costs } = spec;
  const fromFile = data.schedule ? scheduleDecisions(data.schedule, dates, layout.assets, warnings) : null;
  const cash = cashReturns(spec, panel, lo, hi, data.cashRates);
  if (cash) warnings.push(...cash.warnings);
  const ledger = simulateKernel({
    nDates: n,
    nAssets: m,
    prices,
    stride: N,
    offset: lo,
    calendar: fromFile?.calendar ?? calendarSchedule(dates, { schedule: rebalance.schedule, on: rebalance.on, everyDays: rebalance.everyDays }),
    bandAbsolute: fromFile ? 0 : (rebalance.band?.absolute ?? 0),
    bandRelative: fromFile ? 0 : (rebalance.band?.relative ?? 0),
    lag: rebalance.lag,
    costRate: (costs.bps + costs.slippageBps) / 10_000,
    minTurnover: rebalance.minTrade,
    recordWeights: data.recordWeights ?? true,
    decide: fromFile?.decide ?? ((t, out) => decideFull(lo + t, out)),
    ...(cash ? { cashReturns: cash.returns } : {}),
  });

  const decisionByRow = new Map(decisions.map((d) => [d.row - lo, d]));
  const rebalances: RebalanceRecord[] = [];
  for (let k = 0; k < ledger.trades.count; k++) {
    const decisionRow = ledger.trades.decisionRow[k]!;
    rebalances.push({
      decisionDate: formatIsoDate(dates[decisionRow]!),
      tradeDate: formatIsoDate(dates[ledger.trades.row[k]!]!),
      rule: RULE_NAMES[ledger.trades.rule[k]!]!,
      turnover: ledger.trades.turnover[k]!,
      cost: ledger.trades.cost[k]!,
      fallbacks: decisionByRow.get(decisionRow)?.fallbacks ?? [],
      brokenTrends: decisionByRow.get(decisionRow)?.brokenTrends ?? [],
    });
  }

  // Allocator and constraint warnings, once per distinct message with the decisions it came from.
  warnings.push(...summarizeDecisionWarnings(decisions, (row) => formatIsoDate(panel.dates[row]!)));

  const lateStarts: { ticker: string; firstDate: string }[] = [];
  layout.assets.forEach((ticker, i) => {
    if (!((prices[i * N + lo] as number) > 0)) {
      let t = 0;
      while (t < n && !((prices[i * N + lo + t] as number) > 0)) t++;
      lateStarts.push({ ticker, firstDate: t < n ? formatIsoDate(dates[t]!) : 'never in the period' });
    }
  });
  for (const late of lateStarts) warnings.push(`${late.ticker} has no price at the period start; weight 0 until ${late.firstDate}`);

  return { spec, layout, dates, ledger, prices: { values: prices, stride: N, offset: lo }, benchmark: benchmarkReturns(spec, panel, lo, hi), cash, rebalances, lateStarts, warnings };
}

/**
 * The period's rows. Without `from`, the period starts on the first date on which every asset
 * of the strategy has a price; without `to`, it ends on the last date on which every asset has
 * one. Both are stated in the warnings when they cut the data.
 */
function periodRows(spec: StrategySpec, dates: Int32Array, prices: Float64Array, assets: readonly string[], warnings: string[]): { lo: number; hi: number } {
  const N = dates.length;
  let commonStart = 0;
  let commonEnd = N - 1;
  assets.forEach((_, i) => {
    let first = 0;
    while (first < N && !((prices[i * N + first] as number) > 0)) first++;
    let last = N - 1;
    while (last >= 0 && !((prices[i * N + last] as number) > 0)) last--;
    commonStart = Math.max(commonStart, first);
    commonEnd = Math.min(commonEnd, last);
  });
  const from = spec.period.from !== undefined ? parseUserDate(spec.period.from, 'period.from') : undefined;
  const to = spec.period.to !== undefined ? parseUserDate(spec.period.to, 'period.to') : undefined;
  const lo = from !== undefined ? lowerBound(dates, from) : commonStart;
  const hi = to !== undefined ? lowerBound(dates, to + 1) : commonEnd + 1;
  if (N === 0 || hi - lo < 2) {
    const span = N > 0 ? `${formatIsoDate(dates[0]!)} to ${formatIsoDate(dates[N - 1]!)}` : 'no dates';
    throw new UserError(
      `period ${spec.period.from ?? 'start'} to ${spec.period.to ?? 'end'} holds fewer than 2 trading days of the data (data span ${span}; all assets priced from ${N > commonStart ? formatIsoDate(dates[commonStart]!) : '-'} to ${commonEnd >= 0 ? formatIsoDate(dates[commonEnd]!) : '-'})`,
    );
  }
  if (from === undefined && commonStart > 0) warnings.push(`period starts ${formatIsoDate(dates[lo]!)}, the first date on which every asset has a price`);
  if (to === undefined && commonEnd < N - 1) warnings.push(`period ends ${formatIsoDate(dates[hi - 1]!)}, the last date on which every asset has a price`);
  return { lo, hi };
}

function benchmarkReturns(spec: StrategySpec, panel: PricePanel, lo: number, hi: number): BacktestResult['benchmark'] {
  if (!spec.benchmark) return null;
  const N = panel.dates.length;
  const b = panel.assets.indexOf(spec.benchmark);
  if (b < 0) throw new UserError(`benchmark ${spec.benchmark} is not in the loaded data`);
  const n = hi - lo;
  const returns = new Float64Array(n);
  returns[0] = Number.NaN;
  for (let t = 1; t < n; t++) {
    returns[t] = (panel.values[b * N + lo + t] as number) / (panel.values[b * N + lo + t - 1] as number) - 1;
  }
  return { ticker: spec.benchmark, returns };
}
