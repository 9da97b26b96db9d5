/**
 * A parameter sweep from start to finish: check every variant, load the panel once (the union
 * of all tickers any variant needs), run the variants in parallel on the shared panel, stream
 * the rows into variants.csv in variant order, and finish the folder with manifest.json and,
 * for two-parameter grids of a whole (unsharded) sweep, heatmap.html.
 *
 * Note: variants share one aligned calendar (that of the union of tickers), so a variant's
 * figures equal those of `sleeves run` on the same spec whenever the extra tickers add no
 * trading days (e.g. one market), and may differ slightly otherwise.
 */
import { loadPanel } from '../data/loadPanel.js';
import { parseUserDate } from '../core/dates.js';
import { loadRunData } from '../engine/loadRunData.js';
import { readCashRateFile } from '../data/readCashRates.js';
import { ENGINE_VERSION } from '../engine/version.js';
import type { StrategySpec } from '../strategy/schema.js';
import { checkGrid } from './checkGrid.js';
import { variantValues, type GridParam } from './parseGrid.js';
import { renderSweepHeatmap } from './renderSweepHeatmap.js';
import { runParallel } from './runParallel.js';
import type { Shard } from './shardIndexes.js';
import { sharePanel } from './sharedPanel.js';
import { specHash, SWEEP_MANIFEST_VERSION, SWEEP_ORDER, topEntries, type SweepManifest } from './sweepManifest.js';
import { sweepCsvHeader, sweepCsvRow } from './sweepCsv.js';
import { sweepSummarizer, type SweepSummary } from './sweepSummary.js';
import type { SweepTaskParams } from './sweepTask.js';
import type { SweepMetric, VariantResult } from './variantMetrics.js';
import { openSweepFolder } from './writeSweepFolder.js';

export interface SweepOptions {
  readonly spec: StrategySpec;
  readonly slug: string;
  readonly strategyFile: string | null;
  readonly grid: readonly GridParam[];
  readonly dataDir: string;
  readonly outDir: string;
  readonly workers: number;
  readonly rankBy: SweepMetric;
  readonly shard?: Shard;
  /** Called after the checks and the load, before any variant runs. */
  readonly onStart?: (count: number, total: number) => void;
  readonly onProgress?: (done: number, total: number) => void;
  readonly signal?: AbortSignal;
  /** Override of the task module (tests); default sweepTask next to this module. */
  readonly taskModule?: URL;
}

export interface SweepOutcome {
  readonly folder: string;
  readonly summary: SweepSummary;
  readonly manifest: SweepManifest;
}

export async function runSweep(o: SweepOptions): Promise<SweepOutcome> {
  const check = checkGrid(o.spec, o.grid);
  const loaded = loadPanel(o.dataDir, {
    tickers: check.tickers,
    ...(check.to !== undefined ? { to: parseUserDate(check.to, 'period.to') } : {}),
    maxFillDays: o.spec.data.maxFillDays,
    calendar: o.spec.data.calendar,
  });
  const schedule = o.spec.weightsFile !== undefined ? loadRunData(o.spec, o.dataDir).schedule : undefined;
  const cashRates = o.spec.cash && 'rateFile' in o.spec.cash ? readCashRateFile(o.spec.cash.rateFile) : undefined;
  const params: SweepTaskParams = { spec: o.spec, grid: o.grid, ...(schedule ? { schedule } : {}), ...(cashRates ? { cashRates } : {}) };
  const suffix = o.shard ? `-shard-${o.shard.index}-of-${o.shard.of}` : '';
  const writer = openSweepFolder(o.outDir, o.slug, suffix);
  try {
    writer.append(sweepCsvHeader(o.grid));
    const summarizer = sweepSummarizer({ rankBy: o.rankBy, ...(o.grid.length === 2 && !o.shard ? { heatCells: check.count } : {}) });
    let variantsInFile = 0;
    const onResult = (r: VariantResult): void => {
      writer.append(sweepCsvRow(o.grid, r));
      summarizer.add(r);
      variantsInFile++;
    };
    const total = o.shard ? Math.max(0, Math.ceil((check.count - o.shard.index + 1) / o.shard.of)) : check.count;
    o.onStart?.(check.count, total);
    await runParallel<VariantResult>({
      taskModule: o.taskModule ?? sweepTaskModule(o.workers),
      shared: sharePanel(loaded.panel),
      params,
      count: check.count,
      workers: o.workers,
      collect: false,
      onResult,
      ...(o.shard ? { shard: o.shard } : {}),
      ...(o.onProgress ? { onProgress: o.onProgress } : {}),
      ...(o.signal ? { signal: o.signal } : {}),
    });
    const summary = summarizer.finish();
    const manifest: SweepManifest = {
      sweepManifestVersion: SWEEP_MANIFEST_VERSION,
      engineVersion: ENGINE_VERSION,
      strategy: { name: o.spec.name, slug: o.slug, file: o.strategyFile, specSha256: specHash(o.spec) },
      spec: o.spec,
      grid: o.grid,
      count: check.count,
      shard: o.shard ?? null,
      variantsInFile,
      order: SWEEP_ORDER,
      data: {
        directory: loaded.directory,
        synthetic: loaded.synthetic,
        files: loaded.files.map((f) => ({ ticker: f.ticker, file: f.file, sha256: f.sha256 })),
      },
      rankBy: o.rankBy,
      overfitting: { ...summary.overfitting, scope: o.shard ? 'this shard only' : 'all variants' },
      top: topEntries(o.grid, summary, (i) => variantValues(o.grid, i)),
      warnings: [...loaded.warnings, ...summary.warnings],
    };
    const files: Record<string, string> = { 'manifest.json': `${JSON.stringify(manifest, null, 2)}\n` };
    if (summary.heat) files['heatmap.html'] = renderSweepHeatmap(o.spec.name, o.grid, summary, loaded.synthetic);
    const folder = writer.finish(files);
    return { folder, summary, manifest };
  } catch (error) {
    writer.abort();
    throw error;
  }
}

/**
 * The sweep task module: the compiled sweepTask.js next to this module; from TypeScript
 * sources (vitest), the .ts twin in-process, or the compiled one in dist/ for worker threads.
 */
export function sweepTaskModule(workers: number): URL {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return new URL('./sweepTask.js', here);
  return workers === 1 ? new URL('./sweepTask.ts', here) : new URL('../../dist/src/sweep/sweepTask.js', here);
}
