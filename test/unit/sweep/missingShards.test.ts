import { describe, expect, it } from 'vitest';
import { missingShards } from '../../../src/sweep/mergeSweeps.js';

describe('missingShards', () => {
  it('names the shard of each missing variant (variant i is in shard i % N + 1)', () => {
    // 8 variants in 4 shards: variants 1 and 5 are both in shard 2.
    expect(missingShards([1, 5], 4)).toBe('shard 2 of 4 is missing (run it again: --shard 2/4; with Slurm: --array=2)');
    // 1 → 2, 3 → 4, 5 → 2.
    expect(missingShards([1, 3, 5], 4)).toBe('shards 2, 4 of 4 are missing (run them again: --shard I/4 for I in 2, 4; with Slurm: --array=2,4)');
  });

  it('writes runs of consecutive shards as ranges', () => {
    // N = 10: 0 → 1, 11 → 2, 2 → 3, 13 → 4, 6 → 7, 9 → 10.
    expect(missingShards([0, 2, 6, 9, 11, 13], 10)).toBe('shards 1-4, 7, 10 of 10 are missing (run them again: --shard I/10 for I in 1-4, 7, 10; with Slurm: --array=1-4,7,10)');
  });
});
