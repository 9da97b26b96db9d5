/**
 * The robustness lab: one full run, then leave-one-out variants, start-date runs and bootstrap
 * paths (all as independent jobs handed to `mapJobs`, which may spread them over workers), then
 * stress windows and the yearly concentration regime from the full run. Pure apart from the
 * job mapper: same inputs and seed, same report, whatever the number of workers.
 */
import { formatIsoDate } from '../core/dates.js';
import { UserError } from '../core/errors.js';
import type { PricePanel } from '../core/panel.js';
import { periodAssetReturns } from '../engine/assetReturns.js';
import { runBacktest } from '../engine/runBacktest.js';
import type { MetricContext } from '../metrics/convention.js';
import type { CashRates } from '../data/readCashRates.js';
import { riskFreeStatement } from '../report/riskFreeStatement.js';
import { inferPeriodsPerYear } from '../metrics/periodsPerYear.js';
import type { StrategySpec } from '../strategy/schema.js';
import { bootstrapSummary } from './bootstrapSummary.js';
import { concentrationByYear } from './concentrationByYear.js';
import { leaveOneOutCases, leaveOneOutRows } from './leaveOneOut.js';
import { ROBUST_SCHEMA_VERSION, type RobustReport } from './robustReport.js';
import { periodBounds, type JobResult, type RobustJob, type RobustParams } from './robustJob.js';
import { runFigures } from './runFigures.js';
import { startDateCases, startDateSummaries } from './startDates.js';
import { DEFAULT_STRESS_WINDOWS, stressWindows } from './stressWindows.js';
import { variantGroupKey } from '../sweep/variantGroups.js';

export interface RobustOptions {
  readonly seed: number;
  readonly paths: number;
  readonly block: number;
  readonly strategyFile: string | null;
  readonly data: { readonly directory: string; readonly synthetic: boolean };
  /**
   * The panel `sleeves run` would load for a leave-one-out variant whose tickers differ from the
   * full run's (from the run boundary, loadRun). Without it every variant runs on the full
   * panel, whose calendar may hold days only the removed ticker traded.
   */
  readonly loadVariant?: (spec: StrategySpec) => PricePanel;
  /** The annual rates of cash.rateFile (RunInputs.cashRates), when the strategy names one. */
  readonly cashRates?: CashRates | undefined;
}

/** Runs jobs 0..params.jobs.length−1 on the panels (0: the full run's) and returns their results in index order. */
export type JobMapper = (panels: readonly PricePanel[], params: RobustParams) => Promise<JobResult[]>;

export const ROBUST_METHOD: Record<string, string> = {
  leaveOneOut:
    'each asset, then each sleeve, removed and the strategy rerun on the same period; a sleeve left empty is removed; a removed fixed (or core) weight is dropped and the other named weights are renormalised to the same total; Δ = without − full; sorted by |Δ CAGR|',
  startDates:
    'a fresh run started on the first trading day of every month, held to the end (when at least a year is left) and for 3 and 5 years where they fit; percentiles 5/25/50/75/95 (type 7)',
  bootstrap:
    'stationary block bootstrap (Politis & Romano 1994) of the daily returns, all assets and the benchmark resampled jointly by row; geometric blocks with mean --block rows, wrap-around; every path starts at the first return (so --block ≥ sample length reproduces the real series); prices rebuilt from the resampled returns and the strategy rerun; 5–95% percentile interval; underperformance = total return below the benchmark’s on the same path',
  stressWindows:
    'the full run’s daily returns restricted to each window: return from the close before the window to its last close, max drawdown inside it, recovery = first date after the window’s low at which the pre-window peak is regained',
  concentrationByYear: 'per calendar year, Σ w_{i,t−1} r_{i,t} per asset; share of the summed positive contributions from the K largest',
};

