/**
 * The robustness lab's task module for runParallel (src/sweep/runParallel.ts): init receives
 * the shared panel and the RobustParams; run(index) runs job `index` (runRobustJob). Loaded once
 * per worker thread, or once in-process with one worker.
 */
import type { PricePanel } from '../core/panel.js';
import { resolveModules } from '../strategy/resolveModules.js';
import { runRobustJob, type JobResult, type RobustParams } from './robustJob.js';

let panel: PricePanel | null = null;
let params: RobustParams | null = null;

export async function init(shared: PricePanel, taskParams: RobustParams): Promise<void> {
  panel = shared;
  params = taskParams;
  // User modules (method: module) attach to the spec objects of this thread; the jobs reuse them
  // (period jobs copy the spec shallowly, so the stages, and their functions, are shared).
  await resolveModules(taskParams.spec);
  for (const job of taskParams.jobs) if (job.kind === 'variant') await resolveModules(job.spec);
}

export function run(index: number): JobResult {
  if (panel === null || params === null) throw new Error('robustTask: run before init');
  return runRobustJob(panel, params, index);
}
