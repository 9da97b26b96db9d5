/**
 * The bench's sweep rows: the 1,000-variant sweep (100 inverse-vol lookbacks × 10 rebalance
 * spacings, every day to yearly) on a 50×5040 panel, wall clock from the start of the worker
 * pool to the last result (the grid check, the shared prepared panel and the fast path included,
 * as `sleeves sweep` runs them once the data are loaded); and the peak memory of a
 * 100,000-variant sweep run by the CLI.
 */
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { PricePanel } from '../src/core/panel.js';
import { parseGrid } from '../src/sweep/parseGrid.js';
import { runParallel, WorkerPool } from '../src/sweep/runParallel.js';
import { decisionAlignedChunk } from '../src/sweep/runSweep.js';
import { sharePreparedPanel } from '../src/sweep/sharedPanel.js';
import { checkGrid } from '../src/sweep/checkGrid.js';
import { benchSpec, type BenchRow } from './backtestRows.js';
import { writeCsvFolder } from './cliRows.js';
import { summarize } from './measure.js';

export async function sweepRow(panel: PricePanel, workers: number, runs: number): Promise<BenchRow> {
  const base = benchSpec(panel.assets, { method: 'inverseVol', lookback: 63 });
  const lookbacks = Array.from({ length: 100 }, (_, i) => 20 + 2 * i).join(',');
  const grid = parseGrid([`sleeves.all.within.lookback=${lookbacks}`, 'rebalance.everyDays=1,2,5,10,21,42,63,126,189,252']);
  const taskModule = new URL('../src/sweep/sweepTask.js', import.meta.url);
  // What `sleeves sweep` does once the panel is loaded (runSweep): start the worker threads,
  // meanwhile check every variant (and parse the spec parts the workers assemble them from) and
  // share the prepared panel, then run the variants in chunks aligned on the decision sets.
  // Timed from the pool's start to the last result; the threads' termination after it is not.
  const once = async (): Promise<number> => {
    const t0 = performance.now();
    const pool = workers > 1 ? WorkerPool.start(taskModule, workers) : undefined;
    try {
      const check = checkGrid(base, grid);
      const params = { spec: base, grid, groupKeys: check.groups.map((g) => g.key), groupCashRates: [null], ...(check.parts ? { specParts: check.parts } : {}) };
      const chunkSize = decisionAlignedChunk(grid, check.count, workers);
      await runParallel({ taskModule, shared: [sharePreparedPanel(panel, workers)], params, count: check.count, workers, collect: false, chunkSize, ...(pool ? { pool } : {}) });
      return performance.now() - t0;
    } finally {
      await pool?.close();
    }
  };
  // The quick bench times one cold sweep (worker start and compilation included); the full one warms up first.
  if (runs > 1) await once();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(await once());
  return { id: `sweep-1000-${workers}w`, name: `1,000-variant sweep (100 lookbacks × 10 spacings), ${workers} worker${workers > 1 ? 's' : ''}, wall`, targetMs: workers === 2 ? 300 : Number.NaN, ...summarize(times) };
}

/** Peak memory of a 100,000-variant sweep run by the CLI (2 workers) on 3 assets × 300 days: the grid's size is what is measured. */
export function sweepMemoryRow(root: string): BenchRow {
  const { dir } = writeCsvFolder(3, 300);
  try {
    const strategy = path.join(dir, 'memory.yaml');
    writeFileSync(strategy, 'version: 1\nname: memory\nsleeves:\n  all: { assets: [A000, A001, A002], within: { method: inverseVol, lookback: 63 } }\n');
    const lookbacks = Array.from({ length: 100 }, (_, i) => 20 + i).join(',');
    const spacings = Array.from({ length: 100 }, (_, i) => 1 + i).join(',');
    const t0 = performance.now();
    const r = spawnSync(
      process.execPath,
      [path.join(root, 'bin/sleeves.js'), 'sweep', strategy, '--data', dir, '--out', path.join(dir, 'out'), '--workers', '2', '--json',
        '--grid', `sleeves.all.within.lookback=${lookbacks}`, '--grid', `rebalance.everyDays=${spacings}`, '--grid', 'costs.bps=0,1,2,3,4,5,6,7,8,9'],
      { encoding: 'utf8', maxBuffer: 1 << 26 },
    );
    const ms = performance.now() - t0;
    if (r.status !== 0) throw new Error(`sweep failed: ${r.stderr}`);
    const peak = (JSON.parse(r.stdout) as { peakRssMb: number }).peakRssMb;
    return { id: 'sweep-100k-peak-mb', name: '100,000-variant sweep, peak memory', targetMs: 500, targetText: '500 MB', medianMs: peak, minMs: peak, maxMs: peak, runs: 1, note: `MB, not ms; wall ${(ms / 1000).toFixed(1)} s, 2 workers` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
