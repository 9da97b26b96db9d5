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
import { preparePanel, type PreparedPanel } from '../engine/preparePanel.js';
import { DecisionMemo, decisionKey } from '../engine/decisionMemo.js';
import { runBacktest } from '../engine/runBacktest.js';
import { strategyLayout } from '../engine/strategyLayout.js';
import { moduleSpecsOf, resolveModules } from '../strategy/resolveModules.js';
import { usesLpSolver } from '../strategy/prepareSolvers.js';
import type { StrategySpec } from '../strategy/schema.js';
import { gridSize, type GridParam } from './parseGrid.js';
import type { SharedPanel } from './sharedPanel.js';
import { variantMetrics, type VariantResult } from './variantMetrics.js';
import { variantGroupKey } from './variantGroups.js';
import { variantSpec } from './variantSpec.js';
import { VariantSpecs } from './variantSpecs.js';
import { FastSweep, fastPathRefusal } from './fastPath.js';
import type { CashRates } from '../data/readCashRates.js';

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
}

let panels: readonly SharedPanel[] = [];
let params: SweepTaskParams | null = null;
let specs: VariantSpecs | null = null;
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
  specs = new VariantSpecs(taskParams.spec, taskParams.grid);
  prepared.length = 0;
  memos.length = 0;
  fast.length = 0;
}

/** The memo variant `spec` may share on panel g, replacing the previous one when its key differs; undefined when its decisions may not be shared. */
function memoFor(g: number, spec: StrategySpec, panel: SharedPanel): DecisionMemo | undefined {
  const key = decisionKey(spec);
  if (key === null) return undefined;
  let memo = memos[g];
  if (memo === undefined || memo.key !== key) {
    memo = new DecisionMemo(key, panel, strategyLayout(spec).assets.length);
    memos[g] = memo;
  }
  return memo;
}

export async function run(index: number): Promise<VariantResult> {
  if (params === null) throw new Error('sweepTask: run before init');
  const spec = taskSpec(params, index);
  // User modules (method: module) are imported in this thread (Node caches them after the
  // first), and the LP solver is loaded once when a method needs it.
  if (moduleSpecsOf(spec).length > 0 || usesLpSolver(spec)) await resolveModules(spec);
  const g = params.groupKeys.indexOf(variantGroupKey(spec));
  const panel = panels[g];
  if (panel === undefined) throw new Error(`sweepTask: variant ${index} needs a panel that was not loaded`);
  const ready = (prepared[g] ??= panel.prepared ?? preparePanel(panel));
  const cashRates = params.groupCashRates[g] ?? undefined;
  if (!params.schedule && fastPathRefusal(spec) === null) {
    return (fast[g] ??= new FastSweep(panel, ready, cashRates)).run(index, spec, params.keepReturns === true);
  }
  const decisions = params.schedule ? undefined : memoFor(g, spec, panel);
  const result = runBacktest(spec, { panel, schedule: params.schedule, prepared: ready, recordWeights: false, cashRates, decisions });
  const figures = variantMetrics(index, result);
  return params.keepReturns ? { ...figures, returns: result.ledger.returns.slice(1) } : figures;
}

/** The spec of task `index`: a variant, or a variant on one of the training windows. */
export function taskSpec(p: SweepTaskParams, index: number): StrategySpec {
  if (!p.periods) return specs !== null && p === params ? specs.spec(index) : variantSpec(p.spec, p.grid, index);
  const count = gridSize(p.grid);
  const period = p.periods[Math.floor(index / count)];
  if (period === undefined) throw new Error(`sweepTask: task ${index} is beyond the ${p.periods.length} training windows`);
  const spec = variantSpec(p.spec, p.grid, index % count);
  return { ...spec, period: { ...spec.period, from: period.from, to: period.to } };
}
