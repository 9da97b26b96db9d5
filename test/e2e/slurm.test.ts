/**
 * The emitted Slurm job array, run on a real single-node Slurm cluster (Debian's slurm-wlm and
 * munge, started in a temporary folder by test/helpers/slurmCluster.ts; CI installs them and
 * runs as root; elsewhere this file is skipped with the reason in its title). A 4-task array
 * of `sleeves sweep --shard $SLURM_ARRAY_TASK_ID/4` and its dependent merge job give a
 * variants.csv byte-identical to the one-machine sweep; a cancelled task makes the merge job
 * cancelled, `sweep merge` names the missing shard, and resubmitting that task alone
 * (`--array=2`) completes the sweep.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasRealData, realDataDir, repoRoot, sleeves, tempDir } from '../helpers/cli.js';
import { isAlive, slurmUnavailable, startSlurmCluster, type SlurmCluster } from '../helpers/slurmCluster.js';

const unavailable = slurmUnavailable();
if (unavailable) console.warn(`slurm.test.ts skipped: cannot start a Slurm cluster here: ${unavailable}`);

// 4 × 2 = 8 variants, 2 per shard; --rank-by and --from must reach every task and the merge.
const DATA = hasRealData ? realDataDir : path.join(repoRoot, 'data/sample');
const FLAGS = ['--grid', 'costs.bps=0,5,10,20', '--grid', 'rebalance.schedule=monthly,quarterly', '--from', '2016-01-04', '--rank-by', 'calmar'];
const SHARDS = 4;

function sweepFolders(out: string): string[] {
  const parent = path.join(out, 'seed-barbell-sweep');
  return existsSync(parent) ? readdirSync(parent).sort().map((f) => path.join(parent, f)) : [];
}

/** Emits the job from the project folder with relative paths; returns the script's path. */
function emit(out: string): string {
  const script = path.join(tempDir('sleeves-slurm-script-'), 'sweep.sbatch');
  const r = sleeves(['sweep', 'strategies/seed-barbell.yaml', ...FLAGS, '--data', path.relative(repoRoot, DATA), '--out', out, '--workers', '1', '--shards', String(SHARDS), '--emit', `slurm=${script}`]);
  expect(r.code, r.stderr).toBe(0);
  return script;
}

