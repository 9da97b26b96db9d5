/**
 * A parameter sweep from start to finish: check every variant, load through the run boundary
 * once per distinct panel the variants need (variantGroups: usually one), run the variants in
 * parallel on the shared panels, stream the rows into variants.csv in variant order, and finish
 * the folder with manifest.json and, for two-parameter grids of a whole (unsharded) sweep,
 * heatmap.html. Each variant runs on the panel `sleeves run --set` of it loads, so its figures
 * are that run's (test/e2e/parity.test.ts).
 */
import { ENGINE_VERSION } from '../engine/version.js';
import { loadRun, type PreparedRun, type ResolvedRun } from '../run/prepareRun.js';
import { checkGrid } from './checkGrid.js';
import { variantSpec } from './variantSpec.js';
import { variantValues, type GridParam } from './parseGrid.js';
import { renderSweepHeatmap } from './renderSweepHeatmap.js';
import { runParallel, WorkerPool } from './runParallel.js';
import { isDecisionParam, sweepPath } from './sweepPath.js';
import type { Shard } from './shardIndexes.js';
import { sharePreparedPanel } from './sharedPanel.js';
import { specHash, SWEEP_MANIFEST_VERSION, SWEEP_ORDER, topEntries, type SweepManifest } from './sweepManifest.js';
import { sweepCsvHeader, sweepCsvRow } from './sweepCsv.js';
import { sweepSummarizer, type SweepSummary } from './sweepSummary.js';
import type { SweepTaskParams } from './sweepTask.js';
import { familyHash } from '../catalog/catalogEntry.js';
import { overfittingCollector, type PboRequest } from '../validation/sweepOverfitting.js';
import type { SweepMetric, VariantResult } from './variantMetrics.js';
import { openSweepFolder } from './writeSweepFolder.js';

export interface SweepOptions {
  /** The base strategy from the run boundary (resolveRun): overrides applied. */
  readonly resolved: ResolvedRun;
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
  /** Probability of backtest overfitting over the variants' daily returns (sweep --pbo). */
  readonly pbo?: PboRequest;
  readonly onPboProgress?: (done: number, total: number) => void;
  /** Trials of the strategy family recorded in the run catalog before this sweep (null: catalog off). */
  readonly priorTrials?: number | null;
  /** Override of the task module (tests); default sweepTask next to this module. */
  readonly taskModule?: URL;
}

export interface SweepOutcome {
  readonly folder: string;
  readonly summary: SweepSummary;
  readonly manifest: SweepManifest;
}

export async function runSweep(o: SweepOptions): Promise<SweepOutcome> {
  // The worker threads start first and load the task module while this thread checks the grid,
  // loads the data and prepares the shared panel; the same threads run every variant group.
  const taskModule = o.taskModule ?? sweepTaskModule(o.workers);
  const pool = o.workers > 1 ? WorkerPool.start(taskModule, o.workers) : undefined;
  try {
    return await sweep(o, taskModule, pool);
  } finally {
    await pool?.close();
  }
}

