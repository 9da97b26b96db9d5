/**
 * `sleeves sweep ... --shards N --emit slurm`: a bash script that is at once the Slurm job
 * array (`#SBATCH --array=1-N`, one shard per task: `--shard $SLURM_ARRAY_TASK_ID/N`, the
 * task id being already 1-based) and its own submitter: `bash FILE` submits the array and a
 * merge job that depends on it (`--dependency=afterok:<array>`, which waits for every task;
 * `--kill-on-invalid-dep=yes` cancels the merge if a task fails instead of leaving it pending);
 * `bash FILE 2,4` resubmits only the tasks named; `bash FILE merge` merges. Every path in it is
 * absolute, so it runs the same from any folder. Slurm: sbatch(1), "--array", "--dependency".
 */
import { slurmTime } from './estimateShard.js';
import { shellJoin, shellQuote } from './shellQuote.js';
import { shardGlob, shardsFolder, sweepWords, type SweepJob } from './sweepJob.js';

export function emitSlurm(job: SweepJob, scriptName = 'sweep.sbatch'): string {
  const e = job.estimate;
  const n = job.shards;
  const shards = shardsFolder(job.outDir, job);
  const name = `sleeves-${job.slug}`;
  const limits = [`--mem=${e.memoryMb}M`, `--time=${slurmTime(e.timeLimitSeconds)}`];
  const resources = [`--cpus-per-task=${e.cpus}`, ...limits];
  const script = shellQuote(scriptName);
  // The shard command's words, its last (the --out value) replaced by "$SHARDS".
  const shardWords = [...sweepWords(job, job.strategyFile, job.dataDir, shards).slice(0, -1).map(shellQuote), '"$SHARDS"'];
  return [
    '#!/bin/bash',
    `#SBATCH --job-name=${name}`,
    `#SBATCH --array=1-${n}`,
    ...resources.map((r) => `#SBATCH ${r}`),
    `#SBATCH --output=${directiveValue(`${shards}/logs/%x-%A_%a.out`)}`,
    '#',
    `# A sharded \`sleeves sweep\` as a Slurm job array: ${job.count} variant${job.count === 1 ? '' : 's'} in ${n} shard${n === 1 ? '' : 's'}; task I`,
    `# runs \`--shard I/${n}\` (the variants with index % ${n} == I - 1), then \`sleeves sweep merge\`.`,
    `# Written by sleeves ${job.version} from:`,
    `#   ${job.command}`,
    '#',
    '# Submit from any folder (bash, not sh):',
    `#   bash ${script}            the array, then a merge job that starts once every task succeeded`,
    `#   bash ${script} 2,4        only the tasks named (the shards \`sweep merge\` reports missing), then the merge`,
    `#   sbatch ${script}          the array alone; merge afterwards with: bash ${script} merge`,
    '#',
    '# Every node must see these paths (a shared file system mounted at the same place):',
    `#   sleeves   ${job.project} (run by ${job.node})`,
    `#   strategy  ${job.strategyFile}`,
    `#   data      ${job.dataDir} (read only)`,
    `#   results   ${shards} (one folder per shard, and logs/; written)`,
    `#   merged    ${job.outDir}/${job.slug}-sweep/<run-id>-merged (variants.csv byte-identical to a one-machine sweep)`,
    '#',
    ...estimateComment(job),
    'set -euo pipefail',
    '',
    `NODE=${shellQuote(job.node)}`,
    `SLEEVES=${shellQuote(`${job.project}/bin/sleeves.js`)}`,
    `SHARDS=${shellQuote(shards)}`,
    `cd ${shellQuote(job.workDir)}`,
    '',
    'if [ "${1:-}" = merge ]; then',
    '  # Every shard folder into one, checked: same inputs, every variant exactly once.',
    `  exec "$NODE" "$SLEEVES" sweep merge "$SHARDS"/${shardGlob(job)} --out ${shellQuote(job.outDir)}`,
    'fi',
    '',
    'if [ -n "${SLURM_ARRAY_TASK_ID:-}" ]; then',
    '  # One array task: one shard, on as many worker threads as it has CPUs.',
    `  exec "$NODE" "$SLEEVES" ${shardWords.join(' ')} \\`,
    `    --workers "\${SLURM_CPUS_PER_TASK:-${e.cpus}}" --progress --shard "$SLURM_ARRAY_TASK_ID/${n}"`,
    'fi',
    '',
    '# Not in a task: submit the array (every task, or those named), then the merge after it.',
    'self="$(cd "$(dirname "$0")" && pwd)/$(basename "$0")"',
    'tasks="${1:-1-' + String(n) + '}"',
    'mkdir -p "$SHARDS/logs"',
    'array=$(sbatch --parsable --array="$tasks" "$self")',
    'array=${array%%;*}',
    `merge=$(sbatch --parsable --job-name=${name}-merge --dependency=afterok:"$array" --kill-on-invalid-dep=yes \\`,
    `  --cpus-per-task=1 ${shellJoin(limits)} --output="$SHARDS/logs/%x-%j.out" --wrap="bash $(printf %q "$self") merge")`,
    'merge=${merge%%;*}',
    `echo "submitted: array job $array (tasks $tasks of ${n}), merge job $merge after it; logs in $SHARDS/logs"`,
    '',
  ].join('\n');
}

/** A #SBATCH value: double-quoted when it holds a space (sbatch's directive parser honours quotes). */
function directiveValue(value: string): string {
  return /\s/.test(value) ? `"${value}"` : value;
}

function estimateComment(job: SweepJob): string[] {
  const m = job.measure;
  const e = job.estimate;
  const cpus = `${e.cpus} CPU${e.cpus === 1 ? '' : 's'}`;
  return [
    `# Resources per task, from variant 0 run on the machine that wrote this (startup and data load`,
    `# ${m.startupSeconds.toFixed(1)} s, the variant ${m.variantSeconds.toFixed(2)} s, peak memory ${Math.round(m.peakRssMb)} MB): at most ${e.variantsPerShard} variant${e.variantsPerShard === 1 ? '' : 's'} on ${cpus},`,
    `# about ${e.expectedSeconds.toFixed(1)} s and ${Math.round(e.expectedMb)} MB; asked: 3x the time (at least 10 min) and 1.5x the memory.`,
    '# Edit the #SBATCH lines for your cluster; a task runs as many workers as --cpus-per-task.',
  ];
}
