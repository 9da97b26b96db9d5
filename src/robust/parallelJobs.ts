/**
 * The job mapper that spreads the robustness lab's jobs over worker threads with runParallel
 * (the panel shared zero-copy). Results come back in job order, and each job depends only on
 * its index and the seed, so the report is the same for any number of workers.
 */
import { runParallel } from '../sweep/runParallel.js';
import { sharePanel } from '../sweep/sharedPanel.js';
import type { JobResult } from './robustJob.js';
import type { JobMapper } from './runRobust.js';

export function parallelJobs(options: { workers: number; onProgress?: (done: number, total: number) => void }): JobMapper {
  return (panel, params) =>
    runParallel<JobResult>({
      taskModule: new URL(import.meta.url.endsWith('.ts') ? './robustTask.ts' : './robustTask.js', import.meta.url),
      shared: sharePanel(panel),
      params,
      count: params.jobs.length,
      workers: options.workers,
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    });
}
