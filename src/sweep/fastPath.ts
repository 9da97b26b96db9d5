/**
 * The sweep's fast path (issue #12), behind the run boundary: a variant runs on the prepared,
 * shared panel with its decision key's targets computed once per row (sweepDecisions.ts), the
 * sweep's own simulation loop (sweepSimulate.ts) and only the kept figures (keptFigures.ts).
 * Each variant's figures equal those of runBacktest on the general path to 1e-12
 * (test/property/sweepFastPath.property.test.ts). `fastPathRefusal` says which specs it cannot
 * take; they run on the general path (runBacktest per variant), and the manifest says so.
 */
import { UserError } from '../core/errors.js';
import { calendarSchedule } from '../schedule/calendarSchedule.js';
import { cashReturns } from '../engine/cashReturns.js';
import { decisionKey } from '../engine/decisionMemo.js';
import type { PreparedPanel } from '../engine/preparePanel.js';
import { strategyPeriodWindow } from '../engine/periodWindow.js';
import { strategyLayout } from '../engine/strategyLayout.js';
import type { CashRates } from '../data/readCashRates.js';
import { perPeriodRate } from '../metrics/convention.js';
import { inferPeriodsPerYear } from '../metrics/periodsPerYear.js';
import type { StrategySpec } from '../strategy/schema.js';
import { keptFigures } from './keptFigures.js';
import { nativeDecision, SweepDecisions, type MakeDecider } from './sweepDecisions.js';
import { sweepSimulate, SweepScratch } from './sweepSimulate.js';
import type { SharedPanel } from './sharedPanel.js';
import { sweepThread, type SweepThread } from './sweepMemory.js';
import type { variantFigures as VariantFigures, VariantResult } from './variantMetrics.js';

/** Why a spec must run on the general path, or null when the fast path takes it. */
export function fastPathRefusal(spec: StrategySpec): string | null {
  if (namesModule(spec)) return 'the strategy names a user module (method: module), which may keep state between calls';
  if (spec.rebalance.band) return 'drift bands (rebalance.band) decide from the drifted weights of each variant';
  if ((spec.rebalance.tranches ?? 1) > 1) return 'tranches (rebalance.tranches) run several staggered books per variant';
  return null;
}

/** Whether a stage names a user module (decisionKey is then null). */
function namesModule(spec: StrategySpec): boolean {
  if (spec.allocation.within.method === 'module' || spec.allocation.across.method === 'module') return true;
  for (const name in spec.sleeves) if (spec.sleeves[name]!.within?.method === 'module') return true;
  return false;
}

interface Window {
  readonly lo: number;
  readonly hi: number;
  readonly inferredP: number | null;
}

/** The fast path's state in one thread: caches per panel, the decision table of the last key, scratch buffers. */
export class FastSweep {
  private readonly windows = new Map<string, Window>();
  private readonly calendars = new Map<string, Uint8Array>();
  /** The period rows where each calendar decides (kept with the calendars, by the calendar). */
  private readonly decisionRows = new WeakMap<Uint8Array, Int32Array>();
  private readonly fills = new Map<string, { fill: Float64Array; recip: Float64Array; allPriced: Uint8Array }>();
  private decisions: SweepDecisions | null = null;
  private readonly scratch = new SweepScratch();
  /** The general decider's factory, set by the caller before a strategy that needs it runs (see needsGeneralDecider). */
  makeDecider: MakeDecider | null = null;
  /** This thread's sweep kernels and region when the panel lives in their shared memory (sweepMemory.ts), else null: the TypeScript path. */
  private readonly thread: SweepThread | null;

  constructor(
    private readonly panel: SharedPanel,
    private readonly prepared: PreparedPanel,
    private readonly cashRates: CashRates | undefined,
  ) {
    // The kernels read the window sums at their addresses in the memory: only when these are the prepared panel's.
    const mem = panel.wasm;
    this.thread = mem !== undefined && panel.prepared === prepared && mem.nRows === panel.dates.length && mem.nAssets === panel.assets.length ? sweepThread(mem) : null;
  }

  /** variantMetrics.ts's variantFigures, set by the caller when run asks for it (returns null): a fast-path thread loads the general metrics only then. */
  variantFigures: typeof VariantFigures | null = null;

  /** Variants run by the kernels (tests). */
  kernelRuns = 0;

  /** Whether `spec`'s decisions need the general decider (makeDecider must be set before it runs). */
  static needsGeneralDecider(spec: StrategySpec): boolean {
    return nativeDecision(spec, strategyLayout(spec)) === null;
  }

  /** The last answer of needsGeneralDecider, by the objects it reads (variants assembled from the same parts share them). */
  private lastNeeds: { sleeves: unknown; allocation: unknown; data: unknown; needs: boolean } | null = null;

  /** needsGeneralDecider, remembered for the next variant with the same sleeves, allocation and data objects. */
  needsGeneralDecider(spec: StrategySpec): boolean {
    const last = this.lastNeeds;
    if (last !== null && last.sleeves === spec.sleeves && last.allocation === spec.allocation && last.data === spec.data) return last.needs;
    const needs = FastSweep.needsGeneralDecider(spec);
    this.lastNeeds = { sleeves: spec.sleeves, allocation: spec.allocation, data: spec.data, needs };
    return needs;
  }

