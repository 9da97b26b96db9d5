import { describe, expect, it } from 'vitest';
import { estimateShard, slurmTime, WORKER_THREAD_MB } from '../../../src/sweep/estimateShard.js';

describe('estimateShard', () => {
  it('sizes a shard run on worker threads', () => {
    const e = estimateShard(10, 3, 2, { startupSeconds: 0.5, variantSeconds: 2, peakRssMb: 100, variantRssMb: 10 });
    // ⌈10/3⌉ = 4 variants on 2 CPUs: 2 rounds; 0.5 + 2·2 = 4.5 s; 3 × 4.5 = 13.5 s → the 10-minute floor.
    expect(e).toMatchObject({ variantsPerShard: 4, cpus: 2, expectedSeconds: 4.5, timeLimitSeconds: 600 });
    // 100 + 2 threads × (40 + 10) = 200 MB; 1.5 × 200 = 300 → next multiple of 64: 320.
    expect(WORKER_THREAD_MB).toBe(40);
    expect(e.expectedMb).toBe(200);
    expect(e.memoryMb).toBe(320);
  });

  it('sizes a long in-process shard (one CPU: no worker thread)', () => {
    const e = estimateShard(1000, 4, 1, { startupSeconds: 1, variantSeconds: 3, peakRssMb: 500, variantRssMb: 100 });
    // 250 variants one after the other: 1 + 250·3 = 751 s; 3 × 751 = 2253 s → 38 whole minutes = 2280 s.
    expect(e).toMatchObject({ variantsPerShard: 250, expectedSeconds: 751, timeLimitSeconds: 2280 });
    // No thread: 500 MB; 1.5 × 500 = 750 → 12 × 64 = 768.
    expect(e.expectedMb).toBe(500);
    expect(e.memoryMb).toBe(768);
  });

  it('asks for at least 256 MB', () => {
    expect(estimateShard(2, 2, 1, { startupSeconds: 0.1, variantSeconds: 0.1, peakRssMb: 50, variantRssMb: 1 }).memoryMb).toBe(256);
  });
});

describe('slurmTime', () => {
  it('writes H:MM:SS under a day and D-HH:MM:SS from a day on', () => {
    expect(slurmTime(600)).toBe('0:10:00');
    expect(slurmTime(2280)).toBe('0:38:00');
    // 86,400 + 3,600 + 60 + 1 = 1 day, 1 h, 1 min, 1 s.
    expect(slurmTime(90_061)).toBe('1-01:01:01');
    expect(slurmTime(59.2)).toBe('0:01:00');
  });
});
