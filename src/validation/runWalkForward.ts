/**
 * A walk-forward test (Pardo 2008, ch. 11), every backtest through the run boundary:
 *   1. the base strategy's period (`sleeves run` of it) gives the trading calendar and the folds;
 *   2. training: every grid variant on every training window, as sweep variants with the period
 *      set (sweepTask with `periods`, on the worker pool), each on the panel `sleeves run --set
 *      ... --from --to` loads; each fold's variants are ranked as a sweep ranks them;
 *   3. test: the chosen variant of each fold is run exactly as `sleeves run STRATEGY --set
 *      PATH=chosen... --from testFrom --to testTo` (prepareRun + backtestToReport);
 *   4. the test segments are stitched into one out-of-sample series (stitchSegments).
 * Results do not depend on the number of workers (runParallel returns results in index order).
 */
import { formatIsoDate } from '../core/dates.js';
import { UserError } from '../core/errors.js';
import { runBacktest } from '../engine/runBacktest.js';
import { backtestToReport } from '../run/backtestToReport.js';
import type { RunOverrides } from '../run/applyOverrides.js';
import { loadRun, prepareRun, resolveRun, type PreparedRun } from '../run/prepareRun.js';
import type { StrategySpec } from '../strategy/schema.js';
import { checkGrid } from '../sweep/checkGrid.js';
import { gridSize, variantValues, type GridParam, type GridValue } from '../sweep/parseGrid.js';
import { runParallel } from '../sweep/runParallel.js';
import { sweepTaskModule } from '../sweep/runSweep.js';
import { sharePanel } from '../sweep/sharedPanel.js';
import { sweepSummarizer, type SweepSummarizer } from '../sweep/sweepSummary.js';
import type { SweepTaskParams } from '../sweep/sweepTask.js';
import { variantGroupKey } from '../sweep/variantGroups.js';
import { SWEEP_METRICS, variantMetrics, type SweepMetric, type VariantResult } from '../sweep/variantMetrics.js';
import { variantSpec } from '../sweep/variantSpec.js';
import { stitchSegments, type Segment } from './stitchSegments.js';
import { walkForwardFolds, type Fold, type Window } from './walkForwardFolds.js';
import { walkForwardReport, type WalkForwardReport } from './walkForwardReport.js';

export interface WalkForwardOptions {
  readonly file: string;
  readonly grid: readonly GridParam[];
  readonly dataDir: string;
  /** The flags of `sleeves run` (--from/--to bound the whole test; --set fixes other values). */
  readonly overrides: RunOverrides;
  readonly train: string;
  readonly test: string;
  readonly trainMonths: number;
  readonly testMonths: number;
  readonly anchored: boolean;
  readonly rankBy: SweepMetric;
  readonly workers: number;
  readonly onProgress?: (done: number, total: number) => void;
  readonly signal?: AbortSignal;
  readonly taskModule?: URL;
}

export interface WalkForwardOutcome {
  readonly report: WalkForwardReport;
  /** The stitched series, for returns.csv and the chart. */
  readonly stitched: ReturnType<typeof stitchSegments>;
}