  /** Variant `index` of `spec` (fastPathRefusal(spec) === null) on this panel; null when its figures need variantFigures and it is not set. */
  run(index: number, spec: StrategySpec, keepReturns: boolean): VariantResult | null {
    const { panel } = this;
    const N = panel.dates.length;
    const decisions = this.decisionsFor(spec);
    const layout = decisions.layoutOf;
    const m = layout.assets.length;
    const window = this.windowOf(spec, layout.assets);
    const { lo, hi } = window;
    const n = hi - lo;
    const { rebalance, costs } = spec;
    const calendar = this.calendarOf(spec, lo, hi);
    const cash = cashReturns(spec, panel, lo, hi, this.cashRates);
    const kernel = decisions.kernelThread;
    const turnoverSum = kernel !== null ? this.simulateInKernel(kernel, decisions, lo, n, calendar, spec, cash ? cash.returns : null) : sweepSimulate(
      {
        lo,
        n,
        m,
        fill: this.pricesOf(decisions.columns, N).fill,
        recip: this.pricesOf(decisions.columns, N).recip,
        calendar,
        lag: rebalance.lag,
        costRate: (costs.bps + costs.slippageBps) / 10_000,
        minTurnover: rebalance.minTrade,
        cashReturns: cash ? cash.returns : null,
        decide: (row) => decisions.at(row),
        targets: decisions.targets,
      },
      this.scratch,
    );
    const returns = kernel !== null ? kernel.returns.subarray(1, n) : this.scratch.returns.subarray(1, n);
    const P = spec.reporting.periodsPerYear ?? window.inferredP!;
    const fused =
      spec.reporting.riskFree === 'cash'
        ? null
        : keptFigures(returns, { periodsPerYear: P, convention: spec.reporting.convention, rf: perPeriodRate(spec.reporting.riskFreeRate, P), mar: perPeriodRate(spec.reporting.mar, P) }, turnoverSum);
    if (fused === null && this.variantFigures === null) return null;
    const result = fused
      ? { index, values: fused, nullCount: fused.filter((v) => v === null).length }
      : this.variantFigures!(index, spec, panel.dates.subarray(lo, hi), returns, cash?.returns.subarray(1), turnoverSum);
    return keepReturns ? { ...result, returns: returns.slice() } : result;
  }

  /** sweepSimulate in the kernel: every decision the calendar takes is made first; the returns are left in the thread's region. */
  private simulateInKernel(kernel: SweepThread, decisions: SweepDecisions, lo: number, n: number, calendar: Uint8Array, spec: StrategySpec, cash: Float64Array | null): number {
    const { rebalance, costs } = spec;
    const lag = rebalance.lag;
    // The decisions the calendar takes (those traded within the period): a dense calendar's in
    // one kernel call over their span, then each (the rows the kernel leaves to the TypeScript decider).
    const rows = this.decisionRowsOf(calendar);
    let k = rows.length;
    while (k > 0 && rows[k - 1]! + lag >= n) k--;
    if (k > n >> 3) decisions.decideSpan(lo + rows[0]!, lo + rows[k - 1]! + 1);
    for (let j = 0; j < k; j++) decisions.at(lo + rows[j]!);
    const { mem, slot } = kernel;
    kernel.calendar.set(calendar.subarray(0, n));
    if (cash !== null) kernel.cashRet.set(cash.subarray(0, n));
    this.kernelRuns++;
    const m = decisions.columns.length;
    return kernel.kernels.simulate(lo, n, m, mem.fill, mem.recip, slot.calendar, lag, (costs.bps + costs.slippageBps) / 10_000, rebalance.minTrade, cash !== null ? slot.cashRet : 0, slot.targets, slot.units, slot.returns, slot.pending, slot.state);
  }

  /** The decision table of the spec's key: the last one when the key repeats, else a new one (buffers reused). */
  private decisionsFor(spec: StrategySpec): SweepDecisions {
    // Variants assembled from the same parts share the decision inputs' objects: same key.
    const last = this.decisions;
    if (last !== null && last.spec.sleeves === spec.sleeves && last.spec.allocation === spec.allocation && last.spec.data === spec.data) return last;
    const key = decisionKey(spec)!;
    if (last?.key === key) return last;
    const layout = strategyLayout(spec);
    const { panel } = this;
    const N = panel.dates.length;
    const columns = Int32Array.from(layout.assets, (ticker) => {
      const a = panel.assets.indexOf(ticker);
      if (a < 0) throw new UserError(`strategy asset ${ticker} is not in the loaded data`);
      return a;
    });
    const m = columns.length;
    const inOrder = columns.every((a, i) => a === i);
    let prices: Float64Array;
    if (inOrder) prices = panel.values.subarray(0, m * N);
    else {
      prices = new Float64Array(m * N);
      columns.forEach((a, i) => prices.set(panel.values.subarray(a * N, (a + 1) * N), i * N));
    }
    const previous = this.decisions;
    const reuse = previous !== null && previous.columns.length === m ? previous : null;
    const allPriced = this.pricesOf(columns, N).allPriced;
    // The kernels take the panel's own columns in order (their rows are the shared ones).
    const kernel = inOrder && m === panel.assets.length ? this.thread : null;
    this.decisions = new SweepDecisions(key, spec, layout, panel, this.prepared, columns, prices, nativeDecision(spec, layout), this.makeDecider, allPriced, reuse, kernel);
    return this.decisions;
  }

