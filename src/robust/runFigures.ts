/**
 * The few figures the robustness lab compares across reruns, from one backtest result:
 * CAGR, Sharpe and max drawdown of the strategy (and of its benchmark), as computeMetrics
 * defines them (docs/conventions.md), under the run's convention and periods per year.
 * Undefined values are null, never NaN.
 */
import type { BacktestResult } from '../engine/runBacktest.js';
import { perPeriodRate, type MetricContext } from '../metrics/convention.js';
import { sharpeRatio } from '../metrics/ratioMetrics.js';
import { cagr, totalReturn } from '../metrics/returnMetrics.js';
import { maxDrawdown } from '../metrics/underwater.js';

export interface SeriesFigures {
  readonly totalReturn: number | null;
  readonly cagr: number | null;
  readonly sharpe: number | null;
  readonly maxDrawdown: number | null;
}

export interface RunFigures extends SeriesFigures {
  /** The benchmark's figures over its priced days of the same rows (null without a benchmark). */
  readonly benchmark: SeriesFigures | null;
}

/** Figures of periodic simple returns r_1..r_n (no NaN); `riskFree` (aligned with r) replaces ctx.riskFreeRate in Sharpe. */
export function seriesFigures(r: Float64Array, ctx: MetricContext, riskFree?: Float64Array): SeriesFigures {
  const n = r.length;
  return {
    totalReturn: finite(n > 0 ? totalReturn(r) : Number.NaN),
    cagr: finite(cagr(r, ctx.periodsPerYear)),
    sharpe: finite(sharpeRatio(r, riskFree ?? perPeriodRate(ctx.riskFreeRate, ctx.periodsPerYear), ctx.periodsPerYear, ctx.convention)),
    maxDrawdown: finite(n > 0 ? maxDrawdown(r) : Number.NaN),
  };
}

/** Figures of a run: its returns from row 1 on (row 0 is the start day). */
export function runFigures(result: Pick<BacktestResult, 'ledger' | 'benchmark' | 'cash' | 'spec'>, ctx: MetricContext): RunFigures {
  // reporting.riskFree: cash → the run's cash returns are the risk-free rate of its Sharpe.
  const rf = result.spec.reporting.riskFree === 'cash' ? result.cash?.returns.subarray(1) : undefined;
  const own = seriesFigures(result.ledger.returns.subarray(1), ctx, rf);
  if (!result.benchmark) return { ...own, benchmark: null };
  const all = result.benchmark.returns.subarray(1);
  const b = all.filter((x) => Number.isFinite(x));
  return { ...own, benchmark: seriesFigures(b, ctx, rf?.filter((_, i) => Number.isFinite(all[i] as number))) };
}

function finite(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}
