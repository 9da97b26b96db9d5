/**
 * The one place that knows the order of the pipeline:
 *   aligned panel → period → strategy decisions (two-level allocation) → simulation kernel → result.
 * Pure: data come in already loaded; the caller writes and renders.
 */
import { formatIsoDate, parseUserDate } from '../core/dates.js';
import { UserError } from '../core/errors.js';
import { simpleReturnsInto } from '../core/simpleReturns.js';
import { lowerBound, type PricePanel } from '../core/panel.js';
import type { FilledPrices } from '../execution/filledPrices.js';
import { simulateKernel, type KernelLedger } from '../execution/simulateKernel.js';
import type { WeightsSchedule } from '../data/readWeightsCsv.js';
import type { CashRates } from '../data/readCashRates.js';
import { cashReturns, type CashReturns } from './cashReturns.js';
import type { StrategySpec } from '../strategy/schema.js';
import type { DecisionMemo } from './decisionMemo.js';
import { makeDecider, summarizeDecisionWarnings, type DecisionRecord } from './decideTargets.js';
import { strategyPeriodWindow, type CoverageRow, type KnownSpans, type PeriodWindow } from './periodWindow.js';
import { columnsOfAssets } from './panelColumnIndex.js';
import { oneShotColumns, oneShotDecisions } from './oneShotRoute.js';
import { plainDecider, plainMethod, type DecideRows } from './plainDecisions.js';
import { rebalanceRecords, type RebalanceRecord } from './rebalanceRecords.js';
import { preparePanel, type PanelBuffers, type PreparedPanel } from './preparePanel.js';
import { runCalendar } from './runCalendar.js';
import { runTranches } from './runTranches.js';
import { scheduleDecisions } from './scheduleDecisions.js';
import { strategyLayout, type StrategyLayout } from './strategyLayout.js';

export type { RebalanceRecord } from './rebalanceRecords.js';

export interface RunData {
  readonly panel: PricePanel;
  /** Targets from a weights file, replacing the allocation and the calendar when present. */
  readonly schedule?: WeightsSchedule | undefined;
  /** Work shared across runs on the same panel (returns, window sums); optional. */
  readonly prepared?: PreparedPanel | undefined;
  /** The price files' own spans (first and last date), for messages about coverage. */
  readonly files?: readonly { readonly ticker: string; readonly start: string; readonly end: string }[] | undefined;
  /** Record end-of-day weights (default true); sweeps and robustness jobs need only returns. */
  readonly recordWeights?: boolean | undefined;
  /** The annual rates of `cash.rateFile`, read by the caller (loadRunData). */
  readonly cashRates?: CashRates | undefined;
  /** Decisions shared with other runs on this panel (the sweep's fast path, engine/decisionMemo.ts); used only when it accepts the spec. */
  readonly decisions?: DecisionMemo | undefined;
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
  /** Built from the ledger when first read (rebalanceRecords.ts); the same array on every read. */
  readonly rebalances: readonly RebalanceRecord[];
  /** Each asset's and the benchmark's prices over the period, and what was done where it had none. */
  readonly coverage: readonly CoverageRow[];
  readonly warnings: readonly string[];
}

export function runBacktest(spec: StrategySpec, data: RunData): BacktestResult {
  if ((spec.rebalance.tranches ?? 1) > 1) return runTranches(spec, data, runBacktest);
  const { panel } = data;
  const layout = strategyLayout(spec);
  const N = panel.dates.length;
  const { columns: assetColumns, list: columns, inOrder } = columnsOfAssets(layout.assets, panel.assets);
  const m = columns.length;
  // The strategy's assets as the first m columns: the panel itself when loaded in that order.
  const prices = inOrder ? panel.values.subarray(0, m * N) : new Float64Array(m * N);
  if (!inOrder) columns.forEach((a, i) => prices.set(panel.values.subarray(a * N, (a + 1) * N), i * N));
  // A one-shot run of a plain spec computes only what it reads (oneShotRoute.ts) when it can.
  const method = plainMethod(spec, layout);
  if (method !== null && data.prepared === undefined && data.decisions === undefined && data.schedule === undefined && spec.rebalance.band === undefined) {
    const cols = oneShotColumns(prices, N, m, columns, panel.assets.length);
    if (cols !== null) {
      // The priced spans it counted, by panel column (−1 holes: not counted, read by the window).
      const first = new Int32Array(cols.holes.length);
      const last = new Int32Array(cols.holes.length);
      for (let i = 0; i < m; i++) {
        first[columns[i]!] = cols.first[i]!;
        last[columns[i]!] = cols.last[i]!;
      }
      const result = simulate(spec, data, layout, prices, assetColumns, { first, last, holes: cols.holes }, (window, calendar, log) => oneShotDecisions(cols, method, layout.sleeves[0]!.name, window.lo, window.hi, calendar, spec.rebalance.lag, log));
      if (result !== null) return result;
    }
  }
  // Window sums and filled prices: prepared once per panel (shared by sweeps and robustness
  // runs), or here, into the buffers of the last run that prepared its own (see takeBuffers).
  const prepared = { data: data.prepared ?? preparePanel(panel, takeBuffers()), columns };
  try {
    const { firstPriced, lastPriced, holes } = prepared.data;
    return simulate(spec, data, layout, prices, assetColumns, { first: firstPriced, last: lastPriced, holes }, (window, _calendar, log) => {
      const make = (): Decide => makeDecider({ layout, across: spec.allocation.across, nRows: N, prices, prepared, dates: panel.dates, lateStart: spec.data.lateStart }, log);
      // A plain spec asks the general decider only where its method fails, row by row: made then.
      let made: Decide | undefined;
      const general = method !== null ? (row: number, out: Float64Array): void => (made ??= make())(row, out) : make();
      const plain = method !== null ? plainDecider(method, layout, prices, N, prepared, general, log) : null;
      const decider = plain?.decide ?? general;
      const memo = data.decisions?.accepts(spec, panel) === true;
      return {
        decide: memo ? data.decisions!.wrap(decider, log) : decider,
        decideRows: memo ? undefined : plain?.decideRows,
        filled: { values: prepared.data.filled, stride: prepared.data.nAssets, offset: window.lo, columns: assetColumns },
      };
    })!;
  } finally {
    if (data.prepared === undefined) spare = prepared.data;
  }
}

