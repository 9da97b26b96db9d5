/**
 * A sharded sweep described for a batch system (`sleeves sweep --emit`): where the project,
 * strategy, data and results are, the user's flags, the shard count and the resources per
 * shard. The Slurm and Kubernetes emitters turn it into text; both lay results out the same
 * way: every shard writes under one shards folder, and the merge writes OUT/<slug>-sweep/.
 */
import type { ShardEstimate, VariantMeasure } from './estimateShard.js';

export interface SweepJob {
  /** The strategy's slug (its file name without extension). */
  readonly slug: string;
  /** When the job was emitted, as a run id (2026-11-30T171957Z); names the shards folder. */
  readonly stamp: string;
  /** The command that emitted it, for the header. */
  readonly command: string;
  readonly version: string;
  /** Absolute paths on the machine that emitted the job. */
  readonly node: string;
  readonly project: string;
  readonly workDir: string;
  readonly strategyFile: string;
  readonly dataDir: string;
  readonly outDir: string;
  /** The user's other flags, as words in the order given (grids, period, costs, rank...). */
  readonly flags: readonly string[];
  /** Variants in the whole sweep. */
  readonly count: number;
  readonly shards: number;
  readonly estimate: ShardEstimate;
  readonly measure: VariantMeasure;
}

/** The folder every shard writes into (its own `--out`): OUT/<slug>-shards-<stamp>. */
export function shardsFolder(outDir: string, job: Pick<SweepJob, 'slug' | 'stamp'>): string {
  return `${outDir.replace(/\/+$/, '')}/${job.slug}-shards-${job.stamp}`;
}

/** The shard folders of this job, as a glob relative to the shards folder (a slug holds only [A-Za-z0-9_.-]). */
export function shardGlob(job: Pick<SweepJob, 'slug' | 'shards'>): string {
  return `${job.slug}-sweep/*-shard-*-of-${job.shards}`;
}

/** `sleeves sweep STRATEGY FLAGS --data DATA --out OUT` (words, without workers and shard). */
export function sweepWords(job: SweepJob, strategyFile: string, dataDir: string, outDir: string): string[] {
  return ['sweep', strategyFile, ...job.flags, '--data', dataDir, '--out', outDir];
}
