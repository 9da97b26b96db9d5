/**
 * The worker-thread side of runParallel. workerData = { taskModule (URL string), shared?,
 * params? }. It imports the task module at once; it calls init(shared, params) with the
 * workerData's, or at each { init: { shared, params }, run } message (a WorkerPool's next run),
 * and answers { ready, run }; then for each { indexes } message runs run(index) for each and answers
 * { indexes, results }. Any error is answered as { error: { name, message, index } }.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { ParallelTask } from './runParallel.js';

interface WorkerInput {
  taskModule: string;
  /** Given at start (runParallel's own threads), or later in an { init } message (WorkerPool). */
  shared?: unknown;
  params?: unknown;
}

const port = parentPort;
if (port === null) throw new Error('parallelWorker.js runs only as a worker thread');
const input = workerData as WorkerInput;

function fail(error: unknown, index: number | null): void {
  const name = error instanceof Error ? error.name : 'Error';
  const message = error instanceof Error ? error.message : String(error);
  port!.postMessage({ error: { name, message, index } });
}

// The task module is imported at once (a pool's threads load it while the caller prepares the data).
const loading = import(input.taskModule) as Promise<ParallelTask<unknown>>;
loading.catch(() => {});

async function initTask(shared: unknown, params: unknown, run?: number): Promise<void> {
  try {
    const task = await loading;
    await task.init(shared, params);
    port!.postMessage({ ready: true, run });
  } catch (error) {
    fail(error, null);
  }
}

port.on('message', (msg: { indexes?: number[]; init?: { shared: unknown; params: unknown }; run?: number }) => {
  if (msg.init) {
    void initTask(msg.init.shared, msg.init.params, msg.run);
    return;
  }
  const indexes = msg.indexes ?? [];
  void (async () => {
    const task = await loading;
    const results: unknown[] = [];
    let current: number | null = null;
    try {
      for (const index of indexes) {
        current = index;
        results.push(await task.run(index));
      }
    } catch (error) {
      fail(error, current);
      return;
    }
    port.postMessage({ indexes, results });
  })();
});

if (input.params !== undefined) void initTask(input.shared, input.params);
