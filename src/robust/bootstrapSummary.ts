/**
 * Bootstrap intervals: over the resampled paths, the 5th, 50th and 95th percentiles (type 7) of
 * CAGR, Sharpe and max drawdown — a 90% interval, "5–95%" — and, when the strategy has a
 * benchmark (resampled on the same rows), the probability of underperforming it: the share of
 * paths on which the strategy's total return is below the benchmark's.
 */
import { distribution } from './percentiles.js';
import type { RunFigures, SeriesFigures } from './runFigures.js';

export const INTERVAL_PERCENTILES = [5, 50, 95] as const;

export interface Interval {
  /** The figure of the real (not resampled) run. */
  readonly original: number | null;
  readonly p5: number | null;
  readonly p50: number | null;
  readonly p95: number | null;
  /** Paths on which the figure is undefined (left out of the percentiles). */
  readonly undefinedPaths: number;
}

export interface BootstrapFigures {
  readonly cagr: Interval;
  readonly sharpe: Interval;
  readonly maxDrawdown: Interval;
}

export interface BootstrapSummary extends BootstrapFigures {
  readonly paths: number;
  readonly meanBlock: number;
  readonly seed: number;
  readonly benchmark: BootstrapFigures | null;
  /** P(strategy total return < benchmark total return) over paths where both are defined. */
  readonly underperformProbability: number | null;
  /** Resampled returns that were missing (NaN) and kept a price flat, over all paths. */
  readonly missingReturns: number;
  /** Per path, in path order (for charts): the strategy's CAGR and max drawdown. */
  readonly byPath: { readonly cagr: readonly (number | null)[]; readonly maxDrawdown: readonly (number | null)[] };
}

export function bootstrapSummary(
  original: RunFigures,
  paths: readonly (RunFigures & { missing: number })[],
  options: { meanBlock: number; seed: number },
): BootstrapSummary {
  const figures = (pick: (f: RunFigures) => SeriesFigures | null, base: SeriesFigures | null): BootstrapFigures => ({
    cagr: interval(base?.cagr ?? null, paths.map((p) => pick(p)?.cagr ?? null)),
    sharpe: interval(base?.sharpe ?? null, paths.map((p) => pick(p)?.sharpe ?? null)),
    maxDrawdown: interval(base?.maxDrawdown ?? null, paths.map((p) => pick(p)?.maxDrawdown ?? null)),
  });
  let compared = 0;
  let under = 0;
  let missing = 0;
  for (const p of paths) {
    missing += p.missing;
    const a = p.totalReturn;
    const b = p.benchmark?.totalReturn ?? null;
    if (a === null || b === null) continue;
    compared++;
    if (a < b) under++;
  }
  return {
    paths: paths.length,
    meanBlock: options.meanBlock,
    seed: options.seed,
    ...figures((f) => f, original),
    benchmark: original.benchmark ? figures((f) => f.benchmark, original.benchmark) : null,
    underperformProbability: original.benchmark && compared > 0 ? under / compared : null,
    missingReturns: missing,
    byPath: { cagr: paths.map((p) => p.cagr), maxDrawdown: paths.map((p) => p.maxDrawdown) },
  };
}

function interval(original: number | null, values: readonly (number | null)[]): Interval {
  const d = distribution(values, INTERVAL_PERCENTILES);
  return { original, p5: d.percentiles['5'] ?? null, p50: d.percentiles['50'] ?? null, p95: d.percentiles['95'] ?? null, undefinedPaths: d.undefinedCount };
}
