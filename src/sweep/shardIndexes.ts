/**
 * Sharding a sweep across machines. Shard I of N (1-based, as `--shard I/N`) takes the
 * variants whose index satisfies index % N === I − 1 (round-robin, not contiguous blocks):
 * neighbouring variants usually cost about the same, so round-robin shards finish together.
 * The N shards partition 0..count−1: every index belongs to exactly one shard.
 */
import { UserError } from '../core/errors.js';

export interface Shard {
  /** 1-based shard number I. */
  readonly index: number;
  /** Number of shards N. */
  readonly of: number;
}

/** Parses `I/N` (1 ≤ I ≤ N). */
export function parseShard(text: string): Shard {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  const index = m ? Number(m[1]) : Number.NaN;
  const of = m ? Number(m[2]) : Number.NaN;
  if (!m || !(of >= 1) || !(index >= 1) || index > of || !Number.isSafeInteger(of)) {
    throw new UserError(`--shard ${text}: expected I/N with 1 ≤ I ≤ N, e.g. --shard 2/8`);
  }
  return { index, of };
}

/** How many of 0..count−1 fall in the shard: ⌈(count − (I − 1)) / N⌉, at least 0. */
export function shardLength(count: number, shard: Shard | undefined): number {
  if (!shard) return count;
  return Math.max(0, Math.ceil((count - (shard.index - 1)) / shard.of));
}

/** The variant index at position k of the shard: (I − 1) + k·N. */
export function shardIndexAt(shard: Shard | undefined, k: number): number {
  return shard ? shard.index - 1 + k * shard.of : k;
}

/** Every index of the shard, ascending. */
export function shardIndexes(count: number, shard: Shard | undefined): number[] {
  const n = shardLength(count, shard);
  const out = new Array<number>(n);
  for (let k = 0; k < n; k++) out[k] = shardIndexAt(shard, k);
  return out;
}
