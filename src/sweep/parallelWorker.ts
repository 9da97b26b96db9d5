/**
 * The worker-thread side of runParallel. workerData = { taskModule (URL string), shared,
 * params }. It imports the task module, calls init(shared, params) once, answers 'ready',
 * then for each { indexes } message runs run(index) for each and answers { indexes, results }.
 * Any error is answered as { error: { name, message, index } } and the worker stops working.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { ParallelTask } from './runParallel.js';

interface WorkerInput {
  taskModule: string;
  shared: unknown;
  params: unknown;
}

const port = parentPort;
if (port === null) throw new Error('parallelWorker.js runs only as a worker thread');
const input = workerData as WorkerInput;

function fail(error: unknown, index: number | null): void {
  const name = error instanceof Error ? error.name : 'Error';
  const message = error instanceof Error ? error.message : String(error);
  port!.postMessage({ error: { name, message, index } });
}

try {
  const task = (await import(input.taskModule)) as ParallelTask<unknown>;
  await task.init(input.shared, input.params);
  port.on('message', (msg: { indexes: number[] }) => {
    void (async () => {
      const results: unknown[] = [];
      let current: number | null = null;
      try {
        for (const index of msg.indexes) {
          current = index;
          results.push(await task.run(index));
        }
      } catch (error) {
        fail(error, current);
        return;
      }
      port.postMessage({ indexes: msg.indexes, results });
    })();
  });
  port.postMessage({ ready: true });
} catch (error) {
  fail(error, null);
}
