/**
 * The sweep's task module for runParallel: init receives the shared panel and
 * { spec, grid, schedule? }; run(index) backtests variant `index` on that panel and returns
 * its VariantResult. Loaded once per worker thread (or once in-process with one worker).
 */
import type { WeightsSchedule } from '../data/readWeightsCsv.js';
import { preparePanel, type PreparedPanel } from '../engine/preparePanel.js';
import { runBacktest } from '../engine/runBacktest.js';
import { moduleSpecsOf, resolveModules } from '../strategy/resolveModules.js';
import { usesLpSolver } from '../strategy/prepareSolvers.js';
import type { StrategySpec } from '../strategy/schema.js';
import type { GridParam } from './parseGrid.js';
import type { SharedPanel } from './sharedPanel.js';
import { variantMetrics, type VariantResult } from './variantMetrics.js';
import { variantSpec } from './variantSpec.js';
import type { CashRates } from '../data/readCashRates.js';

export interface SweepTaskParams {
  readonly spec: StrategySpec;
  readonly grid: readonly GridParam[];
  readonly schedule?: WeightsSchedule;
  /** The annual rates of cash.rateFile, when the strategy names one. */
  readonly cashRates?: CashRates;
}

let panel: SharedPanel | null = null;
let params: SweepTaskParams | null = null;
let prepared: PreparedPanel | null = null;

export function init(shared: SharedPanel, taskParams: SweepTaskParams): void {
  panel = shared;
  params = taskParams;
  // Returns and window sums once per worker, shared by every variant it runs.
  prepared = preparePanel(shared);
}

export async function run(index: number): Promise<VariantResult> {
  if (panel === null || params === null) throw new Error('sweepTask: run before init');
  const spec = variantSpec(params.spec, params.grid, index);
  // User modules (method: module) are imported in this thread; Node caches them after the first.
  if (moduleSpecsOf(spec).length > 0 || usesLpSolver(spec)) await resolveModules(spec);
  const result = runBacktest(spec, { panel, schedule: params.schedule, prepared: prepared ?? undefined, recordWeights: false, cashRates: params.cashRates });
  return variantMetrics(index, result);
}
