/**
 * PBO by CSCV on the worker pool: the block sums are computed once into shared memory, the
 * C(S, S/2) combinations are evaluated by runParallel (cscvTask), and the results, returned in
 * combination order whatever the number of workers, are summarized exactly as the serial
 * probabilityOfOverfitting does (same figures to the last bit).
 */
import { runParallel } from '../sweep/runParallel.js';
import type { CscvTaskParams } from './cscvTask.js';
import { combinations, cscvBlocks, summarizeCscv, type CombinationResult, type Overfit } from './probabilityOfOverfitting.js';

export interface ParallelCscvOptions {
  readonly partitions: number;
  readonly embargo: number;
  readonly workers: number;
  readonly onProgress?: ((done: number, total: number) => void) | undefined;
  readonly signal?: AbortSignal | undefined;
  readonly taskModule?: URL;
}

export async function runCscv(series: readonly ArrayLike<number>[], o: ParallelCscvOptions): Promise<Overfit> {
  const blocks = cscvBlocks(series, o.partitions, o.embargo, (bytes) => new Float64Array(new SharedArrayBuffer(bytes)));
  const combos = combinations(o.partitions, o.partitions / 2);
  const { sums, ...shape } = blocks;
  const params: CscvTaskParams = { blocks: shape, combinations: combos };
  const results = await runParallel<CombinationResult>({
    taskModule: o.taskModule ?? cscvTaskModule(o.workers),
    shared: { sums },
    params,
    count: combos.length,
    workers: o.workers,
    ...(o.onProgress ? { onProgress: o.onProgress } : {}),
    ...(o.signal ? { signal: o.signal } : {}),
  });
  return summarizeCscv(blocks, results);
}

/** The compiled cscvTask.js next to this module; under vitest, the .ts twin in-process or dist/ for threads. */
function cscvTaskModule(workers: number): URL {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return new URL('./cscvTask.js', here);
  return workers === 1 ? new URL('./cscvTask.ts', here) : new URL('../../dist/src/validation/cscvTask.js', here);
}
