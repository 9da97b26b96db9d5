/**
 * The run catalog: rows in and out, family hashes, the trial ledger, prune, and the failure
 * modes that must never stop a run (a corrupt file, a lock held past the wait): one warning line.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Sqlite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { familyHash, type CatalogEntry } from '../../../src/catalog/catalogEntry.js';
import { pruneRuns } from '../../../src/catalog/pruneRuns.js';
import { recordRun } from '../../../src/catalog/recordRun.js';
import { CATALOG_FILE, openCatalog } from '../../../src/catalog/runCatalog.js';
import { loadStrategy } from '../../../src/strategy/loadStrategy.js';
import { variantSpec } from '../../../src/sweep/variantSpec.js';
import { repoRoot, tempDir } from '../../helpers/cli.js';

function entry(over: Partial<CatalogEntry> = {}): CatalogEntry {
  return {
    command: 'run',
    strategy: 's',
    strategyFile: null,
    specSha256: 'a'.repeat(64),
    familySha256: 'f'.repeat(64),
    params: {},
    data: { directory: 'd', sha256: 'b'.repeat(64), files: [] },
    period: { start: '2020-01-02', end: '2020-12-31' },
    trials: 1,
    metrics: { sharpe: 1, cagr: 0.1, maxDrawdown: 0.2 },
    folder: 'x',
    ...over,
  };
}

/** Runs `f` with stderr captured; returns what was written. */
async function captureStderr(f: () => Promise<unknown>): Promise<string> {
  const chunks: string[] = [];
  const write = process.stderr.write.bind(process.stderr);
  process.stderr.write = ((c: string | Uint8Array) => (chunks.push(String(c)), true)) as typeof process.stderr.write;
  try {
    await f();
  } finally {
    process.stderr.write = write;
  }
  return chunks.join('');
}

