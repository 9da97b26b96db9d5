/**
 * `sleeves sweep STRATEGY --grid ... --shards N --emit slurm[=FILE]|k8s[=FILE]`: writes a batch
 * job for the sharded sweep instead of running it (docs/scaling.md). Variant 0 is run once,
 * in-process, to check the inputs and to size the job; every path becomes absolute; the
 * user's other flags are passed to every shard unchanged.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { UsageError, UserError } from '../core/errors.js';
import { ENGINE_VERSION } from '../engine/version.js';
import { runId } from '../report/writeRunFolder.js';
import { resolveRun } from '../run/prepareRun.js';
import { emitK8s } from '../sweep/emitK8s.js';
import { emitSlurm } from '../sweep/emitSlurm.js';
import { estimateShard } from '../sweep/estimateShard.js';
import { measureVariant } from '../sweep/measureVariant.js';
import { parseGrid } from '../sweep/parseGrid.js';
import { shellJoin } from '../sweep/shellQuote.js';
import { shardsFolder, type SweepJob } from '../sweep/sweepJob.js';
import type { SweepMetric } from '../sweep/variantMetrics.js';
import { runOverrides, wholeNumberFlag, type BacktestFlags } from './backtestOptions.js';
import { writeErr, writeJson, writeOut } from './output.js';

export interface EmitFlags extends BacktestFlags {
  grid: string[];
  workers?: string;
  rankBy?: SweepMetric;
  shard?: string;
  shards?: string;
  emit?: string;
}

export interface EmitTarget {
  readonly kind: 'slurm' | 'k8s';
  /** The file to write, or null for stdout. */
  readonly file: string | null;
}

/**
 * Flags not passed on as given: those the emitter sets itself in every shard's command
 * (absolute paths, workers, shard, progress lines for the logs), and --json and --quiet, which
 * are about this command's own output.
 */
const OWN_FLAGS = new Set(['data', 'out', 'workers', 'shard', 'shards', 'emit', 'progress', 'json', 'quiet']);

/** `slurm`, `slurm=FILE`, `k8s`, `k8s=FILE` (also `kubernetes`). */
export function parseEmit(text: string): EmitTarget {
  const m = /^(slurm|k8s|kubernetes)(?:=(.*))?$/.exec(text);
  if (!m || m[2] === '') throw new UsageError(`--emit ${text}: expected slurm, slurm=FILE, k8s or k8s=FILE`);
  return { kind: m[1] === 'slurm' ? 'slurm' : 'k8s', file: m[2] ?? null };
}

export async function emitSweepJob(file: string, flags: EmitFlags, cmd: Command): Promise<void> {
  if (flags.emit === undefined) throw new UsageError('--shards N goes with --emit slurm|k8s (to run one shard here: --shard I/N)');
  const target = parseEmit(flags.emit);
  if (flags.shards === undefined) throw new UsageError(`--emit ${flags.emit}: say how many shards with --shards N`);
  if (flags.shard !== undefined) throw new UsageError('--emit writes a job for every shard; leave out --shard');
  const shards = wholeNumberFlag(flags.shards, '--shards', 1, 100_000);
  const workers = flags.workers === undefined ? undefined : wholeNumberFlag(flags.workers, '--workers', 1, 1024);
  const grid = parseGrid(flags.grid);
  const resolved = await resolveRun({ source: { kind: 'strategy', file }, overrides: runOverrides(flags) });
  const slug = resolved.slug;
  const { count, measure } = await measureVariant({ resolved, grid, dataDir: flags.data, rankBy: flags.rankBy ?? 'sharpe' });
  if (shards > count) throw new UserError(`--shards ${shards}: the grid has ${count} variant${count === 1 ? '' : 's'}; use at most ${count} shards`);
  const perShard = Math.ceil(count / shards);
  const cpus = workers ?? Math.min(perShard, availableParallelism());
  const job: SweepJob = {
    slug,
    stamp: uniqueStamp(path.resolve(flags.out), slug),
    command: `sleeves ${shellJoin(process.argv.slice(2))}`,
    version: ENGINE_VERSION,
    node: process.execPath,
    project: projectRoot(),
    workDir: process.cwd(),
    strategyFile: path.resolve(file),
    dataDir: path.resolve(flags.data),
    outDir: path.resolve(flags.out),
    flags: userFlags(cmd),
    count,
    shards,
    estimate: estimateShard(count, shards, cpus, measure),
    measure,
  };
  const text = target.kind === 'slurm' ? emitSlurm(job, target.file === null ? undefined : path.basename(target.file)) : emitK8s(job);
  deliver(target, job, text, flags);
}

/**
 * Writes the job to its file (or stdout) and, for Slurm, makes the log folder; says what was
 * written. With --json and no file, stdout holds the JSON only, the script under `script`.
 */
function deliver(target: EmitTarget, job: SweepJob, text: string, flags: EmitFlags): void {
  const file = target.file;
  if (file === null) {
    if (!flags.json) writeOut(text);
  } else writing(file, () => writeFileSync(file, text, { mode: target.kind === 'slurm' ? 0o755 : 0o644 }));
  // Slurm opens a task's log before the task starts: its folder must exist (made now, it also
  // reserves the shards folder for this job).
  const shards = shardsFolder(job.outDir, job);
  if (target.kind === 'slurm') writing(job.outDir, () => mkdirSync(path.join(shards, 'logs'), { recursive: true }));
  const { count, estimate: e } = job;
  if (flags.json) {
    const where = file === null ? { file: null, script: text } : { file: path.resolve(file) };
    writeJson({ ...where, kind: target.kind, count, shards: job.shards, shardsFolder: shards, estimate: e, measure: job.measure });
    return;
  }
  if (file === null) return;
  if (!flags.quiet) {
    const how = target.kind === 'slurm' ? `submit with: bash ${file}` : `see its header, then: kubectl apply -f ${file}`;
    writeErr(`wrote ${file}: ${count} variants in ${job.shards} shards of at most ${e.variantsPerShard}, ${e.cpus} CPU${e.cpus === 1 ? '' : 's'} and ${e.memoryMb} MB each; ${how}\n`);
  }
}

/** Runs a write; a failure is the user's (a missing folder, no permission), named by path. */
function writing(where: string, write: () => void): void {
  try {
    write();
  } catch (error) {
    throw new UserError(`${where}: cannot write (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); does the folder exist and may you write to it?`);
  }
}

/** The run id of now, with -2, -3... when a job emitted in the same second has its shards folder. */
function uniqueStamp(outDir: string, slug: string): string {
  const base = runId(new Date());
  let stamp = base;
  for (let k = 2; existsSync(shardsFolder(outDir, { slug, stamp })); k++) stamp = `${base}-${k}`;
  return stamp;
}

/** The flags the user gave on the command line (not defaults), as words, except OWN_FLAGS. */
function userFlags(cmd: Command): string[] {
  const words: string[] = [];
  for (const option of cmd.options) {
    const key = option.attributeName();
    if (OWN_FLAGS.has(key) || cmd.getOptionValueSource(key) !== 'cli') continue;
    const value: unknown = cmd.getOptionValue(key);
    const flag = option.long ?? option.short ?? `--${key}`;
    if (value === true) words.push(flag);
    else if (Array.isArray(value)) for (const v of value) words.push(flag, String(v));
    else if (value !== undefined && value !== false) words.push(flag, String(value));
  }
  return words;
}

/** The folder holding bin/sleeves.js, found upwards from this module (src/cli or dist/src/cli). */
function projectRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'bin', 'sleeves.js'))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error('cannot find bin/sleeves.js above the sweep emitter');
    dir = up;
  }
  return dir;
}
