/**
 * The sweep's task module for runParallel: init receives the shared panels (one per variant
 * group) and { spec, grid, groupKeys, schedule? }; run(index) backtests variant `index` on its
 * group's panel and returns
 * its VariantResult. Loaded once per worker thread (or once in-process with one worker).
 */
import type { WeightsSchedule } from '../data/readWeightsCsv.js';
import { preparePanel, type PreparedPanel } from '../engine/preparePanel.js';
import { DecisionMemo, decisionKey } from '../engine/decisionMemo.js';
import { runBacktest } from '../engine/runBacktest.js';
import { strategyLayout } from '../engine/strategyLayout.js';
import { moduleSpecsOf, resolveModules } from '../strategy/resolveModules.js';
import type { StrategySpec } from '../strategy/schema.js';
import type { GridParam } from './parseGrid.js';
import type { SharedPanel } from './sharedPanel.js';
import { variantMetrics, type VariantResult } from './variantMetrics.js';
import { variantGroupKey } from './variantGroups.js';
import { variantSpec } from './variantSpec.js';

export interface SweepTaskParams {
  readonly spec: StrategySpec;
  readonly grid: readonly GridParam[];
  /** variantGroupKey of each shared panel, in the order of the panels. */
  readonly groupKeys: readonly string[];
  readonly schedule?: WeightsSchedule;
}

let panels: readonly SharedPanel[] = [];
let params: SweepTaskParams | null = null;
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
  const spec = variantSpec(params.spec, params.grid, index);
  // User modules (method: module) are imported in this thread; Node caches them after the first.
  if (moduleSpecsOf(spec).length > 0) await resolveModules(spec);
  const g = params.groupKeys.indexOf(variantGroupKey(spec));
  const panel = panels[g];
  if (panel === undefined) throw new Error(`sweepTask: variant ${index} needs a panel that was not loaded`);
  const ready = (prepared[g] ??= preparePanel(panel));
  const decisions = params.schedule ? undefined : memoFor(g, spec, panel);
  const result = runBacktest(spec, { panel, schedule: params.schedule, prepared: ready, recordWeights: false, decisions });
  return variantMetrics(index, result);
}
