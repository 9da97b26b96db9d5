/**
 * The emitted Slurm script, run by bash without Slurm: a stand-in `node` prints the command each
 * task would run, and a stand-in `sbatch` on PATH records the submissions. (The same script on
 * a real cluster: test/e2e/slurm.test.ts.)
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { emitSlurm } from '../../../src/sweep/emitSlurm.js';
import { estimateShard } from '../../../src/sweep/estimateShard.js';
import type { SweepJob } from '../../../src/sweep/sweepJob.js';
import { tempDir } from '../../helpers/cli.js';

const measure = { startupSeconds: 0.6, variantSeconds: 0.25, peakRssMb: 90, variantRssMb: 12 };

function fixture(): { job: SweepJob; dir: string; script: string } {
  const dir = tempDir('sleeves-emit-slurm-');
  // Prints its arguments, one per line (the stand-in for node).
  const node = path.join(dir, 'bin dir', 'node');
  mkdirSync(path.dirname(node));
  writeFileSync(node, '#!/bin/sh\nfor a; do printf "%s\\n" "$a"; done\n');
  chmodSync(node, 0o755);
  const job: SweepJob = {
    slug: 'seed-barbell',
    stamp: '2026-11-30T120000Z',
    command: 'sleeves sweep strategies/seed-barbell.yaml --shards 4 --emit slurm',
    version: '0.1.0',
    node,
    project: '/opt/sleeves',
    workDir: dir,
    strategyFile: '/srv/my strategies/seed-barbell.yaml',
    dataDir: '/srv/prices',
    outDir: path.join(dir, 'out'),
    flags: ['--grid', 'costs.bps=0,5,10,20', '--grid', 'rebalance.schedule=monthly,quarterly', '--rank-by', 'calmar', '--from', '2016-01-04'],
    count: 8,
    shards: 4,
    // ⌈8/4⌉ = 2 variants on 2 CPUs: 0.6 + 1·0.25 = 0.85 s → 10 min; 90 + 2·(40 + 12) = 194 MB × 1.5 = 291 → 320 MB.
    estimate: estimateShard(8, 4, 2, measure),
    measure,
  };
  const script = path.join(dir, 'sweep.sbatch');
  writeFileSync(script, emitSlurm(job));
  return { job, dir, script };
}

function bash(script: string, args: string[], env: Record<string, string>, cwd: string) {
  return spawnSync('bash', [script, ...args], { cwd, env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...env }, encoding: 'utf8' });
}

describe('emitSlurm', () => {
  it('starts with the #SBATCH directives of a 4-task array', () => {
    const { job, script } = fixture();
    const lines = readFileSync(script, 'utf8').split('\n');
    expect(lines[0]).toBe('#!/bin/bash');
    // sbatch reads directives up to the first line that is not a comment.
    const head = lines.slice(1, lines.findIndex((l) => !l.startsWith('#')));
    expect(head.filter((l) => l.startsWith('#SBATCH'))).toEqual([
      '#SBATCH --job-name=sleeves-seed-barbell',
      '#SBATCH --array=1-4',
      '#SBATCH --cpus-per-task=2',
      '#SBATCH --mem=320M',
      '#SBATCH --time=0:10:00',
      `#SBATCH --output=${job.outDir}/seed-barbell-shards-2026-11-30T120000Z/logs/%x-%A_%a.out`,
    ]);
    expect(head.join('\n')).toContain(`#   data      /srv/prices (read only)`);
    // A path with a space is quoted (sbatch's directive parser honours double quotes).
    expect(emitSlurm({ ...job, outDir: '/srv/my results' })).toContain('\n#SBATCH --output="/srv/my results/seed-barbell-shards-2026-11-30T120000Z/logs/%x-%A_%a.out"\n');
  });

  it('runs shard I/4 in task I with every flag, absolute paths and the task\'s CPUs as workers', () => {
    const { job, dir, script } = fixture();
    const shards = `${job.outDir}/seed-barbell-shards-2026-11-30T120000Z`;
    for (const task of [1, 2, 3, 4]) {
      const r = bash(script, [], { SLURM_ARRAY_TASK_ID: String(task), SLURM_CPUS_PER_TASK: '3' }, tempDir());
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout.split('\n').slice(0, -1)).toEqual([
        '/opt/sleeves/bin/sleeves.js',
        'sweep',
        '/srv/my strategies/seed-barbell.yaml',
        ...job.flags,
        '--data',
        '/srv/prices',
        '--out',
        shards,
        '--workers',
        '3',
        '--progress',
        '--shard',
        `${task}/4`,
      ]);
    }
    // Without SLURM_CPUS_PER_TASK (e.g. the directive edited away): the estimate's 2 CPUs.
    const r = bash(script, [], { SLURM_ARRAY_TASK_ID: '1' }, dir);
    expect(r.stdout).toContain('--workers\n2\n');
  });

  it('merges exactly the shard folders of this job', () => {
    const { job, script } = fixture();
    const parent = `${job.outDir}/seed-barbell-shards-2026-11-30T120000Z/seed-barbell-sweep`;
    // Four shards of 4, a shard of another split and an unfinished (hidden) try.
    for (const f of ['a-shard-1-of-4', 'a-shard-2-of-4', 'b-shard-3-of-4', 'b-shard-4-of-4', 'c-shard-1-of-5', '.a-shard-3-of-4.tmp-99']) mkdirSync(path.join(parent, f), { recursive: true });
    const r = bash(script, ['merge'], {}, tempDir());
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.split('\n').slice(0, -1)).toEqual([
      '/opt/sleeves/bin/sleeves.js',
      'sweep',
      'merge',
      ...['a-shard-1-of-4', 'a-shard-2-of-4', 'b-shard-3-of-4', 'b-shard-4-of-4'].map((f) => `${parent}/${f}`),
      '--out',
      job.outDir,
    ]);
  });

  it('submits the array and a merge job after it, or only the tasks named', () => {
    const { job, dir, script } = fixture();
    const shards = `${job.outDir}/seed-barbell-shards-2026-11-30T120000Z`;
    // A stand-in sbatch: records each call's arguments and answers job ids 41, 42... (--parsable).
    const bin = path.join(dir, 'fake-bin');
    mkdirSync(bin);
    const log = path.join(dir, 'sbatch.log');
    writeFileSync(path.join(bin, 'sbatch'), `#!/bin/sh\nn=$(( $(cat "${log}.n" 2>/dev/null || echo 40) + 1 ))\necho $n > "${log}.n"\nfor a; do printf "%s\\n" "$a" >> "${log}"; done\necho "--" >> "${log}"\necho "$n;cluster"\n`);
    chmodSync(path.join(bin, 'sbatch'), 0o755);
    const elsewhere = tempDir();
    const relative = path.relative(elsewhere, script);
    const submit = (args: string[]) => bash(relative, args, { PATH: `${bin}:${process.env.PATH}` }, elsewhere);
    const calls = () => readFileSync(log, 'utf8').split('--\n').slice(0, -1).map((c) => c.split('\n').slice(0, -1));

    const r = submit([]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe(`submitted: array job 41 (tasks 1-4 of 4), merge job 42 after it; logs in ${shards}/logs\n`);
    const merge = ['--parsable', '--job-name=sleeves-seed-barbell-merge', '--kill-on-invalid-dep=yes', '--cpus-per-task=1', '--mem=320M', '--time=0:10:00', `--output=${shards}/logs/%x-%j.out`];
    expect(calls()).toEqual([
      ['--parsable', '--array=1-4', script],
      [...merge.slice(0, 2), '--dependency=afterok:41', ...merge.slice(2), `--wrap=bash ${script} merge`],
    ]);

    const again = submit(['2,4']);
    expect(again.stdout).toMatch(/^submitted: array job 43 \(tasks 2,4 of 4\), merge job 44 after it/);
    expect(calls().slice(2)).toEqual([
      ['--parsable', '--array=2,4', script],
      [...merge.slice(0, 2), '--dependency=afterok:43', ...merge.slice(2), `--wrap=bash ${script} merge`],
    ]);
  });
});