async function sweep(o: SweepOptions, taskModule: URL, pool: WorkerPool | undefined): Promise<SweepOutcome> {
  const spec = o.resolved.spec;
  const check = checkGrid(spec, o.grid);
  const runs: PreparedRun[] = check.groups.map((g) => loadRun(o.resolved, o.dataDir, variantSpec(spec, o.grid, g.first)));
  const loaded = runs[0]!.inputs;
  const schedule = loaded.schedule;
  const guard = overfittingCollector(
    { pbo: o.pbo, familySha256: familyHash(spec, o.grid.map((p) => p.path)), priorTrials: o.priorTrials ?? null },
    { count: check.count, groups: runs.length, sharded: o.shard !== undefined, rows: loaded.panel.dates.length },
  );
  const params: SweepTaskParams = {
    spec,
    grid: o.grid,
    groupKeys: check.groups.map((g) => g.key),
    groupCashRates: runs.map((r) => r.inputs.cashRates ?? null),
    ...(check.parts ? { specParts: check.parts } : {}),
    ...(schedule ? { schedule } : {}),
    keepReturns: guard.keepReturns,
  };
  const suffix = o.shard ? `-shard-${o.shard.index}-of-${o.shard.of}` : '';
  const writer = openSweepFolder(o.outDir, o.resolved.slug, suffix);
  try {
    writer.append(sweepCsvHeader(o.grid));
    const summarizer = sweepSummarizer({ rankBy: o.rankBy, ...(o.grid.length === 2 && !o.shard ? { heatCells: check.count } : {}) });
    let variantsInFile = 0;
    const onResult = (r: VariantResult): void => {
      writer.append(sweepCsvRow(o.grid, r));
      summarizer.add(r);
      guard.keep(r);
      variantsInFile++;
    };
    const total = o.shard ? Math.max(0, Math.ceil((check.count - o.shard.index + 1) / o.shard.of)) : check.count;
    o.onStart?.(check.count, total);
    await runParallel<VariantResult>({
      taskModule,
      ...(pool ? { pool } : {}),
      ...(o.shard ? {} : { chunkSize: decisionAlignedChunk(o.grid, check.count, o.workers) }),
      shared: runs.map((r) => sharePreparedPanel(r.inputs.panel, o.workers)),
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
    const extra = await guard.finish(summary, { workers: o.workers, onProgress: o.onPboProgress, signal: o.signal });
    const manifest: SweepManifest = {
      sweepManifestVersion: SWEEP_MANIFEST_VERSION,
      engineVersion: ENGINE_VERSION,
      strategy: { name: spec.name, slug: o.resolved.slug, file: o.resolved.strategyFile, specSha256: specHash(spec) },
      spec,
      grid: o.grid,
      count: check.count,
      shard: o.shard ?? null,
      variantsInFile,
      order: SWEEP_ORDER,
      data: {
        directory: loaded.directory,
        synthetic: loaded.synthetic,
        files: uniqueFiles(runs.flatMap((r) => r.inputs.files)).map((f) => ({ ticker: f.ticker, file: f.file, sha256: f.sha256 })),
      },
      rankBy: o.rankBy,
      overfitting: { ...summary.overfitting, scope: o.shard ? 'this shard only' : 'all variants', ...extra.fields },
      top: topEntries(o.grid, summary, (i) => variantValues(o.grid, i)),
      path: sweepPath(spec, o.grid, schedule !== undefined, check.paths, check.count),
      warnings: [...new Set(runs.flatMap((r) => r.inputs.warnings)), ...summary.warnings, ...extra.warnings],
    };
    const files: Record<string, string> = { 'manifest.json': `${JSON.stringify(manifest, null, 2)}\n` };
    if (summary.heat) files['heatmap.html'] = renderSweepHeatmap(spec.name, o.grid, summary, loaded.synthetic);
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

/**
 * Indexes per message to a worker: about total / (workers · 24) (1 to 64), rounded down to a
 * multiple of the run of consecutive variants that share their decisions (the trailing grid
 * parameters that are not decision parameters) when that run is shorter, so that no decision set
 * is split between two workers and computed twice. Small chunks keep the workers' last chunks
 * short (the one that finishes first idles at most one chunk); a message costs far less than a
 * decision set.
 */
export function decisionAlignedChunk(grid: readonly GridParam[], total: number, workers: number): number {
  let inner = 1;
  for (let k = grid.length - 1; k >= 0 && !isDecisionParam(grid[k]!.path); k--) inner *= grid[k]!.values.length;
  const wanted = Math.max(1, Math.min(64, Math.floor(total / (workers * 24))));
  return inner > wanted ? wanted : inner * Math.floor(wanted / inner);
}

/** Each data file once (by ticker), in first-seen order. */
function uniqueFiles<F extends { ticker: string }>(files: readonly F[]): F[] {
  const seen = new Map<string, F>();
  for (const f of files) if (!seen.has(f.ticker)) seen.set(f.ticker, f);
  return [...seen.values()];
}
