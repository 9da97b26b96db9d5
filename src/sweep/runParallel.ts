/**
 * A generic parallel map over task indexes, for sweeps and other embarrassingly parallel jobs.
 *
 * A task module exports `init(shared, params)` (called once per thread) and `run(index)` (a
 * structured-cloneable result). With `workers: 1` everything runs in this thread (no worker
 * threads: fast and deterministic for tests and small jobs); otherwise `workers` worker threads
 * each import the module, and the panel is shared zero-copy through its SharedArrayBuffers.
 * Worker threads need compiled JS: the task module URL must point at a .js file (dist/).
 *
 * Indexes are 0..count−1, or the slice of a shard (see shardIndexes). Results come back in
 * ascending index order whatever the number of workers: `onResult` is called in that order as
 * soon as each result's turn comes (out-of-order results are held until then, and workers are
 * kept at most a bounded window ahead of the oldest missing result, so memory stays bounded);
 * the promise resolves to the results in the same order (unless `collect: false`).
 * A task error rejects with the task's message (a UserError stays a UserError); every worker
 * is terminated at the end, on success, error or abort.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { UserError } from '../core/errors.js';
import { shardIndexAt, shardLength, type Shard } from './shardIndexes.js';

export interface ParallelTask<R> {
  init(shared: unknown, params: unknown): void | Promise<void>;
  run(index: number): R | Promise<R>;
}

export interface RunParallelOptions<R> {
  /** Module exporting init(shared, params) and run(index). */
  readonly taskModule: URL;
  /** Handed to every thread's init: typed arrays over SharedArrayBuffers are shared zero-copy (see sharePanel). */
  readonly shared: unknown;
  /** Structured-cloneable parameters handed to init (e.g. the base spec and the grid). */
  readonly params: unknown;
  /** Number of indexes in the whole job (before sharding). */
  readonly count: number;
  readonly workers: number;
  readonly onProgress?: (done: number, total: number) => void;
  /** Run only the indexes with index % of === index − 1 (1-based shard index). */
  readonly shard?: Shard;
  /** Called once per result, in ascending index order. */
  readonly onResult?: (result: R, index: number) => void;
  /** Keep the results and resolve to them (default true); false resolves to []. */
  readonly collect?: boolean;
  /** Indexes per message to a worker (default: about total / (workers · 8), 1 to 64). */
  readonly chunkSize?: number;
  readonly signal?: AbortSignal;
  /** Worker threads started before (WorkerPool.start, same task module): used instead of new ones and left running. */
  readonly pool?: WorkerPool;
}

/**
 * Worker threads started once and reused: each imports the task module as soon as it starts, so
 * a caller can start the pool first and prepare the shared data meanwhile; every runParallel on
 * the pool sends its own init (shared, params) first. close() terminates the threads.
 */
export class WorkerPool {
  private constructor(
    readonly taskModule: URL,
    readonly workers: readonly Worker[],
  ) {}

