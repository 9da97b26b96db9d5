/**
 * The numpy baseline of the bench (bench/numpy_baseline.py), run as a child process that answers
 * one command a line, so its backtests can be timed interleaved with ours. Absent python3 or
 * numpy, `startNumpy` says why and the bench skips the numpy columns.
 */
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { PricePanel } from '../src/core/panel.js';

export interface NumpyBaseline {
  readonly version: string;
  /** One timed backtest in the child ('prices': from the price matrix; 'prepared': returns given); its own perf_counter ms. */
  time(kind: 'prices' | 'prepared'): Promise<number>;
  /** The daily returns of the 'prices' backtest, for the agreement check. */
  returns(): Promise<Float64Array>;
  close(): void;
}

export async function startNumpy(root: string, panel: PricePanel, scratch: string): Promise<NumpyBaseline | { skipped: string }> {
  const probe = spawnSync('python3', ['-c', 'import numpy; print(numpy.__version__)'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) return { skipped: `numpy baseline skipped: ${probe.error ? 'python3 not found' : 'python3 has no numpy'}` };
  const version = probe.stdout.trim();
  const child: ChildProcessWithoutNullStreams = spawn('python3', [path.join(root, 'bench/numpy_baseline.py')], { stdio: ['pipe', 'pipe', 'pipe'] });
  const lines = createInterface({ input: child.stdout });
  const waiting: Array<{ resolve: (line: string) => void; reject: (e: Error) => void }> = [];
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  lines.on('line', (line) => {
    const w = waiting.shift();
    if (line.startsWith('error')) w?.reject(new Error(line));
    else w?.resolve(line);
  });
  child.on('exit', () => {
    for (const w of waiting.splice(0)) w.reject(new Error(`numpy baseline exited: ${stderr}`));
  });
  const ask = (command: string): Promise<string> =>
    new Promise((resolve, reject) => {
      waiting.push({ resolve, reject });
      child.stdin.write(`${command}\n`);
    });
  const n = panel.dates.length;
  const file = path.join(scratch, 'panel.bin');
  const bytes = Buffer.alloc(4 * n + 8 * panel.values.length);
  Buffer.from(panel.dates.buffer, panel.dates.byteOffset, 4 * n).copy(bytes, 0);
  Buffer.from(panel.values.buffer, panel.values.byteOffset, 8 * panel.values.length).copy(bytes, 4 * n);
  writeFileSync(file, bytes);
  await ask(`load ${file} ${panel.assets.length} ${n}`);
  return {
    version,
    time: async (kind) => Number(await ask(`time ${kind}`)),
    returns: async () => {
      const out = path.join(scratch, 'returns.bin');
      await ask(`returns ${out}`);
      const b = readFileSync(out);
      return new Float64Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));
    },
    close: () => {
      child.stdin.write('quit\n');
      child.stdin.end();
    },
  };
}
