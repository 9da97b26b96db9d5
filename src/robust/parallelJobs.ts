/**
 * The job mapper that spreads the robustness lab's jobs over worker threads with runParallel
 * (the panels shared zero-copy). Results come back in job order, and each job depends only on
 * its index and the seed, so the report is the same for any number of workers.
 */
import { runParallel } from '../sweep/runParallel.js';
import { sharePanel } from '../sweep/sharedPanel.js';
import type { JobResult } from './robustJob.js';
import type { JobMapper } from './runRobust.js';

export function parallelJobs(options: { workers: number; onProgress?: (done: number, total: number) => void }): JobMapper {
  return (panels, params) =>
    runParallel<JobResult>({
      taskModule: taskModule(options.workers),
      shared: panels.map(sharePanel),
      params,
      count: params.jobs.length,
      workers: options.workers,
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    });
}

/**
 * The task module: the compiled robustTask.js beside this module; when this module runs from
 * its TypeScript source (under vitest), the .ts source for one in-process worker, else the
 * compiled twin in dist/ (worker threads need JS).
 */
function taskModule(workers: number): URL {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return new URL('./robustTask.js', here);
  return workers === 1 ? new URL('./robustTask.ts', here) : new URL('../../dist/src/robust/robustTask.js', here);
}