describe('run catalog', () => {
  it('records, lists by strategy, date and figure, shows, and sums the trials of a family', async () => {
    const out = tempDir('sleeves-catalog-');
    const c = await openCatalog(out);
    expect(c.insert(entry({ strategy: 'a', metrics: { sharpe: 0.5 } }), new Date('2026-01-01T00:00:00Z'))).toBe(1);
    expect(c.insert(entry({ strategy: 'a', metrics: { sharpe: 1.5 }, trials: 12, command: 'sweep' }), new Date('2026-02-01T00:00:00Z'))).toBe(2);
    expect(c.insert(entry({ strategy: 'b', metrics: { sharpe: null }, familySha256: 'e'.repeat(64) }), new Date('2026-03-01T00:00:00Z'))).toBe(3);
    expect(c.list().map((r) => r.id)).toEqual([3, 2, 1]);
    expect(c.list({ strategy: 'a' }).map((r) => r.id)).toEqual([2, 1]);
    expect(c.list({ since: '2026-02-01' }).map((r) => r.id)).toEqual([3, 2]);
    // Sharpe descending, undefined last.
    expect(c.list({ sort: 'sharpe' }).map((r) => r.id)).toEqual([2, 1, 3]);
    expect(c.get(2)).toMatchObject({ command: 'sweep', trials: 12, metrics: { sharpe: 1.5 }, period: { start: '2020-01-02' }, pruned: false });
    expect(c.get(9)).toBeNull();
    // Family f: 1 + 12 trials; family e: 1.
    expect(c.familyTrials('f'.repeat(64))).toBe(13);
    expect(c.familyTrials('e'.repeat(64))).toBe(1);
    expect(c.familyTrials('0'.repeat(64))).toBe(0);
    c.close();
    expect(new Sqlite(path.join(out, CATALOG_FILE)).pragma('journal_mode', { simple: true })).toBe('wal');
  });

  it('family: the spec without the varied paths and the period', () => {
    const spec = loadStrategy(path.join(repoRoot, 'strategies/winner-takes-all.yaml')).spec;
    const k = 'sleeves.ai_leaders.within.k';
    const k2 = variantSpec(spec, [{ path: k, values: [2] }], 0);
    const k4 = variantSpec(spec, [{ path: k, values: [4] }], 0);
    expect(familyHash(k2, [k])).toBe(familyHash(k4, [k]));
    expect(familyHash(k2, [])).not.toBe(familyHash(k4, []));
    expect(familyHash({ ...k2, period: { from: '2015-01-02' } }, [k])).toBe(familyHash(k2, [k]));
    const costly = variantSpec(spec, [{ path: 'costs.bps', values: [20] }], 0);
    expect(familyHash(costly, [k])).not.toBe(familyHash(spec, [k]));
  });

  it('prune removes old folders inside OUT, keeps their rows (marked) and the trial count', async () => {
    const out = tempDir('sleeves-catalog-');
    const c = await openCatalog(out);
    const folders = [1, 2, 3].map((i) => path.join(out, 's', `run-${i}`));
    folders.forEach((f) => mkdirSync(f, { recursive: true }));
    folders.forEach((folder, i) => c.insert(entry({ folder }), new Date(Date.UTC(2026, 0, i + 1))));
    c.insert(entry({ folder: path.join(tempDir('elsewhere-'), 'r') }), new Date(Date.UTC(2026, 0, 1)));
    const removed = pruneRuns(c, out, 2);
    // Newest first by id: 4 and 3 kept; 2 and 1 removed.
    expect(removed.map((r) => r.id)).toEqual([2, 1]);
    expect(folders.map((f) => existsSync(f))).toEqual([false, false, true]);
    expect(c.list().map((r) => r.id)).toEqual([4, 3]);
    expect(c.list({ includePruned: true }).map((r) => [r.id, r.pruned])).toEqual([[4, false], [3, false], [2, true], [1, true]]);
    expect(c.familyTrials('f'.repeat(64))).toBe(4);
    // Entry 4's folder lies outside OUT: pruning it marks the row, leaves the folder.
    expect(pruneRuns(c, out, 0)).toEqual([
      { id: 4, folder: expect.stringContaining('elsewhere-') as unknown as string, note: 'outside the output folder: left in place' },
      { id: 3, folder: folders[2], note: null },
    ]);
    c.close();
  });

  it('a corrupt catalog: one warning line, the file left as it was, the run goes on', async () => {
    const out = tempDir('sleeves-catalog-');
    const file = path.join(out, CATALOG_FILE);
    writeFileSync(file, 'this is not a database, just text long enough to have a header'.repeat(100));
    let id: number | null = 0;
    const err = await captureStderr(async () => (id = await recordRun({ out }, () => entry())));
    expect(id).toBeNull();
    expect(err.split('\n').filter((l) => l !== '')).toHaveLength(1);
    expect(err).toMatch(/^warning: run catalog .*catalog\.sqlite: file is not a database; this run is not recorded/);
    expect(readFileSync(file, 'utf8').startsWith('this is not a database')).toBe(true);
  });

  it('a catalog locked past the 5 s wait: one warning line; --no-catalog does not touch it', async () => {
    const out = tempDir('sleeves-catalog-');
    (await openCatalog(out)).close();
    const holder = new Sqlite(path.join(out, CATALOG_FILE));
    holder.exec('BEGIN EXCLUSIVE');
    try {
      let id: number | null = 0;
      const err = await captureStderr(async () => (id = await recordRun({ out }, () => entry())));
      expect(id).toBeNull();
      expect(err).toMatch(/^warning: run catalog .*: database is locked; this run is not recorded/);
      expect(err.trim().split('\n')).toHaveLength(1);
      expect(await recordRun({ out, catalog: false }, () => entry())).toBeNull();
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }
    const c = await openCatalog(out);
    expect(c.list()).toEqual([]);
    c.close();
  }, 20_000);

  it('four processes writing at once: every row lands (WAL, busy wait)', async () => {
    const out = tempDir('sleeves-catalog-');
    const module = path.join(repoRoot, 'dist/src/catalog/runCatalog.js');
    const script = `
      const { openCatalog } = await import(${JSON.stringify(module)});
      const c = await openCatalog(process.argv[1]);
      for (let i = 0; i < 50; i++) c.insert({ command: 'run', strategy: 'p' + process.argv[2], strategyFile: null, specSha256: 's', familySha256: 'f', params: {}, data: { directory: 'd', sha256: 'h', files: [] }, period: { start: null, end: null }, trials: 1, metrics: {}, folder: 'x' + i });
      c.close();`;
    const runs = [1, 2, 3, 4].map(
      (p) =>
        new Promise<number | null>((resolve) => {
          const child = spawn(process.execPath, ['--input-type=module', '-e', script, out, String(p)], { stdio: 'inherit' });
          child.on('exit', resolve);
        }),
    );
    expect(await Promise.all(runs)).toEqual([0, 0, 0, 0]);
    const c = await openCatalog(out);
    // 4 processes × 50 rows, 50 per process, ids 1..200 without a gap.
    expect(c.list().length).toBe(200);
    for (const p of [1, 2, 3, 4]) expect(c.list({ strategy: `p${p}` }).length).toBe(50);
    expect(c.familyTrials('f')).toBe(200);
    c.close();
  });
});
