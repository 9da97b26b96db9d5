/**
 * The robustness lab's task module for runParallel (src/sweep/runParallel.ts): init receives
 * the shared panels (0: the full run's; then those of leave-one-out variants with other tickers)
 * and the RobustParams; run(index) runs job `index` (runRobustJob). Loaded once
 * per worker thread, or once in-process with one worker.
 */
import type { PricePanel } from '../core/panel.js';
import { resolveModules } from '../strategy/resolveModules.js';
import { runRobustJob, type JobResult, type RobustParams } from './robustJob.js';

let panels: readonly PricePanel[] | null = null;
let params: RobustParams | null = null;

export async function init(shared: readonly PricePanel[], taskParams: RobustParams): Promise<void> {
  panels = shared;
  params = taskParams;
  // User modules (method: module) attach to the spec objects of this thread; the jobs reuse them
  // (period jobs copy the spec shallowly, so the stages, and their functions, are shared).
  await resolveModules(taskParams.spec);
  for (const job of taskParams.jobs) if (job.kind === 'variant') await resolveModules(job.spec);
}

export function run(index: number): JobResult {
  if (panels === null || params === null) throw new Error('robustTask: run before init');
  return runRobustJob(panels, params, index);
}
