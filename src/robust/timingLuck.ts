/**
 * Rebalance timing luck (Hoffstein, Sibears & Faber 2019, "Rebalance Timing Luck: The Difference
 * Between Hired and Fired", Journal of Index Investing, doi:10.3905/jii.2019.1.070; Hoffstein,
 * Faber & Braun 2020, "Rebalance Timing Luck: The (Dumb) Luck of Smart Beta", SSRN): the same
 * strategy with every calendar decision moved k trading days after the rule's day
 * (`rebalance.offset: k`, src/schedule/calendarSchedule.ts), for k = 0..count−1, each run on the
 * panel the run boundary loaded for the strategy (an offset changes no ticker, so it is the panel
 * `sleeves run --set rebalance.offset=k` loads). The spread across offsets, as min, median,
 * max, best − worst gap and sample standard deviation (n − 1) of CAGR, Sharpe and max drawdown,
 * is the part of the result owed to the day the rebalance happened to fall on. Pure.
 */
import { UserError } from '../core/errors.js';
import { runBacktest, type RunData } from '../engine/runBacktest.js';
import type { MetricContext } from '../metrics/convention.js';
import { sampleStdDev } from '../metrics/moments.js';
import { inferPeriodsPerYear } from '../metrics/periodsPerYear.js';
import { quantileType7 } from '../metrics/quantile.js';
import type { StrategySpec } from '../strategy/schema.js';
import { runFigures } from './runFigures.js';

export interface TimingLuckRow {
  readonly offset: number;
  /** The first decision after the initial allocation (null when there is none). */
  readonly firstDecision: string | null;
  readonly cagr: number | null;
  readonly sharpe: number | null;
  readonly maxDrawdown: number | null;
}

export interface Spread {
  readonly min: number | null;
  readonly median: number | null;
  readonly max: number | null;
  /** max − min: the best offset's figure minus the worst's (for max drawdown, the deepest minus the shallowest). */
  readonly gap: number | null;
  readonly stdev: number | null;
}

export interface TimingLuck {
  readonly schedule: string;
  readonly offsets: readonly TimingLuckRow[];
  readonly spread: { readonly cagr: Spread; readonly sharpe: Spread; readonly maxDrawdown: Spread };
  readonly method: string;
}

/** Trading days in one period of the schedule: every phase of it is an offset 0..count−1. */
export function defaultOffsetCount(spec: StrategySpec): number {
  const r = spec.rebalance;
  if (r.everyDays !== undefined) return r.everyDays;
  const days = { weekly: 5, monthly: 21, quarterly: 63, yearly: 252 } as Record<string, number>;
  const count = days[r.schedule];
  if (count === undefined) throw new UserError(`--offsets: rebalance.schedule ${r.schedule} has no calendar day to move (use weekly, monthly, quarterly, yearly or everyDays)`);
  return count;
}

export function timingLuck(spec: StrategySpec, data: RunData, count: number): TimingLuck {
  if (spec.weightsFile !== undefined) throw new UserError('--offsets: a strategy driven by a weightsFile has no calendar rule to move');
  const rows: TimingLuckRow[] = [];
  let ctx: MetricContext | null = null;
  for (let k = 0; k < count; k++) {
    const variant: StrategySpec = { ...spec, rebalance: { ...spec.rebalance, offset: k } };
    const result = runBacktest(variant, { ...data, recordWeights: false });
    ctx ??= { periodsPerYear: spec.reporting.periodsPerYear ?? inferPeriodsPerYear(result.dates), convention: spec.reporting.convention, riskFreeRate: spec.reporting.riskFreeRate, mar: spec.reporting.mar };
    const f = runFigures(result, ctx);
    const second = result.rebalances.find((r) => r.rule !== 'initial');
    rows.push({ offset: k, firstDecision: second ? second.decisionDate : null, cagr: f.cagr, sharpe: f.sharpe, maxDrawdown: f.maxDrawdown });
  }
  return {
    schedule: spec.rebalance.everyDays !== undefined ? `every ${spec.rebalance.everyDays} trading days` : `${spec.rebalance.schedule} on ${spec.rebalance.on}`,
    offsets: rows,
    spread: { cagr: spread(rows.map((r) => r.cagr)), sharpe: spread(rows.map((r) => r.sharpe)), maxDrawdown: spread(rows.map((r) => r.maxDrawdown)) },
    method: `the strategy rerun with each calendar decision moved k = 0..${count - 1} trading days after the rule's day (rebalance.offset), on the same panel and period; spread = min, median (type 7), max, gap = max − min and sample standard deviation across offsets (rebalance timing luck: Hoffstein, Sibears & Faber 2019; Hoffstein, Faber & Braun 2020)`,
  };
}

export function spread(values: readonly (number | null)[]): Spread {
  const x = Float64Array.from(values.filter((v): v is number => v !== null));
  if (x.length === 0) return { min: null, median: null, max: null, gap: null, stdev: null };
  let min = Infinity;
  let max = -Infinity;
  for (const v of x) {
    min = Math.min(min, v);
    max = Math.max(max, v);
  }
  const sd = sampleStdDev(x);
  return { min, median: quantileType7(x, 0.5), max, gap: max - min, stdev: Number.isFinite(sd) ? sd : null };
}