describe.skipIf(unavailable !== null)(`a Slurm job array on a single-node cluster${unavailable ? ` (skipped: ${unavailable})` : ''}`, () => {
  let cluster: SlurmCluster | undefined;
  let reference = '';

  /** `bash SCRIPT ARGS` from an unrelated folder, as a user would; returns stdout. */
  const bash = (script: string, args: string[] = []) => spawnSync('bash', [script, ...args], { cwd: tempDir('sleeves-elsewhere-'), env: cluster!.env, encoding: 'utf8' });
  const submit = (script: string, args: string[] = []): { array: string; merge: string } => {
    const r = bash(script, args);
    expect(r.status, r.stderr).toBe(0);
    const m = /array job (\d+) \(tasks (\S+) of 4\), merge job (\d+)/.exec(r.stdout);
    expect(m, r.stdout).not.toBeNull();
    return { array: m![1]!, merge: m![3]! };
  };

  beforeAll(async () => {
    cluster = await startSlurmCluster();
    const out = tempDir();
    const r = sleeves(['sweep', 'strategies/seed-barbell.yaml', ...FLAGS, '--data', DATA, '--out', out, '--workers', '1', '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    reference = readFileSync(path.join(sweepFolders(out)[0]!, 'variants.csv'), 'utf8');
  }, 90_000);

  afterAll(async () => {
    await cluster?.stop();
  }, 60_000);

  it('runs 4 shards and the merge job: variants.csv byte-identical to the one-machine sweep', async () => {
    const out = tempDir();
    const script = emit(out);
    const started = Date.now();
    const { array, merge } = submit(script);
    await cluster!.waitIdle(180_000);
    const seconds = (Date.now() - started) / 1000;
    console.info(`slurm: ${SHARDS}-task array + merge job, submitted to merged in ${seconds.toFixed(1)} s`);

    expect([...cluster!.jobStates(array).entries()].sort()).toEqual([...Array(SHARDS).keys()].map((k) => [String(k + 1), 'COMPLETED']));
    expect([...cluster!.jobStates(merge).values()]).toEqual(['COMPLETED']);
    const merged = sweepFolders(out);
    expect(merged.map((f) => path.basename(f))).toEqual([expect.stringMatching(/-merged$/)]);
    expect(readFileSync(path.join(merged[0]!, 'variants.csv'), 'utf8')).toBe(reference);
    const manifest = JSON.parse(readFileSync(path.join(merged[0]!, 'manifest.json'), 'utf8'));
    expect(manifest.rankBy).toBe('calmar');
    expect(manifest.spec.period.from).toBe('2016-01-04');
    expect(manifest.mergedFrom).toHaveLength(SHARDS);
    // One log per task (written by Slurm: the tasks ran as array tasks), and the merge job's.
    expect(logFiles(out)).toEqual([...[1, 2, 3, 4].map((k) => `sleeves-seed-barbell-${array}_${k}.out`), `sleeves-seed-barbell-merge-${merge}.out`].sort());
  }, 240_000);

  it('resubmits a cancelled task alone after `sweep merge` names its shard', async () => {
    const out = tempDir();
    const script = emit(out);
    // Hold the queue so that task 2 is cancelled before it can start, then let the rest run.
    cluster!.run('scontrol', ['update', 'PartitionName=main', 'State=DOWN']);
    const first = submit(script);
    cluster!.run('scancel', [`${first.array}_2`]);
    cluster!.run('scontrol', ['update', 'PartitionName=main', 'State=UP']);
    await cluster!.waitIdle(180_000);
    // A task cancelled while pending leaves no record; the others completed.
    expect([...cluster!.jobStates(first.array).entries()].sort()).toEqual([['1', 'COMPLETED'], ['3', 'COMPLETED'], ['4', 'COMPLETED']]);
    // afterok can no longer be met: --kill-on-invalid-dep cancelled the merge job.
    expect(cluster!.run('scontrol', ['-o', 'show', 'job', first.merge])).toMatch(/JobState=CANCELLED Reason=DependencyNeverSatisfied/);
    expect(sweepFolders(out)).toEqual([]);

    const merge = bash(script, ['merge']);
    expect(merge.status).toBe(1);
    // Shard 2 of 4 holds variants 1 and 5 (index % 4 == 1).
    expect(merge.stderr.trim()).toBe('sleeves: sweep merge: variants 1, 5 missing of 8: shard 2 of 4 is missing (run it again: --shard 2/4; with Slurm: --array=2)');

    const again = submit(script, ['2']);
    await cluster!.waitIdle(180_000);
    expect([...cluster!.jobStates(again.array).entries()]).toEqual([['2', 'COMPLETED']]);
    expect([...cluster!.jobStates(again.merge).values()]).toEqual(['COMPLETED']);
    const merged = sweepFolders(out);
    expect(merged).toHaveLength(1);
    expect(readFileSync(path.join(merged[0]!, 'variants.csv'), 'utf8')).toBe(reference);
  }, 240_000);

  it('stops every daemon it started and removes its state', async () => {
    const { pids, dir } = cluster!;
    expect([...pids.keys()].sort()).toEqual(['munged', 'slurmctld', 'slurmd']);
    await cluster!.stop();
    for (const [name, pid] of pids) expect(isAlive(pid), `${name} (pid ${pid})`).toBe(false);
    expect(existsSync(dir)).toBe(false);
  }, 60_000);
});

/** The Slurm log files of the job emitted into `out`. */
function logFiles(out: string): string[] {
  const shards = readdirSync(out).filter((f) => f.startsWith('seed-barbell-shards-'));
  expect(shards).toHaveLength(1);
  return readdirSync(path.join(out, shards[0]!, 'logs')).sort();
}
