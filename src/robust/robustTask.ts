/**
 * The robustness lab's task module for runParallel (src/sweep/runParallel.ts): init receives
 * the shared panel and the RobustParams; run(index) runs job `index` (runRobustJob). Loaded once
 * per worker thread, or once in-process with one worker.
 */
import type { PricePanel } from '../core/panel.js';
import { runRobustJob, type JobResult, type RobustParams } from './robustJob.js';

let panel: PricePanel | null = null;
let params: RobustParams | null = null;

export function init(shared: PricePanel, taskParams: RobustParams): void {
  panel = shared;
  params = taskParams;
}

export function run(index: number): JobResult {
  if (panel === null || params === null) throw new Error('robustTask: run before init');
  return runRobustJob(panel, params, index);
}
