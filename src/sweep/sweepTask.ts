/**
 * The sweep's task module for runParallel: init receives the shared panels (one per variant
 * group) and { spec, grid, groupKeys, schedule?, periods?, keepReturns? }; run(index) backtests
 * variant `index` on its group's panel and returns its VariantResult. Loaded once per worker
 * thread (or once in-process with one worker).
 * With `periods` (walk-forward training windows), the task indexes cover every period × variant:
 * index = p · gridSize + v runs variant v with period.from/to set to periods[p] (the key of the
 * panel it needs includes the period end, so each window runs on the panel `sleeves run --set
 * ... --from --to` loads). With `keepReturns` each result carries its daily returns (PBO).
 */
import type { WeightsSchedule } from '../data/readWeightsCsv.js';
import type { DecisionMemo } from '../engine/decisionMemo.js';
import { decisionKey } from '../engine/decisionMemo.js';
import type { PreparedPanel } from '../engine/preparePanel.js';
import type { StrategySpec } from '../strategy/schema.js';
import { gridSize, type GridParam } from './parseGrid.js';
import type { SharedPanel } from './sharedPanel.js';
import { assembleSpec, type SpecParts } from './specParts.js';
import type { VariantResult } from './variantMetrics.js';
import { variantGroupKey } from './variantGroups.js';
import { FastSweep, fastPathRefusal } from './fastPath.js';
import type { CashRates } from '../data/readCashRates.js';

/**
 * The general path's modules, loaded on first use: a sweep whose variants all take the fast path
 * never loads the schema, the allocators or runBacktest in its worker threads.
 */
async function generalPath() {
  const [backtest, memo, layout, modules, solvers, metrics, spec, decide] = await Promise.all([
    import('../engine/runBacktest.js'),
    import('../engine/decisionMemo.js'),
    import('../engine/strategyLayout.js'),
    import('../strategy/resolveModules.js'),
    import('../strategy/prepareSolvers.js'),
    import('./variantMetrics.js'),
    import('./variantSpec.js'),
    import('../engine/decideTargets.js'),
  ]);
  return {
    runBacktest: backtest.runBacktest,
    DecisionMemo: memo.DecisionMemo,
    strategyLayout: layout.strategyLayout,
    moduleSpecsOf: modules.moduleSpecsOf,
    resolveModules: modules.resolveModules,
    usesLpSolver: solvers.usesLpSolver,
    variantMetrics: metrics.variantMetrics,
    variantSpec: spec.variantSpec,
    makeDecider: decide.makeDecider,
  };
}
let general: Awaited<ReturnType<typeof generalPath>> | null = null;

export interface SweepTaskParams {
  readonly spec: StrategySpec;
  readonly grid: readonly GridParam[];
  /** variantGroupKey of each shared panel, in the order of the panels. */
  readonly groupKeys: readonly string[];
  /** The annual rates of cash.rateFile of each group's spec (null: none), in the order of the panels. */
  readonly groupCashRates: readonly (CashRates | null)[];
  readonly schedule?: WeightsSchedule;
  /** Training windows: each variant is run once per window (see the module comment). */
  readonly periods?: readonly { readonly from: string; readonly to: string }[];
  /** Return each variant's daily returns with its figures. */
  readonly keepReturns?: boolean;
  /** Parsed parts of the variant specs (checkGrid): variants are assembled without the schema. */
  readonly specParts?: SpecParts;
}

let panels: readonly SharedPanel[] = [];
let params: SweepTaskParams | null = null;
/** The fast path's state per panel (fastPath.ts). */
const fast: (FastSweep | undefined)[] = [];
/** Returns and window sums per panel, prepared once per worker on first use. */
const prepared: (PreparedPanel | undefined)[] = [];
/**
 * Per panel, the decisions of the last decision key seen (engine/decisionMemo.ts): variants that
 * differ only in rebalance rule, costs, period or reporting reuse them. Variants come in index
 * order, the last grid parameter fastest, so one memo per panel catches every reuse of a grid
 * whose decision parameters come first.
 */
const memos: (DecisionMemo | undefined)[] = [];

export function init(shared: readonly SharedPanel[], taskParams: SweepTaskParams): void {
  panels = shared;
  params = taskParams;
  prepared.length = 0;
  memos.length = 0;
  fast.length = 0;
  lastGroup = null;
}

