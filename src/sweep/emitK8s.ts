/**
 * `sleeves sweep ... --shards N --emit k8s`: a Kubernetes Indexed Job (completionMode:
 * Indexed, completions N; the pod of index k, 0-based in JOB_COMPLETION_INDEX, runs
 * `--shard k+1/N`) and a merge Job created suspended, to be resumed once the first completes
 * (`kubectl wait`, then `kubectl patch ... suspend: false`). Both mount one ReadWriteMany
 * volume holding the strategy, the data and the results, for an image built from the
 * project's Dockerfile. Kubernetes: "Jobs", sections "Completion mode" and "Suspending a Job"
 * (https://kubernetes.io/docs/concepts/workloads/controllers/job/).
 */
import { stringify } from 'yaml';
import { shellJoin } from './shellQuote.js';
import { shardGlob, shardsFolder, sweepWords, type SweepJob } from './sweepJob.js';

/** Where the volume is mounted in every pod, and its layout. */
export const K8S_MOUNT = '/sweep';
export const K8S_CLAIM = 'sleeves-sweep';

export interface K8sLayout {
  readonly strategyFile: string;
  readonly dataDir: string;
  readonly outDir: string;
  readonly shards: string;
}

export function k8sLayout(job: SweepJob): K8sLayout {
  const base = job.strategyFile.split('/').pop()!;
  const outDir = `${K8S_MOUNT}/results`;
  return { strategyFile: `${K8S_MOUNT}/strategies/${base}`, dataDir: `${K8S_MOUNT}/data`, outDir, shards: shardsFolder(outDir, job) };
}

/** A DNS-1123 label for the Job: sleeves-<slug>-<yyyymmddhhmmss>, at most 47 characters (room for "-merge" and a pod index). */
export function k8sJobName(job: Pick<SweepJob, 'slug' | 'stamp'>): string {
  const slug = job.slug.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 24).replace(/-+$/, '');
  return `sleeves-${slug || 'sweep'}-${job.stamp.replace(/\D/g, '')}`;
}

export function emitK8s(job: SweepJob, image = `sleeves:${job.version}`): string {
  const e = job.estimate;
  const n = job.shards;
  const at = k8sLayout(job);
  const name = k8sJobName(job);
  const shardCommand = `exec sleeves ${shellJoin([...sweepWords(job, at.strategyFile, at.dataDir, at.shards), '--workers', String(e.cpus), '--progress'])} --shard "$((JOB_COMPLETION_INDEX + 1))/${n}"`;
  const mergeCommand = `exec sleeves sweep merge ${shellJoin([at.shards])}/${shardGlob(job)} --out ${shellJoin([at.outDir])}`;
  const resources = (cpus: number): Doc => ({ requests: { cpu: String(cpus), memory: `${e.memoryMb}Mi` }, limits: { memory: `${e.memoryMb}Mi` } });
  const pod = (cpus: number): PodSettings => ({ image, resources: resources(cpus), deadline: e.timeLimitSeconds });
  const shardJob = jobDocument(name, 'shard', shardCommand, pod(e.cpus), { completionMode: 'Indexed', completions: n, parallelism: n, backoffLimit: 2 * n });
  // The merge reads the shards' CSVs on one thread.
  const mergeJob = jobDocument(`${name}-merge`, 'merge', mergeCommand, pod(1), { suspend: true, backoffLimit: 2 });
  const yaml = (doc: Doc): string => stringify(doc, { aliasDuplicateObjects: false, lineWidth: 0 });
  return `${header(job, at, name, image)}${yaml(shardJob)}---\n${yaml(mergeJob)}`;
}

type Doc = Record<string, unknown>;

interface PodSettings {
  readonly image: string;
  readonly resources: Doc;
  readonly deadline: number;
}

function jobDocument(name: string, role: string, command: string, pod: PodSettings, spec: Doc): Doc {
  const labels = { 'app.kubernetes.io/name': 'sleeves', 'app.kubernetes.io/component': `sweep-${role}` };
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name, labels },
    spec: {
      ...spec,
      template: {
        metadata: { labels },
        spec: {
          restartPolicy: 'Never',
          activeDeadlineSeconds: pod.deadline,
          // The image's user `node`; fsGroup makes the volume writable by it.
          securityContext: { runAsUser: 1000, runAsGroup: 1000, fsGroup: 1000 },
          containers: [
            {
              name: role,
              image: pod.image,
              workingDir: K8S_MOUNT,
              command: ['/bin/sh', '-c'],
              args: [command],
              resources: pod.resources,
              volumeMounts: [{ name: 'sweep', mountPath: K8S_MOUNT }],
            },
          ],
          volumes: [{ name: 'sweep', persistentVolumeClaim: { claimName: K8S_CLAIM } }],
        },
      },
    },
  };
}

function header(job: SweepJob, at: K8sLayout, name: string, image: string): string {
  const e = job.estimate;
  const m = job.measure;
  return [
    `# A sharded \`sleeves sweep\` as a Kubernetes Indexed Job: ${job.count} variants in ${job.shards} shards; the pod of`,
    `# index k (JOB_COMPLETION_INDEX, 0-based) runs \`--shard k+1/${job.shards}\`. Then a merge Job, created suspended.`,
    `# Written by sleeves ${job.version} from:`,
    `#   ${job.command}`,
    '#',
    `# Image: ${image}, built from the project's Dockerfile (docker build -t ${image} .); push it to`,
    '# a registry your cluster pulls from and put its full name in both `image:` fields.',
    `# Volume: the PersistentVolumeClaim "${K8S_CLAIM}" (ReadWriteMany: every pod reads and writes it), at ${K8S_MOUNT}:`,
    `#   ${at.strategyFile}  <- ${job.strategyFile} (and any weights file or module it names, at the same relative place)`,
    `#   ${at.dataDir}/  <- every price file of ${job.dataDir}`,
    `#   ${at.shards}/  one folder per shard (written)`,
    `#   ${at.outDir}/${job.slug}-sweep/<run-id>-merged  the merged sweep`,
    '#',
    '# Run:',
    '#   kubectl apply -f THIS_FILE',
    `#   kubectl wait --for=condition=complete --timeout=24h job/${name}`,
    `#   kubectl patch job/${name}-merge --type=merge -p '{"spec":{"suspend":false}}'`,
    `# A failed pod is retried (backoffLimit ${2 * job.shards} in all); an unfinished try leaves no variants.csv.`,
    `# Resources per pod, from variant 0 run on the machine that wrote this (startup ${m.startupSeconds.toFixed(1)} s, the`,
    `# variant ${m.variantSeconds.toFixed(2)} s, peak ${Math.round(m.peakRssMb)} MB): at most ${e.variantsPerShard} variant${e.variantsPerShard === 1 ? '' : 's'} on ${e.cpus} CPU${e.cpus === 1 ? '' : 's'}, about ${e.expectedSeconds.toFixed(1)} s and`,
    `# ${Math.round(e.expectedMb)} MB; asked: 1.5x the memory, a deadline of 3x the time (at least 10 min).`,
    '',
  ].join('\n');
}
