/**
 * report.json of a walk-forward folder (and `sleeves walkforward --json`): the folds with the
 * chosen parameters and their in-sample (training window) and out-of-sample (test segment)
 * figures, the stitched out-of-sample series' metrics, the mean in-sample figures and the
 * degradation from in-sample to out-of-sample. Pure: built from what runWalkForward computed.
 *
 * Degradation, per figure: mean over folds of the in-sample and of the out-of-sample values and
 * their difference (out − in); `efficiency` is Pardo's walk-forward efficiency (2008, ch. 11),
 * the mean out-of-sample CAGR over the mean in-sample CAGR (null when the latter is ≤ 0).
 * Numbers that cannot be computed are null, never NaN.
 */
import { parseIsoDate } from '../core/dates.js';
import { ENGINE_VERSION } from '../engine/version.js';
import { computeMetrics } from '../metrics/computeMetrics.js';
import { inferPeriodsPerYear } from '../metrics/periodsPerYear.js';
import type { RunOverrides } from '../run/applyOverrides.js';
import type { RunInputs } from '../run/loadRunData.js';
import type { ResolvedRun } from '../run/prepareRun.js';
import type { StrategySpec } from '../strategy/schema.js';
import type { GridParam, GridValue } from '../sweep/parseGrid.js';
import { specHash } from '../sweep/sweepManifest.js';
import { SWEEP_METRICS, type SweepMetric } from '../sweep/variantMetrics.js';
import type { FoldRow, WalkForwardOptions } from './runWalkForward.js';
import type { StitchedSeries } from './stitchSegments.js';
import type { Window } from './walkForwardFolds.js';

export const WALKFORWARD_VERSION = 1;

type Figures = Record<SweepMetric, number | null>;

export interface WalkForwardReport {
  readonly walkForwardVersion: number;
  readonly engineVersion: string;
  readonly strategy: { readonly name: string; readonly slug: string; readonly file: string | null; readonly specSha256: string };
  readonly spec: StrategySpec;
  readonly grid: readonly GridParam[];
  readonly variants: number;
  readonly windows: { readonly train: string; readonly test: string; readonly anchored: boolean; readonly rankBy: SweepMetric };
  readonly data: { readonly directory: string; readonly synthetic: boolean; readonly files: readonly { readonly ticker: string; readonly file: string; readonly sha256: string }[] };
  readonly folds: readonly {
    readonly fold: number;
    readonly train: Window;
    readonly test: Window;
    readonly chosen: Record<string, GridValue>;
    /** `sleeves run STRATEGY` flags that repeat this test segment. */
    readonly run: readonly string[];
    readonly inSample: Figures;
    readonly outOfSample: Figures;
  }[];
  readonly outOfSample: { readonly period: { readonly start: string; readonly end: string; readonly periods: number; readonly periodsPerYear: number }; readonly metrics: Record<string, number | null> };
  readonly inSample: Figures;
  readonly degradation: Record<'cagr' | 'sharpe' | 'sortino' | 'calmar' | 'maxDrawdown', { readonly inSample: number | null; readonly outOfSample: number | null; readonly difference: number | null }> & {
    readonly efficiency: number | null;
  };
  readonly warnings: readonly string[];
}

export interface ReportInput {
  readonly options: WalkForwardOptions;
  readonly resolved: ResolvedRun;
  readonly spec: StrategySpec;
  readonly inputs: RunInputs;
  readonly count: number;
  readonly rows: readonly FoldRow[];
  readonly stitched: StitchedSeries;
  readonly warnings: readonly string[];
}

const DEGRADED = ['cagr', 'sharpe', 'sortino', 'calmar', 'maxDrawdown'] as const;

export function walkForwardReport(x: ReportInput): WalkForwardReport {
  const { spec, stitched, rows, options: o } = x;
  const days = Int32Array.from(stitched.dates, (d) => parseIsoDate(d));
  const P = spec.reporting.periodsPerYear ?? inferPeriodsPerYear(days);
  const { metrics, warnings } = computeMetrics(stitched.returns, { periodsPerYear: P, convention: spec.reporting.convention, riskFreeRate: spec.reporting.riskFreeRate, mar: spec.reporting.mar });
  const inSample = meanFigures(rows.map((r) => r.inSample));
  const outMean = meanFigures(rows.map((r) => r.outOfSample));
  const degradation = Object.fromEntries(
    DEGRADED.map((k) => [k, { inSample: inSample[k], outOfSample: outMean[k], difference: inSample[k] !== null && outMean[k] !== null ? outMean[k] - inSample[k] : null }]),
  ) as Omit<WalkForwardReport['degradation'], 'efficiency'>;
  const efficiency = inSample.cagr !== null && outMean.cagr !== null && inSample.cagr > 0 ? outMean.cagr / inSample.cagr : null;
  return {
    walkForwardVersion: WALKFORWARD_VERSION,
    engineVersion: ENGINE_VERSION,
    strategy: { name: spec.name, slug: x.resolved.slug, file: x.resolved.strategyFile, specSha256: specHash(spec) },
    spec,
    grid: o.grid,
    variants: x.count,
    windows: { train: o.train, test: o.test, anchored: o.anchored, rankBy: o.rankBy },
    data: {
      directory: x.inputs.directory,
      synthetic: x.inputs.synthetic,
      files: x.inputs.files.map((f) => ({ ticker: f.ticker, file: f.file, sha256: f.sha256 })),
    },
    folds: rows.map((r, k) => ({
      fold: k + 1,
      train: r.fold.train,
      test: r.fold.test,
      chosen: r.chosen,
      run: [...otherFlags(o.overrides), ...r.set.flatMap((s) => ['--set', s]), '--from', r.fold.test.from, '--to', r.fold.test.to],
      inSample: r.inSample,
      outOfSample: r.outOfSample,
    })),
    outOfSample: {
      period: { start: stitched.dates[0]!, end: stitched.dates[stitched.dates.length - 1]!, periods: stitched.returns.length, periodsPerYear: P },
      metrics,
    },
    inSample,
    degradation: { ...degradation, efficiency },
    warnings: [...x.warnings, ...warnings.map((w) => `out-of-sample ${w}`)],
  };
}

/** The user's own `sleeves run` flags (all but --from/--to and --data), as typed, for folds[].run. */
function otherFlags(f: RunOverrides): string[] {
  return [
    ...(f.set ?? []).flatMap((s) => ['--set', s]),
    ...(f.lag !== undefined ? ['--lag', f.lag] : []),
    ...(f.costBps !== undefined ? ['--cost-bps', f.costBps] : []),
    ...(f.convention !== undefined ? ['--convention', f.convention] : []),
    ...(f.periodsPerYear !== undefined ? ['--periods-per-year', f.periodsPerYear] : []),
    ...(f.strict ? ['--strict'] : []),
    ...(f.allowModulePath ? ['--allow-module-path'] : []),
  ];
}

/** The mean of each figure over the folds where it is defined (null when it is nowhere). */
function meanFigures(list: readonly Figures[]): Figures {
  return Object.fromEntries(
    SWEEP_METRICS.map((k) => {
      const xs = list.map((f) => f[k]).filter((v): v is number => v !== null);
      return [k, xs.length > 0 ? xs.reduce((a, b) => a + b, 0) / xs.length : null];
    }),
  ) as Figures;
}
