/**
 * The emitted Kubernetes manifest, checked structurally (parsed YAML, the fields an Indexed Job
 * needs), and its shell commands run by /bin/sh with a stand-in `sleeves` on PATH for every
 * JOB_COMPLETION_INDEX 0..N−1, as the pods would run them.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { emitK8s, k8sJobName } from '../../../src/sweep/emitK8s.js';
import { estimateShard } from '../../../src/sweep/estimateShard.js';
import type { SweepJob } from '../../../src/sweep/sweepJob.js';
import { tempDir } from '../../helpers/cli.js';

const measure = { startupSeconds: 0.6, variantSeconds: 0.25, peakRssMb: 90, variantRssMb: 12 };
const job: SweepJob = {
  slug: 'Seed_Barbell.v2',
  stamp: '2026-11-30T120000Z',
  command: 'sleeves sweep strategies/Seed_Barbell.v2.yaml --shards 5 --emit k8s',
  version: '0.1.0',
  node: '/usr/bin/node',
  project: '/opt/sleeves',
  workDir: '/home/q',
  strategyFile: '/home/q/strategies/Seed_Barbell.v2.yaml',
  dataDir: '/home/q/prices',
  outDir: '/home/q/backtests',
  flags: ['--grid', 'costs.bps=0,5,10', '--grid', "name=it's mine", '--rank-by', 'calmar'],
  count: 12,
  shards: 5,
  // ⌈12/5⌉ = 3 variants on 3 CPUs: 90 + 3·(40 + 12) = 246 MB × 1.5 = 369 → 384 Mi.
  estimate: estimateShard(12, 5, 3, measure),
  measure,
};

interface Container {
  name: string;
  image: string;
  command: string[];
  args: string[];
  resources: { requests: { cpu: string; memory: string }; limits: { memory: string } };
  volumeMounts: { name: string; mountPath: string }[];
}

function parse(text: string) {
  const docs = parseAllDocuments(text);
  expect(Array.isArray(docs)).toBe(true);
  for (const d of docs as { errors: unknown[] }[]) expect(d.errors).toEqual([]);
  return (docs as { toJS(): unknown }[]).map((d) => d.toJS() as any);
}

/** Runs a container's `sh -c` command with JOB_COMPLETION_INDEX set; returns the words `sleeves` got. */
function runCommand(c: Container, env: Record<string, string>): string[] {
  const bin = tempDir('sleeves-k8s-bin-');
  writeFileSync(path.join(bin, 'sleeves'), '#!/bin/sh\nfor a; do printf "%s\\n" "$a"; done\n');
  chmodSync(path.join(bin, 'sleeves'), 0o755);
  expect(c.command).toEqual(['/bin/sh', '-c']);
  const r = spawnSync('/bin/sh', ['-c', c.args[0]!], { env: { PATH: `${bin}:/usr/bin:/bin`, ...env }, encoding: 'utf8', cwd: bin });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout.split('\n').slice(0, -1);
}

describe('emitK8s', () => {
  const [shardJob, mergeJob] = parse(emitK8s(job, 'registry.example.com/sleeves:0.1.0'));

  it('is an Indexed Job of N completions with a shared volume, then a suspended merge Job', () => {
    const name = 'sleeves-seed-barbell-v2-20261130120000';
    expect(k8sJobName(job)).toBe(name);
    expect(name.length).toBeLessThanOrEqual(47);
    expect(shardJob).toMatchObject({ apiVersion: 'batch/v1', kind: 'Job', metadata: { name } });
    expect(shardJob.spec).toMatchObject({ completionMode: 'Indexed', completions: 5, parallelism: 5, backoffLimit: 10 });
    expect(mergeJob).toMatchObject({ apiVersion: 'batch/v1', kind: 'Job', metadata: { name: `${name}-merge` }, spec: { suspend: true, backoffLimit: 2 } });
    for (const j of [shardJob, mergeJob]) {
      const pod = j.spec.template.spec;
      expect(pod.restartPolicy).toBe('Never');
      expect(pod.activeDeadlineSeconds).toBe(600);
      expect(pod.securityContext).toEqual({ runAsUser: 1000, runAsGroup: 1000, fsGroup: 1000 });
      expect(pod.volumes).toEqual([{ name: 'sweep', persistentVolumeClaim: { claimName: 'sleeves-sweep' } }]);
      const [c] = pod.containers as Container[];
      expect(pod.containers).toHaveLength(1);
      expect(c!.image).toBe('registry.example.com/sleeves:0.1.0');
      expect(c!.volumeMounts).toEqual([{ name: 'sweep', mountPath: '/sweep' }]);
      expect(c!.resources.requests.memory).toBe('384Mi');
      expect(c!.resources.limits.memory).toBe('384Mi');
    }
    expect(shardJob.spec.template.spec.containers[0].resources.requests.cpu).toBe('3');
    expect(mergeJob.spec.template.spec.containers[0].resources.requests.cpu).toBe('1');
  });

  it('gives the pod of index k the shard k+1 of N, with every flag and the volume paths', () => {
    const c = shardJob.spec.template.spec.containers[0] as Container;
    const shards = '/sweep/results/Seed_Barbell.v2-shards-2026-11-30T120000Z';
    const seen: string[] = [];
    for (let k = 0; k < 5; k++) {
      const words = runCommand(c, { JOB_COMPLETION_INDEX: String(k) });
      expect(words.slice(0, -1)).toEqual(['sweep', '/sweep/strategies/Seed_Barbell.v2.yaml', ...job.flags, '--data', '/sweep/data', '--out', shards, '--workers', '3', '--progress', '--shard']);
      seen.push(words.at(-1)!);
    }
    expect(seen).toEqual(['1/5', '2/5', '3/5', '4/5', '5/5']);
  });

  it('merges the shard folders of this job on the volume', () => {
    const c = mergeJob.spec.template.spec.containers[0] as Container;
    const parent = path.join(tempDir(), 'Seed_Barbell.v2-sweep');
    for (const k of [1, 2, 3, 4, 5]) mkdirSync(path.join(parent, `x-shard-${k}-of-5`), { recursive: true });
    // The command names /sweep; the glob must stay a glob in the manifest (expanded by the pod's shell).
    expect(c.args[0]).toBe('exec sleeves sweep merge /sweep/results/Seed_Barbell.v2-shards-2026-11-30T120000Z/Seed_Barbell.v2-sweep/*-shard-*-of-5 --out /sweep/results');
    const words = runCommand({ ...c, args: [c.args[0]!.replace('/sweep/results/Seed_Barbell.v2-shards-2026-11-30T120000Z/Seed_Barbell.v2-sweep', parent)] }, {});
    expect(words).toEqual(['sweep', 'merge', ...[1, 2, 3, 4, 5].map((k) => `${parent}/x-shard-${k}-of-5`), '--out', '/sweep/results']);
  });
});
