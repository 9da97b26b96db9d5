/**
 * `sleeves sweep` end to end on the offline sample: identical CSVs whatever --workers, shards
 * merged equal the unsharded CSV, merge errors, invalid grids rejected before any work, and a
 * sweep interrupted half-way leaves no variants.csv behind (only complete, renamed files exist).
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, sleeves, tempDir } from '../helpers/cli.js';

const STRATEGY = 'strategies/seed-barbell.yaml';
const GRID = ['--grid', 'costs.bps=0,10', '--grid', 'rebalance.schedule=monthly,quarterly,yearly'];

/** The one sweep folder under OUT/seed-barbell-sweep whose name matches. */
function folders(out: string): string[] {
  const parent = path.join(out, 'seed-barbell-sweep');
  return existsSync(parent) ? readdirSync(parent).sort().map((f) => path.join(parent, f)) : [];
}

function csvOf(folder: string): string {
  return readFileSync(path.join(folder, 'variants.csv'), 'utf8');
}

describe('sleeves sweep', () => {
  it('writes the same variants.csv with 1 and 2 workers, with a manifest and a heat map', () => {
    const a = tempDir();
    const b = tempDir();
    const one = sleeves(['sweep', STRATEGY, ...GRID, '--workers', '1', '--out', a]);
    const two = sleeves(['sweep', STRATEGY, ...GRID, '--workers', '2', '--out', b, '--quiet']);
    expect(one.code, one.stderr).toBe(0);
    expect(two.code, two.stderr).toBe(0);
    expect(two.stdout).toBe('');
    const [fa] = folders(a);
    const [fb] = folders(b);
    const csv = csvOf(fa!);
    expect(csvOf(fb!)).toBe(csv);
    const lines = csv.trim().split('\n');
    expect(lines[0]).toBe('variant,costs.bps,rebalance.schedule,cagr,annualizedVolatility,sharpe,sortino,maxDrawdown,calmar,totalReturn,turnoverPerYear,periods,skewness,excessKurtosis,periodSharpe');
    // 2 × 3 variants, last grid fastest.
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 3).join(','))).toEqual(['0,0,monthly', '1,0,quarterly', '2,0,yearly', '3,10,monthly', '4,10,quarterly', '5,10,yearly']);
    expect(readdirSync(fa!).sort()).toEqual(['heatmap.html', 'manifest.json', 'variants.csv']);
    const manifest = JSON.parse(readFileSync(path.join(fa!, 'manifest.json'), 'utf8'));
    expect(manifest.count).toBe(6);
    expect(manifest.shard).toBeNull();
    expect(manifest.overfitting.variantsTried).toBe(6);
    expect(manifest.data.files.every((f: { sha256: string }) => /^[0-9a-f]{64}$/.test(f.sha256))).toBe(true);
    expect(one.stdout).toMatch(/overfitting guard: 6 variants tried; .*deflated Sharpe ratio \d\.\d{3}/);
    expect(one.stdout).toMatch(/rank\s+variant\s+costs\.bps\s+rebalance\.schedule\s+Sharpe/); // headers are the figure catalogue's labels
  });

  it('matches `sleeves run` for the base variant', () => {
    const out = tempDir();
    const sweep = sleeves(['sweep', STRATEGY, '--grid', 'costs.bps=5', '--workers', '1', '--out', out, '--quiet']);
    expect(sweep.code, sweep.stderr).toBe(0);
    const row = csvOf(folders(out)[0]!).trim().split('\n')[1]!.split(',');
    const run = sleeves(['run', STRATEGY, '--json', '--no-html', '--out', out]);
    const report = JSON.parse(run.stdout);
    // columns: variant, costs.bps, cagr, vol, sharpe, sortino, maxDrawdown, calmar, totalReturn, turnoverPerYear
    // The sweep's fast path sums in another order than the run's kernel: equal to 1e-12.
    const near = (a: number, b: number) => expect(Math.abs(a - b), `${a} vs ${b}`).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(b)));
    near(Number(row[2]), report.metrics.cagr);
    near(Number(row[4]), report.metrics.sharpe);
    near(Number(row[6]), report.metrics.maxDrawdown);
    near(Number(row[9]), report.costs.annualizedTurnover);
  });

  it('shards merged give the unsharded CSV; missing or repeated shards are named', () => {
    const full = tempDir();
    expect(sleeves(['sweep', STRATEGY, ...GRID, '--workers', '2', '--out', full, '--quiet']).code).toBe(0);
    const out = tempDir();
    for (const s of ['1/4', '2/4', '3/4', '4/4']) {
      const r = sleeves(['sweep', STRATEGY, ...GRID, '--workers', '2', '--shard', s, '--out', out, '--quiet']);
      expect(r.code, r.stderr).toBe(0);
    }
    const shards = folders(out);
    expect(shards).toHaveLength(4);
    // Shard 2/4 holds variants 1 and 5 (index % 4 == 1).
    const second = shards.find((f) => f.endsWith('-shard-2-of-4'))!;
    expect(csvOf(second).trim().split('\n').slice(1).map((l) => l.split(',')[0])).toEqual(['1', '5']);

    const merged = tempDir();
    const m = sleeves(['sweep', 'merge', ...shards, '--out', merged]);
    expect(m.code, m.stderr).toBe(0);
    const [mf] = folders(merged);
    expect(csvOf(mf!)).toBe(csvOf(folders(full)[0]!));
    expect(m.stdout).toMatch(/overfitting guard: 6 variants tried/);
    const fullManifest = JSON.parse(readFileSync(path.join(folders(full)[0]!, 'manifest.json'), 'utf8'));
    const mergedManifest = JSON.parse(readFileSync(path.join(mf!, 'manifest.json'), 'utf8'));
    // The trial ledger needs the variants' returns and the catalog at sweep time: a merged sweep has none (each shard's manifest has its own).
    const { ledger: _ledger, ...fullOverfitting } = fullManifest.overfitting;
    expect(mergedManifest.overfitting).toEqual(fullOverfitting);

    const missing = sleeves(['sweep', 'merge', shards[0]!, shards[2]!, '--out', merged]);
    expect(missing.code).toBe(1);
    // Shards 1 and 3 given: 2 (variants 1, 5) and 4 (variant 3) are missing.
    expect(missing.stderr.trim()).toBe('sleeves: sweep merge: variants 1, 3, 5 missing of 6: shards 2, 4 of 4 are missing (run them again: --shard I/4 for I in 2, 4; with Slurm: --array=2,4)');
    const twice = sleeves(['sweep', 'merge', ...shards, shards[1]!, '--out', merged]);
    expect(twice.code).toBe(1);
    expect(twice.stderr).toMatch(/variants 1, 5 appear more than once/);
    const other = tempDir();
    expect(sleeves(['sweep', STRATEGY, '--grid', 'costs.bps=0,10', '--shard', '1/2', '--out', other, '--quiet']).code).toBe(0);
    const mixed = sleeves(['sweep', 'merge', shards[0]!, folders(other)[0]!, '--out', merged]);
    expect(mixed.code).toBe(1);
    expect(mixed.stderr).toMatch(/differ in grid/);
  });

  it('rejects an invalid combination before any work, in one line', () => {
    const out = tempDir();
    const r = sleeves(['sweep', STRATEGY, '--grid', 'rebalance.lag=1,50', '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^sleeves: --grid rebalance\.lag=50: rebalance\.lag: Too big/)]);
    expect(readdirSync(out)).toEqual([]);
    const bad = sleeves(['sweep', STRATEGY, '--grid', 'costs.bps', '--out', out]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/--grid costs\.bps: expected PATH=V1,V2/);
  });

  it('leaves no variants.csv when interrupted half-way', async () => {
    const out = tempDir();
    const child = spawn(
      process.execPath,
      [path.join(repoRoot, 'bin/sleeves.js'), 'sweep', STRATEGY, '--grid', 'costs.bps=0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19', '--grid', 'rebalance.lag=0,1,2,3,4', '--workers', '2', '--progress', '--out', out],
      { cwd: repoRoot, env: { ...process.env, NO_COLOR: '1' } },
    );
    let stderr = '';
    const code = await new Promise<number | null>((resolve) => {
      child.stderr.on('data', (d: Buffer) => {
        stderr += d.toString();
        // Kill after the first progress line that reports finished variants (of 100).
        if (/sweep: \[#*\.*\] [1-9]\d*\/100/.test(stderr) && !child.killed) child.kill('SIGTERM');
      });
      child.on('close', (c) => resolve(c));
    });
    expect(stderr).toMatch(/\/100/);
    expect(code).toBe(1);
    expect(stderr).toMatch(/sweep interrupted/);
    // No complete folder and no temporary folder remain.
    const parent = path.join(out, 'seed-barbell-sweep');
    expect(existsSync(parent) ? readdirSync(parent) : []).toEqual([]);
  });
});