  /** The last window, by the objects its key reads. */
  private lastWindow: { period: unknown; benchmark: unknown; data: unknown; assets: readonly string[]; periodsPerYear: number | undefined; window: Window } | null = null;

  private windowOf(spec: StrategySpec, assets: readonly string[]): Window {
    const last = this.lastWindow;
    if (last !== null && last.period === spec.period && last.benchmark === spec.benchmark && last.data === spec.data && last.assets === assets && last.periodsPerYear === spec.reporting.periodsPerYear) return last.window;
    const window = this.windowByKey(spec, assets);
    this.lastWindow = { period: spec.period, benchmark: spec.benchmark, data: spec.data, assets, periodsPerYear: spec.reporting.periodsPerYear, window };
    return window;
  }

  private windowByKey(spec: StrategySpec, assets: readonly string[]): Window {
    const key = JSON.stringify([spec.period, spec.benchmark ?? null, spec.data.lateStart, assets]);
    let w = this.windows.get(key);
    if (w === undefined) {
      const { lo, hi } = strategyPeriodWindow(spec, assets, { panel: this.panel });
      const inferredP = spec.reporting.periodsPerYear === undefined ? inferPeriodsPerYear(this.panel.dates.subarray(lo, hi)) : null;
      w = { lo, hi, inferredP };
      this.windows.set(key, w);
    } else if (w.inferredP === null && spec.reporting.periodsPerYear === undefined) {
      w = { ...w, inferredP: inferPeriodsPerYear(this.panel.dates.subarray(w.lo, w.hi)) };
      this.windows.set(key, w);
    }
    return w;
  }

  private decisionRowsOf(calendar: Uint8Array): Int32Array {
    let rows = this.decisionRows.get(calendar);
    if (rows === undefined) {
      let count = 0;
      for (let t = 0; t < calendar.length; t++) count += calendar[t]!;
      rows = new Int32Array(count);
      for (let t = 0, j = 0; t < calendar.length; t++) if (calendar[t] === 1) rows[j++] = t;
      this.decisionRows.set(calendar, rows);
    }
    return rows;
  }

  /** The calendar of each rebalance object seen (variants assembled from the same parts share it), with its window. */
  private readonly calendarByRule = new WeakMap<object, { lo: number; hi: number; calendar: Uint8Array }>();

  private calendarOf(spec: StrategySpec, lo: number, hi: number): Uint8Array {
    const known = this.calendarByRule.get(spec.rebalance);
    if (known !== undefined && known.lo === lo && known.hi === hi) return known.calendar;
    const calendar = this.calendarByKey(spec, lo, hi);
    this.calendarByRule.set(spec.rebalance, { lo, hi, calendar });
    return calendar;
  }

  private calendarByKey(spec: StrategySpec, lo: number, hi: number): Uint8Array {
    const r = spec.rebalance;
    const rule = { schedule: r.schedule, on: r.on, everyDays: r.everyDays, offset: r.offset };
    const key = JSON.stringify([lo, hi, rule]);
    let c = this.calendars.get(key);
    if (c === undefined) {
      c = calendarSchedule(this.panel.dates.subarray(lo, hi), rule, this.panel.dates[hi]);
      this.calendars.set(key, c);
    }
    return c;
  }

  /**
   * Row-major last prices of the strategy's columns over the whole panel (0 before an asset's
   * first price), their reciprocals, and the rows where every column has a price (kept per column set).
   */
  private pricesOf(columns: Int32Array, N: number): { fill: Float64Array; recip: Float64Array; allPriced: Uint8Array } {
    const key = columns.join(',');
    let rows = this.fills.get(key);
    // The panel's own columns in order: the rows shared by every thread (sharedPanel.ts).
    if (rows === undefined && this.panel.rows !== undefined && columns.length === this.panel.assets.length && columns.every((a, i) => a === i)) {
      rows = this.panel.rows;
      this.fills.set(key, rows);
    }
    if (rows === undefined) {
      const m = columns.length;
      const values = this.panel.values;
      const fill = new Float64Array(N * m);
      const recip = new Float64Array(N * m);
      const allPriced = new Uint8Array(N).fill(1);
      for (let i = 0; i < m; i++) {
        const base = columns[i]! * N;
        let last = 0;
        for (let t = 0; t < N; t++) {
          const p = values[base + t]!;
          if (p > 0) last = p;
          else allPriced[t] = 0;
          fill[t * m + i] = last;
          recip[t * m + i] = last > 0 ? 1 / last : 0;
        }
      }
      rows = { fill, recip, allPriced };
      this.fills.set(key, rows);
    }
    return rows;
  }
}
