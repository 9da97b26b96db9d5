/**
 * Runs variant 0 of a sweep in-process, into a temporary folder removed afterwards, to size a
 * batch job (estimateShard): the time from process start to the data loaded, the time of the
 * variant, and the memory. It goes through runSweep, so every variant is checked and the data
 * read exactly as the shards will (a bad grid or data folder fails here, before submission).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { ResolvedRun } from '../run/prepareRun.js';
import type { VariantMeasure } from './estimateShard.js';
import type { GridParam } from './parseGrid.js';
import { runSweep } from './runSweep.js';
import type { SweepMetric } from './variantMetrics.js';

export interface MeasureInput {
  /** The base strategy from the run boundary (resolveRun), as the shards will resolve it. */
  readonly resolved: ResolvedRun;
  readonly grid: readonly GridParam[];
  readonly dataDir: string;
  readonly rankBy: SweepMetric;
}

export interface MeasuredSweep {
  /** Variants in the whole sweep. */
  readonly count: number;
  readonly measure: VariantMeasure;
}

export async function measureVariant(o: MeasureInput): Promise<MeasuredSweep> {
  const out = mkdtempSync(path.join(tmpdir(), 'sleeves-measure-'));
  const mb = (bytes: number): number => bytes / (1024 * 1024);
  let startedAt = Number.NaN;
  let rssBefore = 0;
  try {
    // Shard 1 of "infinitely many" holds variant 0 alone.
    const outcome = await runSweep({
      resolved: o.resolved,
      grid: o.grid,
      dataDir: o.dataDir,
      outDir: out,
      workers: 1,
      rankBy: o.rankBy,
      shard: { index: 1, of: Number.MAX_SAFE_INTEGER },
      onStart: () => {
        startedAt = performance.now();
        rssBefore = mb(process.memoryUsage.rss());
      },
    });
    const variantSeconds = (performance.now() - startedAt) / 1000;
    const peakRssMb = process.resourceUsage().maxRSS / 1024;
    return {
      count: outcome.manifest.count,
      measure: { startupSeconds: startedAt / 1000, variantSeconds, peakRssMb, variantRssMb: Math.max(0, peakRssMb - rssBefore) },
    };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