/** The memo variant `spec` may share on panel g, replacing the previous one when its key differs; undefined when its decisions may not be shared. */
function memoFor(g: number, spec: StrategySpec, panel: SharedPanel): DecisionMemo | undefined {
  const key = decisionKey(spec);
  if (key === null) return undefined;
  let memo = memos[g];
  if (memo === undefined || memo.key !== key) {
    memo = new general!.DecisionMemo(key, panel, general!.strategyLayout(spec).assets.length);
    memos[g] = memo;
  }
  return memo;
}

export async function run(index: number): Promise<VariantResult> {
  if (params === null) throw new Error('sweepTask: run before init');
  const spec = await taskSpec(params, index);
  const g = groupOf(params, spec);
  const panel = panels[g];
  if (panel === undefined) throw new Error(`sweepTask: variant ${index} needs a panel that was not loaded`);
  // A shared panel comes prepared (sharePreparedPanel); preparePanel is loaded only for one that does not.
  const ready = (prepared[g] ??= panel.prepared ?? (await import('../engine/preparePanel.js')).preparePanel(panel));
  const cashRates = params.groupCashRates[g] ?? undefined;
  if (!params.schedule && fastPathRefusal(spec) === null) {
    const fastPath = (fast[g] ??= new FastSweep(panel, ready, cashRates));
    if (fastPath.needsGeneralDecider(spec)) {
      general ??= await generalPath();
      // The LP solver is loaded once when a method needs it.
      if (general.usesLpSolver(spec)) await general.resolveModules(spec);
      fastPath.makeDecider = general.makeDecider;
    }
    const result = fastPath.run(index, spec, params.keepReturns === true);
    if (result !== null) return result;
    // The figures need the general metrics (a cash risk-free rate, a return computeMetrics must judge): loaded once, then the variant again.
    fastPath.variantFigures = (await import('./variantMetrics.js')).variantFigures;
    return fastPath.run(index, spec, params.keepReturns === true)!;
  }
  general ??= await generalPath();
  // User modules (method: module) are imported in this thread (Node caches them after the
  // first), and the LP solver is loaded once when a method needs it.
  if (general.moduleSpecsOf(spec).length > 0 || general.usesLpSolver(spec)) await general.resolveModules(spec);
  const decisions = params.schedule ? undefined : memoFor(g, spec, panel);
  const result = general.runBacktest(spec, { panel, schedule: params.schedule, prepared: ready, recordWeights: false, cashRates, decisions });
  const figures = general.variantMetrics(index, result);
  return params.keepReturns ? { ...figures, returns: result.ledger.returns.slice(1) } : figures;
}

/** The panel of the last spec seen, by the objects its group key reads (variants assembled from the same parts share them). */
let lastGroup: { spec: StrategySpec; g: number } | null = null;

/** Index of the panel `spec` needs (variantGroupKey), remembered for the next variant with the same tickers, currency, period and cash. */
function groupOf(p: SweepTaskParams, spec: StrategySpec): number {
  const last = lastGroup?.spec;
  if (last && last.sleeves === spec.sleeves && last.benchmark === spec.benchmark && last.cash === spec.cash && last.currency === spec.currency && last.period === spec.period) return lastGroup!.g;
  const g = p.groupKeys.indexOf(variantGroupKey(spec));
  lastGroup = { spec, g };
  return g;
}

/** The spec of task `index`: a variant (assembled from the parsed parts when given), or a variant on one of the training windows. */
export async function taskSpec(p: SweepTaskParams, index: number): Promise<StrategySpec> {
  const count = gridSize(p.grid);
  const v = index % count;
  const assembled = p.specParts ? assembleSpec(p.spec, p.grid, p.specParts, v) : null;
  const spec = assembled ?? (general ??= await generalPath()).variantSpec(p.spec, p.grid, v);
  if (!p.periods) return spec;
  const period = p.periods[Math.floor(index / count)];
  if (period === undefined) throw new Error(`sweepTask: task ${index} is beyond the ${p.periods.length} training windows`);
  return { ...spec, period: { ...spec.period, from: period.from, to: period.to } };
}
