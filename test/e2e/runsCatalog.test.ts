/**
 * The run catalog through the CLI (sample data): two `sleeves run` at once both land; runs list,
 * show and compare read it; --no-catalog leaves no catalog; a corrupt catalog gives one warning
 * line and the run still writes its folder and exits 0.
 */
import { spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, sleeves, tempDir } from '../helpers/cli.js';

const RUN = ['run', 'strategies/seed-barbell.yaml', '--no-html', '--quiet'];

function sleevesAsync(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(repoRoot, 'bin/sleeves.js'), ...args], { cwd: repoRoot, env: { ...process.env, NO_COLOR: '1' } });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += String(d)));
    child.on('exit', (code) => resolve({ code, stderr }));
  });
}

describe('sleeves runs and the catalog', () => {
  it('two runs at once both land; list, show and compare read them', async () => {
    const out = tempDir('sleeves-runs-');
    // Two runs of one strategy, usually in the same second: two run folders (id and id-2) and two rows.
    const [a, b] = await Promise.all([sleevesAsync([...RUN, '--out', out]), sleevesAsync([...RUN, '--out', out, '--set', 'costs.bps=20'])]);
    expect([a.code, b.code, a.stderr, b.stderr]).toEqual([0, 0, '', '']);
    const rows = JSON.parse(sleeves(['runs', 'list', '--out', out, '--json']).stdout) as { id: number; command: string; params: { set: string[] }; familySha256: string; specSha256: string; folder: string }[];
    expect(rows.map((r) => r.id).sort()).toEqual([1, 2]);
    expect(rows.every((r) => r.command === 'run' && existsSync(path.join(r.folder, 'report.json')))).toBe(true);
    expect(new Set(rows.map((r) => r.specSha256)).size).toBe(2);
    const show = JSON.parse(sleeves(['runs', 'show', '1', '--out', out]).stdout);
    expect(show.id).toBe(1);
    const compare = sleeves(['runs', 'compare', '1', '2', '--out', out, '--json']);
    expect(compare.code).toBe(0);
    // compare got the two recorded folders, in the order of the ids.
    const byId = new Map(rows.map((r) => [r.id, r.folder]));
    expect((JSON.parse(compare.stdout) as { columns: { source: string }[] }).columns.map((c) => c.source)).toEqual([byId.get(1), byId.get(2)]);
    const missing = sleeves(['runs', 'show', '7', '--out', out]);
    expect([missing.code, missing.stderr.trim()]).toEqual([1, 'sleeves: runs show 7: no such entry in the catalog']);
  });

  it('--no-catalog writes no catalog; a corrupt one gives one warning and the run goes on', () => {
    const out = tempDir('sleeves-runs-');
    expect(sleeves([...RUN, '--out', out, '--no-catalog']).code).toBe(0);
    expect(existsSync(path.join(out, 'catalog.sqlite'))).toBe(false);
    writeFileSync(path.join(out, 'catalog.sqlite'), 'garbage '.repeat(1000));
    const r = sleeves([...RUN, '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^warning: run catalog .*catalog\.sqlite: file is not a database; this run is not recorded \(its folder is complete\)$/)]);
    const list = sleeves(['runs', 'list', '--out', out]);
    expect(list.code).toBe(1);
    expect(list.stderr).toMatch(/cannot read the run catalog \(file is not a database\)/);
  });
});

describe('the trial ledger in sweeps', () => {
  it('a second sweep of the same family counts the first one\'s variants; --no-catalog counts its own only', () => {
    const out = tempDir('sleeves-ledger-');
    const sweep = (extra: string[]) => JSON.parse(sleeves(['sweep', 'strategies/seed-barbell.yaml', '--grid', 'costs.bps=0,5,10', '--workers', '1', '--out', out, '--json', '--quiet', ...extra]).stdout);
    const first = sweep([]).overfitting.ledger;
    // Another grid path is another family; the same path with other values is the same family.
    sweep(['--grid', 'rebalance.lag=1,2']);
    const second = sweep(['--set', 'rebalance.lag=2']).overfitting.ledger;
    expect([first.priorTrials, first.familyTrials, first.variants]).toEqual([0, 3, 3]);
    // Second: --set changes lag (not a swept path) → the spec differs → a new family.
    expect(second.priorTrials).toBe(0);
    const third = sweep([]).overfitting.ledger;
    expect([third.priorTrials, third.familyTrials, third.familySha256]).toEqual([3, 6, first.familySha256]);
    expect(third.trialsUsed).toBeCloseTo((6 * third.effectiveTrials) / 3, 12);
    const off = sweep(['--no-catalog']).overfitting.ledger;
    expect([off.priorTrials, off.familyTrials]).toEqual([null, 3]);
  });
});