  static start(taskModule: URL, workers: number): WorkerPool {
    if (!(workers >= 2) || !Number.isInteger(workers)) throw new RangeError(`WorkerPool: workers must be a whole number ≥ 2, got ${workers}`);
    const script = workerScript();
    const threads = Array.from({ length: workers }, () => {
      const w = new Worker(script, { workerData: { taskModule: taskModule.href } });
      // Until a run listens, an error or exit is noticed by that run (w.threadId is then -1).
      w.on('error', () => {});
      return w;
    });
    return new WorkerPool(taskModule, threads);
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

export async function runParallel<R>(options: RunParallelOptions<R>): Promise<R[]> {
  const total = shardLength(options.count, options.shard);
  if (!(options.workers >= 1) || !Number.isInteger(options.workers)) throw new RangeError(`runParallel: workers must be a whole number ≥ 1, got ${options.workers}`);
  options.signal?.throwIfAborted();
  if (total === 0) return [];
  return options.workers === 1 && !options.pool ? runInProcess(options, total) : runInWorkers(options, total);
}

async function runInProcess<R>(o: RunParallelOptions<R>, total: number): Promise<R[]> {
  const task = (await import(o.taskModule.href)) as ParallelTask<R>;
  await task.init(o.shared, o.params);
  const out: R[] = [];
  let lastYield = Date.now();
  for (let k = 0; k < total; k++) {
    // Let timers, signals and stream writes through every ~50 ms of work.
    if (Date.now() - lastYield > 50) {
      await new Promise((resolve) => setImmediate(resolve));
      lastYield = Date.now();
    }
    o.signal?.throwIfAborted();
    const index = shardIndexAt(o.shard, k);
    const result = await task.run(index);
    o.onResult?.(result, index);
    if (o.collect !== false) out.push(result);
    o.onProgress?.(k + 1, total);
  }
  return out;
}

interface WorkerMessage {
  ready?: true;
  /** With `ready` on a pool: the run whose init it answers (a late answer to an earlier run's init is ignored). */
  run?: number;
  indexes?: number[];
  results?: unknown[];
  error?: { name: string; message: string; index: number | null };
}

/** Numbers the runs, so that a pool thread's answer to an earlier run's init is told apart. */
let runSerial = 0;

function runInWorkers<R>(o: RunParallelOptions<R>, total: number): Promise<R[]> {
  const runId = ++runSerial;
  const nWorkers = Math.min(o.pool ? o.pool.workers.length : o.workers, total);
  const chunk = o.chunkSize ?? Math.max(1, Math.min(64, Math.floor(total / (nWorkers * 8))));
  const window = nWorkers * chunk * 4;
  const script = o.pool ? null : workerScript();
  return new Promise<R[]>((resolve, reject) => {
    const out: R[] = [];
    const pending = new Map<number, R>();
    const startOf = new Map<Worker, number>();
    const idle: Worker[] = [];
    // Workers with a chunk in flight: never sent a second one (its start would overwrite the first's).
    const busy = new Set<Worker>();
    const pool: Worker[] = [];
    let nextEmit = 0;
    let nextDispatch = 0;
    let done = 0;
    let finished = false;

    const finish = (error?: unknown): void => {
      if (finished) return;
      finished = true;
      o.signal?.removeEventListener('abort', onAbort);
      if (o.pool) {
        for (const [w, l] of attached) w.off('message', l.message).off('error', l.error).off('exit', l.exit);
        // A pool's threads stay up for the next run, unless this one failed: stop them then.
        if (error === undefined) resolve(out);
        else void o.pool.close().then(() => reject(error));
        return;
      }
      void Promise.all(pool.map((w) => w.terminate())).then(() => (error === undefined ? resolve(out) : reject(error)));
    };
    const onAbort = (): void => finish(o.signal?.reason ?? new Error('aborted'));
    o.signal?.addEventListener('abort', onAbort);

    const dispatch = (w: Worker): void => {
      if (nextDispatch >= total || busy.has(w)) return;
      if (nextDispatch >= nextEmit + window) {
        if (!idle.includes(w)) idle.push(w);
        return;
      }
      const end = Math.min(total, nextDispatch + chunk);
      const indexes: number[] = [];
      for (let k = nextDispatch; k < end; k++) indexes.push(shardIndexAt(o.shard, k));
      startOf.set(w, nextDispatch);
      busy.add(w);
      nextDispatch = end;
      w.postMessage({ indexes });
    };
    const flush = (): void => {
      while (pending.has(nextEmit)) {
        const result = pending.get(nextEmit) as R;
        pending.delete(nextEmit);
        o.onResult?.(result, shardIndexAt(o.shard, nextEmit));
        if (o.collect !== false) out.push(result);
        nextEmit++;
      }
    };
    const onMessage = (w: Worker, msg: WorkerMessage): void => {
      if (finished) return;
      if (msg.error) return finish(taskError(msg.error));
      // A pool thread that got no work in an earlier run answers that run's init late: not ours.
      if (msg.ready && o.pool && msg.run !== runId) return;
      if (msg.results) {
        busy.delete(w);
        const start = startOf.get(w)!;
        msg.results.forEach((r, j) => pending.set(start + j, r as R));
        done += msg.results.length;
        try {
          o.onProgress?.(done, total);
          flush();
        } catch (error) {
          return finish(error);
        }
        if (nextEmit === total) return finish();
      }
      dispatch(w);
      while (idle.length > 0 && nextDispatch < total && nextDispatch < nextEmit + window) dispatch(idle.pop()!);
    };

    const attached = new Map<Worker, { message: (msg: WorkerMessage) => void; error: (error: Error) => void; exit: (code: number) => void }>();
    for (let i = 0; i < nWorkers; i++) {
      const w = o.pool ? o.pool.workers[i]! : new Worker(script!, { workerData: { taskModule: o.taskModule.href, shared: o.shared, params: o.params } });
      pool.push(w);
      const l = {
        message: (msg: WorkerMessage) => onMessage(w, msg),
        error: (error: Error) => finish(error),
        exit: (code: number) => finish(new Error(`a sweep worker stopped (exit code ${code}) before the work was done`)),
      };
      w.on('message', l.message).on('error', l.error).on('exit', l.exit);
      attached.set(w, l);
      if (o.pool) {
        if (w.threadId < 0) finish(new Error('a sweep worker stopped before the work was done'));
        else w.postMessage({ init: { shared: o.shared, params: o.params }, run: runId });
      }
    }
  });
}

function taskError(e: { name: string; message: string }): Error {
  return e.name === 'UserError' ? new UserError(e.message) : new Error(e.message);
}

/**
 * The compiled worker entry next to this module; when this module runs from its TypeScript
 * source (under a TS loader such as vitest), the compiled twin in the repository's dist/.
 */
function workerScript(): URL {
  const here = import.meta.url;
  const url = here.endsWith('.ts') ? new URL('../../dist/src/sweep/parallelWorker.js', here) : new URL('./parallelWorker.js', here);
  if (!existsSync(fileURLToPath(url))) throw new Error(`runParallel: ${fileURLToPath(url)} is missing; build first (npm run build)`);
  return url;
}