export async function runRobust(spec: StrategySpec, panel: PricePanel, options: RobustOptions, mapJobs: JobMapper): Promise<RobustReport> {
  if (spec.weightsFile !== undefined) throw new UserError('sleeves robust: strategies driven by a weightsFile are not supported (leave-one-out and new start dates need an allocation rule)');
  if (!(options.paths >= 1) || !Number.isInteger(options.paths)) throw new UserError(`--paths: expected a whole number ≥ 1, got ${options.paths}`);
  if (!(options.block >= 1)) throw new UserError(`--block: expected a mean block length ≥ 1, got ${options.block}`);
  const cashRates = options.cashRates ? { cashRates: options.cashRates } : {};
  const full = runBacktest(spec, { panel, ...cashRates });
  const n = full.dates.length;
  const base: StrategySpec = { ...spec, period: { from: formatIsoDate(full.dates[0]!), to: formatIsoDate(full.dates[n - 1]!) } };
  const periodsPerYear = spec.reporting.periodsPerYear ?? inferPeriodsPerYear(full.dates);
  const ctx: MetricContext = { periodsPerYear, convention: spec.reporting.convention, riskFreeRate: spec.reporting.riskFreeRate, mar: spec.reporting.mar };
  const fullFigures = runFigures(full, ctx);

  const looCases = leaveOneOutCases(base);
  const { lo, hi } = periodBounds(panel, base);
  const startCases = startDateCases(panel.dates, lo, hi);
  const jobs: RobustJob[] = [];
  // A variant runs on the panel its own tickers load (variantGroups), as `sleeves run` of it would.
  const panels: PricePanel[] = [panel];
  const panelKeys = [variantGroupKey(base)];
  const panelOf = (variant: StrategySpec): number => {
    if (!options.loadVariant) return 0;
    const key = variantGroupKey(variant);
    let k = panelKeys.indexOf(key);
    if (k < 0) {
      panels.push(options.loadVariant(variant));
      panelKeys.push(key);
      k = panels.length - 1;
    }
    return k;
  };
  const looJob = looCases.map((c) => (c.variant ? jobs.push({ kind: 'variant', spec: c.variant.spec, panel: panelOf(c.variant.spec) }) - 1 : -1));
  const startJob0 = jobs.length;
  for (const c of startCases) jobs.push({ kind: 'period', from: c.from, to: c.to });
  const pathJob0 = jobs.length;
  for (let k = 0; k < options.paths; k++) jobs.push({ kind: 'bootstrap', path: k });

  const results = await mapJobs(panels, { spec: base, ctx, seed: options.seed, block: options.block, jobs, ...cashRates });
  if (results.length !== jobs.length) throw new Error(`runRobust: ${results.length} results for ${jobs.length} jobs`);

  const warnings = [...full.warnings];
  const bootstrap = bootstrapSummary(fullFigures, results.slice(pathJob0), { meanBlock: options.block, seed: options.seed });
  if (bootstrap.missingReturns > 0) warnings.push(`bootstrap: ${bootstrap.missingReturns} resampled returns were missing (no price) and kept the price flat`);
  if (options.block >= hi - lo - 1) warnings.push(`bootstrap: --block ${options.block} is at least the sample length (${hi - lo - 1} returns), so every path is the real series`);
  const windows = [
    ...DEFAULT_STRESS_WINDOWS.map((w) => ({ ...w, source: 'built-in' as const })),
    ...(spec.stressWindows ?? []).map((w) => ({ ...w, source: 'strategy file' as const })),
  ];
  for (const w of windows) if (w.from > w.to) throw new UserError(`stressWindows: ${w.name} runs from ${w.from} to ${w.to}; expected from ≤ to`);
  const topK = spec.reporting.topK;
  return {
    schemaVersion: ROBUST_SCHEMA_VERSION,
    strategy: { name: spec.name, file: options.strategyFile },
    data: options.data,
    period: { start: base.period.from!, end: base.period.to!, periods: n - 1, periodsPerYear },
    convention: ctx.convention,
    benchmark: full.benchmark?.ticker ?? null,
    full: fullFigures,
    leaveOneOut: leaveOneOutRows(fullFigures, looCases, looJob.map((j) => (j >= 0 ? results[j]! : null))),
    startDates: startDateSummaries(startCases, results.slice(startJob0, pathJob0)),
    bootstrap,
    stressWindows: stressWindows({ dates: full.dates, equity: full.ledger.equity, benchmarkReturns: full.benchmark?.returns ?? null }, windows),
    concentrationByYear: {
      topK,
      years: concentrationByYear({ dates: full.dates, assets: full.layout.assets, weights: full.ledger.weights, assetReturns: periodAssetReturns(full), topK }),
    },
    method: { ...ROBUST_METHOD, riskFree: `risk-free rate of every Sharpe: ${riskFreeStatement(spec, full.cash)}; cash ${full.cash ? full.cash.description : 'earns nothing'}` },
    warnings,
  };
}

/** The sequential job mapper (one worker, in-process), with an optional progress callback. */
export function sequentialJobs(run: (panels: readonly PricePanel[], params: RobustParams, i: number) => JobResult, onProgress?: (done: number, total: number) => void): JobMapper {
  return async (panels, params) => {
    const out: JobResult[] = [];
    for (let i = 0; i < params.jobs.length; i++) {
      out.push(run(panels, params, i));
      onProgress?.(i + 1, params.jobs.length);
    }
    return out;
  };
}
