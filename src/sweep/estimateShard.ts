/**
 * Resources to ask a batch system for, per shard of a sweep, from one measured variant.
 *
 * A shard holds at most ⌈count / N⌉ variants (round-robin, see shardIndexes) and runs them on
 * `cpus` worker threads, so its work is about
 *   seconds ≈ startup (node, modules, data load) + ⌈⌈count / N⌉ / cpus⌉ · variantSeconds.
 * The time limit is three times that (variants differ in cost; the one measured is variant 0,
 * and a compute node may be slower than the machine that measured), rounded up to whole
 * minutes, at least 10 minutes: a task over its limit is killed, one under it only waits a
 * little longer in the queue.
 *
 * Memory: the measured process (the panel, the modules and one backtest in-process) plus, per
 * worker thread, a V8 isolate with the modules loaded (about 40 MB, measured with 1, 2, 4 and 8
 * workers on the real data: 92, 167, 246, 385 MB peak) and one backtest's working memory; with
 * one CPU the variants run in-process and no thread is started. Asked for with a 1.5× margin,
 * rounded up to 64 MB, at least 256 MB.
 */
export interface VariantMeasure {
  /** From process start to the panel loaded (node start, modules, data, checks). */
  readonly startupSeconds: number;
  /** Wall time of one variant (variant 0), in-process. */
  readonly variantSeconds: number;
  /** Peak resident memory of the measuring process, MB. */
  readonly peakRssMb: number;
  /** Resident memory added while the variant ran (peak minus before), MB. */
  readonly variantRssMb: number;
}

export interface ShardEstimate {
  /** Variants in the largest shard, ⌈count / N⌉. */
  readonly variantsPerShard: number;
  readonly cpus: number;
  /** Expected wall time of the largest shard, seconds. */
  readonly expectedSeconds: number;
  /** Time limit to ask for, seconds (whole minutes). */
  readonly timeLimitSeconds: number;
  /** Expected peak memory of a shard, MB. */
  readonly expectedMb: number;
  /** Memory to ask for, MB (a multiple of 64). */
  readonly memoryMb: number;
}

export const WORKER_THREAD_MB = 40;
const TIME_FACTOR = 3;
const MIN_TIME_SECONDS = 600;
const MEMORY_FACTOR = 1.5;
const MIN_MEMORY_MB = 256;

export function estimateShard(count: number, shards: number, cpus: number, m: VariantMeasure): ShardEstimate {
  const variantsPerShard = Math.ceil(count / shards);
  const rounds = Math.ceil(variantsPerShard / cpus);
  const expectedSeconds = m.startupSeconds + rounds * m.variantSeconds;
  const timeLimitSeconds = Math.max(MIN_TIME_SECONDS, Math.ceil((TIME_FACTOR * expectedSeconds) / 60) * 60);
  const threads = cpus > 1 ? cpus : 0;
  const expectedMb = m.peakRssMb + threads * (WORKER_THREAD_MB + m.variantRssMb);
  const memoryMb = Math.max(MIN_MEMORY_MB, Math.ceil((MEMORY_FACTOR * expectedMb) / 64) * 64);
  return { variantsPerShard, cpus, expectedSeconds, timeLimitSeconds, expectedMb, memoryMb };
}

/** Slurm's `--time` format: `H:MM:SS` under a day, `D-HH:MM:SS` from a day on. */
export function slurmTime(seconds: number): string {
  const s = Math.ceil(seconds);
  const days = Math.floor(s / 86_400);
  const h = Math.floor((s % 86_400) / 3600);
  const mm = String(Math.floor((s % 3600) / 60)).padStart(2, '0');
  const ss = String(s % 60).padStart(2, '0');
  return days > 0 ? `${days}-${String(h).padStart(2, '0')}:${mm}:${ss}` : `${h}:${mm}:${ss}`;
}