/**
 * Buffers of a panel this module prepared itself, free for the next run that has to (a run
 * without `data.prepared`): taken while a run reads them, so a nested run (a user module that
 * backtests) prepares into fresh ones. No result keeps a reference to them.
 */
let spare: PanelBuffers | undefined;

function takeBuffers(): PanelBuffers | undefined {
  const b = spare;
  spare = undefined;
  return b;
}

/**
 * Where a run's decisions and valued prices come from, once its period and calendar are known:
 * `decide(row, out)` over full-panel rows and the forward-filled prices of the period (offset at
 * its first row); null when this route does not take the run.
 */
type Decide = (row: number, out: Float64Array) => void;

type Route = (window: PeriodWindow, calendar: Uint8Array, log: DecisionRecord[]) => { decide: (row: number, out: Float64Array) => void; decideRows?: DecideRows | undefined; filled: FilledPrices } | null;

/** The run on its period window: decisions, the kernel and the rebalance records; null when the route declines. */
function simulate(spec: StrategySpec, data: RunData, layout: StrategyLayout, prices: Float64Array, columns: Int32Array, spans: KnownSpans, route: Route): BacktestResult | null {
  const { panel } = data;
  const window = strategyPeriodWindow(spec, layout.assets, { panel, schedule: data.schedule, files: data.files, spans, columns });
  const warnings = [...window.warnings];
  const N = panel.dates.length;
  const m = layout.assets.length;
  const { lo, hi } = window;
  const n = hi - lo;
  const decisions: DecisionRecord[] = [];
  const dates = panel.dates.subarray(lo, hi);
  const { rebalance, costs } = spec;
  const fromFile = data.schedule ? scheduleDecisions(data.schedule, dates, layout.assets, warnings) : null;
  const calendar = fromFile?.calendar ?? runCalendar(panel.dates, lo, hi, { schedule: rebalance.schedule, on: rebalance.on, everyDays: rebalance.everyDays, offset: rebalance.offset });
  const source = route(window, calendar, decisions);
  if (source === null) return null;
  const cash = cashReturns(spec, panel, lo, hi, data.cashRates);
  if (cash) warnings.push(...cash.warnings);
  const decideFull = source.decide;
  const ledger = simulateKernel({
    nDates: n,
    nAssets: m,
    prices,
    stride: N,
    offset: lo,
    calendar,
    bandAbsolute: fromFile ? 0 : (rebalance.band?.absolute ?? 0),
    bandRelative: fromFile ? 0 : (rebalance.band?.relative ?? 0),
    lag: rebalance.lag,
    costRate: (costs.bps + costs.slippageBps) / 10_000,
    minTurnover: rebalance.minTrade,
    recordWeights: data.recordWeights ?? true,
    decide: fromFile?.decide ?? ((t, out) => decideFull(lo + t, out)),
    decideRows: fromFile || source.decideRows === undefined ? undefined : decideRowsAt(source.decideRows, lo),
    cashReturns: cash?.returns,
    filled: source.filled,
  });

  // Allocator and constraint warnings, once per distinct message with the decisions it came from.
  warnings.push(...summarizeDecisionWarnings(decisions, (row) => formatIsoDate(panel.dates[row]!)));

  let records: RebalanceRecord[] | undefined;
  return {
    spec,
    layout,
    dates,
    ledger,
    prices: { values: prices, stride: N, offset: lo },
    benchmark: benchmarkReturns(spec, panel, lo, hi),
    cash,
    get rebalances() {
      return (records ??= rebalanceRecords(ledger, dates, decisions, lo));
    },
    coverage: window.coverage,
    warnings,
  };
}

/** A full-panel DecideRows for the kernel's period rows (row t is panel row lo + t). */
function decideRowsAt(decideRows: DecideRows, lo: number): (rows: Int32Array, targets: Float64Array) => void {
  return (rows, targets) => {
    const full = new Int32Array(rows.length);
    for (let k = 0; k < rows.length; k++) full[k] = lo + rows[k]!;
    decideRows(full, targets);
  };
}

function benchmarkReturns(spec: StrategySpec, panel: PricePanel, lo: number, hi: number): BacktestResult['benchmark'] {
  if (!spec.benchmark) return null;
  const N = panel.dates.length;
  const b = panel.assets.indexOf(spec.benchmark);
  if (b < 0) throw new UserError(`benchmark ${spec.benchmark} is not in the loaded data`);
  const n = hi - lo;
  const returns = new Float64Array(n);
  simpleReturnsInto(panel.values, b * N + lo, 0, n, returns, 0);
  return { ticker: spec.benchmark, returns };
}
