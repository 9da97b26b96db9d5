/**
 * `sleeves sweep --shards N --emit slurm|k8s` end to end, without a scheduler: the emitted
 * Slurm script's tasks run one after the other by bash as Slurm would run them
 * (SLURM_ARRAY_TASK_ID = 1..N), then its merge: the same variants.csv as the one-machine
 * sweep. (On a real Slurm cluster: slurm.test.ts.) Flag errors are one line, before any work.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { repoRoot, sleeves, tempDir } from '../helpers/cli.js';

const STRATEGY = 'strategies/seed-barbell.yaml';
const GRID = ['--grid', 'costs.bps=0,10', '--grid', 'rebalance.schedule=monthly,quarterly,yearly'];

function sweepFolders(out: string): string[] {
  const parent = path.join(out, 'seed-barbell-sweep');
  return existsSync(parent) ? readdirSync(parent).sort().map((f) => path.join(parent, f)) : [];
}

describe('sleeves sweep --emit', () => {
  it('writes a Slurm script whose tasks and merge give the one-machine variants.csv', () => {
    const full = tempDir();
    expect(sleeves(['sweep', STRATEGY, ...GRID, '--lag', '2', '--workers', '1', '--out', full, '--quiet']).code).toBe(0);
    const out = tempDir();
    const script = path.join(tempDir(), 'sweep.sbatch');
    const r = sleeves(['sweep', STRATEGY, ...GRID, '--lag', '2', '--shards', '4', '--workers', '1', '--out', out, '--emit', `slurm=${script}`, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const info = JSON.parse(r.stdout);
    // 6 variants in 4 shards: at most ⌈6/4⌉ = 2 per shard.
    expect(info).toMatchObject({ file: script, kind: 'slurm', count: 6, shards: 4, estimate: { variantsPerShard: 2, cpus: 1 } });
    expect(info.measure.variantSeconds).toBeGreaterThan(0);
    expect(statSync(script).mode & 0o111).not.toBe(0);
    const text = readFileSync(script, 'utf8');
    expect(text).toContain(`#SBATCH --array=1-4\n#SBATCH --cpus-per-task=1\n`);
    expect(text).toContain(` sweep ${path.join(repoRoot, STRATEGY)} --grid costs.bps=0,10 --grid rebalance.schedule=monthly,quarterly,yearly --lag 2 --data ${path.join(repoRoot, 'data/sample')} --out "$SHARDS"`);
    expect(existsSync(path.join(info.shardsFolder, 'logs'))).toBe(true);
    expect(sweepFolders(out)).toEqual([]); // nothing run but variant 0, in a removed temporary folder

    const elsewhere = tempDir();
    for (const task of [1, 2, 3, 4]) {
      const t = spawnSync('bash', [script], { cwd: elsewhere, env: { ...process.env, SLURM_ARRAY_TASK_ID: String(task), SLURM_CPUS_PER_TASK: '1' }, encoding: 'utf8' });
      expect(t.status, t.stderr).toBe(0);
    }
    const m = spawnSync('bash', [script, 'merge'], { cwd: elsewhere, env: process.env, encoding: 'utf8' });
    expect(m.status, m.stderr).toBe(0);
    const [merged] = sweepFolders(out);
    expect(path.basename(merged!)).toMatch(/-merged$/);
    expect(readFileSync(path.join(merged!, 'variants.csv'), 'utf8')).toBe(readFileSync(path.join(sweepFolders(full)[0]!, 'variants.csv'), 'utf8'));
  });

  it('prints a Kubernetes Indexed Job and its merge Job on stdout', () => {
    const out = tempDir();
    const r = sleeves(['sweep', STRATEGY, ...GRID, '--shards', '3', '--workers', '2', '--out', out, '--emit', 'k8s']);
    expect(r.code, r.stderr).toBe(0);
    const docs = parseAllDocuments(r.stdout) as unknown as { toJS(): any }[];
    const [shard, merge] = docs.map((d) => d.toJS());
    expect(shard.spec).toMatchObject({ completionMode: 'Indexed', completions: 3, parallelism: 3 });
    expect(shard.spec.template.spec.containers[0].args[0]).toMatch(
      /^exec sleeves sweep \/sweep\/strategies\/seed-barbell\.yaml --grid costs\.bps=0,10 --grid rebalance\.schedule=monthly,quarterly,yearly --data \/sweep\/data --out \/sweep\/results\/seed-barbell-shards-\S+ --workers 2 --progress --shard "\$\(\(JOB_COMPLETION_INDEX \+ 1\)\)\/3"$/,
    );
    expect(merge.spec.suspend).toBe(true);
    expect(readdirSync(out)).toEqual([]); // no local folder for a Kubernetes job
  });

  it('rejects missing or conflicting flags in one line, before any work', () => {
    const out = tempDir();
    const file = path.join(out, 'job.sbatch');
    const cases: [string[], number, RegExp][] = [
      [['--emit', 'slurm'], 2, /^sleeves: --emit slurm: say how many shards with --shards N$/],
      [['--shards', '3'], 2, /^sleeves: --shards N goes with --emit slurm\|k8s \(to run one shard here: --shard I\/N\)$/],
      [['--shards', '3', '--shard', '1/3', '--emit', 'k8s'], 2, /^sleeves: --emit writes a job for every shard; leave out --shard$/],
      [['--shards', '3', '--emit', 'pbs'], 2, /^sleeves: --emit pbs: expected slurm, slurm=FILE, k8s or k8s=FILE$/],
      [['--shards', '0', '--emit', 'slurm'], 1, /^sleeves: --shards: expected a whole number from 1 to 100000, got "0"$/],
      // 2 × 3 = 6 variants.
      [['--shards', '7', '--emit', `slurm=${file}`], 1, /^sleeves: --shards 7: the grid has 6 variants; use at most 6 shards$/],
      [['--shards', '2', '--emit', `slurm=${out}/no-such-folder/job.sbatch`], 1, /^sleeves: \S+\/no-such-folder\/job\.sbatch: cannot write \(ENOENT\); does the folder exist/],
    ];
    for (const [flags, code, message] of cases) {
      const r = sleeves(['sweep', STRATEGY, ...GRID, '--out', out, ...flags]);
      expect(r.code, r.stderr).toBe(code);
      expect(r.stderr.trim()).toMatch(message);
    }
    const bad = sleeves(['sweep', STRATEGY, '--grid', 'rebalance.lag=1,50', '--shards', '2', '--out', out, '--emit', `slurm=${file}`]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/--grid rebalance\.lag=50/);
    expect(readdirSync(out)).toEqual([]);
  });
});
