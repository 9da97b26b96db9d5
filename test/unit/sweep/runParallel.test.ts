/**
 * runParallel: results in index order whatever the number of workers, shards that partition the
 * indexes, a task error that rejects with its message, and a panel shared (not copied) with the
 * worker threads. Worker threads run the compiled dist/ (npm test builds it first).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runParallel, WorkerPool } from '../../../src/sweep/runParallel.js';
import { decisionAlignedChunk } from '../../../src/sweep/runSweep.js';
import { parseGrid } from '../../../src/sweep/parseGrid.js';
import { sharePanel } from '../../../src/sweep/sharedPanel.js';
import { parseShard, shardIndexes, shardLength } from '../../../src/sweep/shardIndexes.js';
import { repoRoot } from '../../helpers/cli.js';

const task = pathToFileURL(path.join(repoRoot, 'test/unit/sweep/fixtures/probeTask.mjs'));
const built = existsSync(path.join(repoRoot, 'dist/src/sweep/parallelWorker.js'));

function panel(n: number) {
  return sharePanel({ dates: Int32Array.from([1000, 1001]), assets: ['A'], values: new Float64Array(n) });
}

interface Probe {
  index: number;
  value: number;
  thread: number;
}

describe('runParallel in-process (workers = 1)', () => {
  it('returns results in index order, calls onResult in order and reports progress', async () => {
    const seen: number[] = [];
    const progress: number[] = [];
    const out = await runParallel<Probe>({ taskModule: task, shared: panel(10), params: { factor: 3 }, count: 10, workers: 1, onResult: (_r, i) => seen.push(i), onProgress: (d) => progress.push(d) });
    // value = index · factor + dates[0] = 3i + 1000
    expect(out.map((r) => r.value)).toEqual([1000, 1003, 1006, 1009, 1012, 1015, 1018, 1021, 1024, 1027]);
    expect(seen).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(progress).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(new Set(out.map((r) => r.thread))).toEqual(new Set([0])); // the main thread
  });

  it('rejects with the task error message', async () => {
    await expect(runParallel({ taskModule: task, shared: panel(10), params: { factor: 1, failAt: 4 }, count: 10, workers: 1 })).rejects.toThrow('variant 4 failed on purpose');
  });
});

describe('decisionAlignedChunk', () => {
  it('rounds the chunk down to whole decision sets when they are shorter', () => {
    // 100 lookbacks × 10 spacings, 2 workers: about 1000 / 48 = 20 → 2 decision sets of 10 = 20.
    const grid = parseGrid(['sleeves.all.within.lookback=' + Array.from({ length: 100 }, (_, i) => 20 + i).join(','), 'rebalance.everyDays=1,2,3,4,5,6,7,8,9,10']);
    expect(decisionAlignedChunk(grid, 1000, 2)).toBe(20);
    // 10,000 variants: 10000 / 48 = 208, at most 64 → 6 decision sets of 10 = 60.
    expect(decisionAlignedChunk(grid, 10000, 2)).toBe(60);
    // Decision sets of 20 × 5 = 100 variants (costs and lag only) are longer than 100 / 48 = 2: plain 2.
    const flat = parseGrid(['costs.bps=' + Array.from({ length: 20 }, (_, i) => i).join(','), 'rebalance.lag=0,1,2,3,4']);
    expect(decisionAlignedChunk(flat, 100, 2)).toBe(2);
  });
});

describe.skipIf(!built)('runParallel with worker threads', () => {
  it('gives the same ordered results with 1, 2 and 4 workers, computed on worker threads', async () => {
    const run = (workers: number) => runParallel<Probe>({ taskModule: task, shared: panel(200), params: { factor: 2 }, count: 200, workers, chunkSize: 3 });
    const [one, two, four] = [await run(1), await run(2), await run(4)];
    const values = (rs: Probe[]) => rs.map((r) => r.value);
    expect(values(one)).toEqual(Array.from({ length: 200 }, (_, i) => 2 * i + 1000));
    expect(values(two)).toEqual(values(one));
    expect(values(four)).toEqual(values(one));
    // Every result came from a worker thread. (How many threads share 200 tiny tasks depends on
    // how fast each thread starts, so the count is not asserted: one fast thread may take all.)
    expect(four.every((r) => r.thread !== 0)).toBe(true);
  });

  it('a worker pool runs several jobs on the same threads, each with its own shared data and params', async () => {
    const pool = WorkerPool.start(task, 2);
    try {
      const first = await runParallel<Probe>({ taskModule: task, pool, shared: panel(30), params: { factor: 2 }, count: 30, workers: 2, chunkSize: 4 });
      const second = await runParallel<Probe>({ taskModule: task, pool, shared: sharePanel({ dates: Int32Array.from([5000, 5001]), assets: ['A'], values: new Float64Array(30) }), params: { factor: 7 }, count: 30, workers: 2, chunkSize: 4 });
      // value = index · factor + dates[0]: the second job's init replaced the first's.
      expect(first.map((r) => r.value)).toEqual(Array.from({ length: 30 }, (_, i) => 2 * i + 1000));
      expect(second.map((r) => r.value)).toEqual(Array.from({ length: 30 }, (_, i) => 7 * i + 5000));
      const threads = new Set([...first, ...second].map((r) => r.thread));
      expect([...threads].every((t) => pool.workers.some((w) => w.threadId === t))).toBe(true);
      await expect(runParallel({ taskModule: task, pool, shared: panel(10), params: { factor: 1, failAt: 3 }, count: 10, workers: 2 })).rejects.toThrow('variant 3 failed on purpose');
    } finally {
      await pool.close();
    }
  });

  it('calls onResult in ascending index order even when results arrive out of order', async () => {
    const seen: number[] = [];
    await runParallel<Probe>({ taskModule: task, shared: panel(97), params: { factor: 1 }, count: 97, workers: 3, chunkSize: 1, collect: false, onResult: (_r, i) => seen.push(i) });
    expect(seen).toEqual(Array.from({ length: 97 }, (_, i) => i));
  });

  it('shares the panel memory with the workers (zero-copy)', async () => {
    const shared = panel(20);
    await runParallel({ taskModule: task, shared, params: { factor: 1 }, count: 20, workers: 2 });
    // Each task wrote index + 0.5 into values[index] (all 0 before) inside a worker; the main thread sees the writes.
    expect(Array.from(shared.values)).toEqual(Array.from({ length: 20 }, (_, i) => i + 0.5));
  });

  it('rejects with the task error message and stops', async () => {
    await expect(runParallel({ taskModule: task, shared: panel(50), params: { factor: 1, failAt: 17 }, count: 50, workers: 3 })).rejects.toThrow('variant 17 failed on purpose');
  });

  it('runs only the shard’s indexes, and the shards together give the unsharded results', async () => {
    const all = await runParallel<Probe>({ taskModule: task, shared: panel(23), params: { factor: 5 }, count: 23, workers: 2 });
    const parts: Probe[] = [];
    for (let i = 1; i <= 3; i++) {
      const part = await runParallel<Probe>({ taskModule: task, shared: panel(23), params: { factor: 5 }, count: 23, workers: 2, shard: { index: i, of: 3 } });
      expect(part.map((r) => r.index)).toEqual(shardIndexes(23, { index: i, of: 3 }));
      parts.push(...part);
    }
    parts.sort((a, b) => a.index - b.index);
    expect(parts.map((r) => r.value)).toEqual(all.map((r) => r.value));
  });
});

describe('shards', () => {
  it('partition 0..count−1 (index % N == I − 1)', () => {
    for (const [count, of] of [[0, 1], [1, 3], [10, 3], [23, 4], [7, 7], [5, 9]] as const) {
      const seen = new Array<number>(count).fill(0);
      for (let i = 1; i <= of; i++) {
        const idx = shardIndexes(count, { index: i, of });
        expect(idx.length).toBe(shardLength(count, { index: i, of }));
        for (const k of idx) {
          expect(k % of).toBe(i - 1);
          seen[k]!++;
        }
      }
      expect(seen.every((n) => n === 1)).toBe(true);
    }
    // By hand: 10 variants in 3 shards → [0,3,6,9], [1,4,7], [2,5,8].
    expect(shardIndexes(10, { index: 1, of: 3 })).toEqual([0, 3, 6, 9]);
    expect(shardIndexes(10, { index: 3, of: 3 })).toEqual([2, 5, 8]);
  });

  it('parses I/N and rejects the rest', () => {
    expect(parseShard('2/8')).toEqual({ index: 2, of: 8 });
    for (const bad of ['0/4', '5/4', '2', 'a/b', '1/0', '-1/3']) expect(() => parseShard(bad)).toThrow(/--shard .*expected I\/N with 1 ≤ I ≤ N/);
  });
});