export async function runWalkForward(o: WalkForwardOptions): Promise<WalkForwardOutcome> {
  const resolved = await resolveRun({ source: { kind: 'strategy', file: o.file }, overrides: o.overrides });
  const base = resolved.spec;
  checkPaths(o.grid, o.overrides.set ?? []);
  const count = checkGrid(base, o.grid).count;
  const full = loadRun(resolved, o.dataDir);
  const calendar = runBacktest(base, { ...full.inputs, prepared: full.prepared, recordWeights: false }).dates;
  const folds = walkForwardFolds(Array.from(calendar, formatIsoDate), { trainMonths: o.trainMonths, testMonths: o.testMonths, anchored: o.anchored });
  const total = folds.length * count + folds.length;

  // Training: the panels every (window, variant group) needs, then every window × variant.
  const runs: PreparedRun[] = [];
  const groupKeys: string[] = [];
  for (let i = 0; i < count; i++) {
    const variant = variantSpec(base, o.grid, i);
    for (const fold of folds) {
      const spec = withPeriod(variant, fold.train);
      const key = variantGroupKey(spec);
      if (groupKeys.includes(key)) continue;
      groupKeys.push(key);
      runs.push(loadRun(resolved, o.dataDir, spec));
    }
  }
  const schedule = full.inputs.schedule;
  const params: SweepTaskParams = {
    spec: base,
    grid: o.grid,
    groupKeys,
    groupCashRates: runs.map((r) => r.inputs.cashRates ?? null),
    periods: folds.map((f) => f.train),
    ...(schedule ? { schedule } : {}),
  };
  const summarizers: SweepSummarizer[] = folds.map(() => sweepSummarizer({ rankBy: o.rankBy, topN: 1 }));
  await runParallel<VariantResult>({
    taskModule: o.taskModule ?? sweepTaskModule(o.workers),
    shared: runs.map((r) => sharePanel(r.inputs.panel)),
    params,
    count: folds.length * count,
    workers: o.workers,
    collect: false,
    onResult: (r) => summarizers[Math.floor(r.index / count)]!.add({ ...r, index: r.index % count }),
    ...(o.onProgress ? { onProgress: (done: number) => o.onProgress!(done, total) } : {}),
    ...(o.signal ? { signal: o.signal } : {}),
  });

  // Test: the chosen variant of each fold, run as `sleeves run --set ... --from --to`.
  const segments: Segment[] = [];
  const rows: FoldRow[] = [];
  const foldWarnings = new Map<string, number[]>();
  for (let k = 0; k < folds.length; k++) {
    o.signal?.throwIfAborted();
    const fold = folds[k]!;
    const summary = summarizers[k]!.finish();
    const best = summary.top[0];
    if (!best) throw new UserError(`walkforward: fold ${k + 1} (training ${fold.train.from} → ${fold.train.to}): no variant has a defined ${o.rankBy}; nothing to choose`);
    const values = variantValues(o.grid, best.index);
    const set = o.grid.map((p, j) => `${p.path}=${String(values[j])}`);
    const run = await prepareRun({
      source: { kind: 'strategy', file: o.file },
      dataDir: o.dataDir,
      overrides: { ...o.overrides, set: [...(o.overrides.set ?? []), ...set], from: fold.test.from, to: fold.test.to },
    });
    const { result, report } = backtestToReport(run);
    for (const w of report.warnings) foldWarnings.set(w, [...(foldWarnings.get(w) ?? []), k + 1]);
    segments.push({ dates: Array.from(result.dates, formatIsoDate), returns: result.ledger.returns.subarray(1) });
    rows.push({ fold, chosen: Object.fromEntries(o.grid.map((p, j) => [p.path, values[j]!])), set, inSample: figures(best), outOfSample: figures(variantMetrics(0, result)) });
    o.onProgress?.(folds.length * count + k + 1, total);
  }
  const stitched = stitchSegments(segments);
  const warnings = [...new Set(full.inputs.warnings), ...[...foldWarnings].map(([w, ks]) => `${ks.length === folds.length ? 'every test segment' : `test segment${ks.length > 1 ? 's' : ''} ${ks.join(', ')}`}: ${w}`)];
  const report = walkForwardReport({ options: o, resolved, spec: base, inputs: full.inputs, count, rows, stitched, warnings });
  return { report, stitched };
}

export interface FoldRow {
  readonly fold: Fold;
  readonly chosen: Record<string, GridValue>;
  /** The chosen values as `--set PATH=VALUE` texts (with the user's own flags, they repeat the test segment). */
  readonly set: readonly string[];
  readonly inSample: Record<SweepMetric, number | null>;
  readonly outOfSample: Record<SweepMetric, number | null>;
}

function figures(r: VariantResult): Record<SweepMetric, number | null> {
  return Object.fromEntries(SWEEP_METRICS.map((key, k) => [key, r.values[k] ?? null])) as Record<SweepMetric, number | null>;
}

function withPeriod(spec: StrategySpec, w: Window): StrategySpec {
  return { ...spec, period: { ...spec.period, from: w.from, to: w.to } };
}

/** The grid cannot move the period (the folds set it) nor repeat a path fixed by --set. */
function checkPaths(grid: readonly GridParam[], sets: readonly string[]): void {
  for (const p of grid) {
    if (p.path === 'period' || p.path.startsWith('period.')) throw new UserError(`--grid ${p.path}: walkforward sets the period of every window itself; use --from/--to for the whole test`);
    const fixed = sets.find((s) => s.split('=')[0]!.trim() === p.path);
    if (fixed !== undefined) throw new UserError(`--grid ${p.path}: also fixed by --set ${fixed}; give the path once`);
  }
  if (gridSize(grid) < 1) throw new UserError('walkforward needs at least one --grid PATH=V1,V2,...');
}
