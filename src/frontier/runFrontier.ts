/**
 * The frontier of sleeve mixes under the strategy's real rebalancing: every across-sleeve mix of
 * a simplex grid (simplexGrid) replaces the strategy's across method by fixed weights, and
 * everything else — within methods, constraints, trend filters, rebalancing, drift, costs,
 * currency, the period — stays as the file says. Each mix is backtested on the one prepared
 * panel of the run boundary (loadRun), and its figures are the sweep's (variantMetrics), so a
 * mix's row equals `sleeves run` of the strategy with `allocation.across: {method: fixed,
 * weights: …}` (test/e2e/frontier.test.ts). The efficient mixes are marked for volatility and
 * for max drawdown (efficientSet). The strategy as written is run too and marked.
 */
import { formatIsoDate } from '../core/dates.js';
import { UserError } from '../core/errors.js';
import { parseAllocationSpec } from '../allocation/registry.js';
import { runBacktest } from '../engine/runBacktest.js';
import { strategyLayout } from '../engine/strategyLayout.js';
import type { PreparedRun } from '../run/prepareRun.js';
import type { StrategySpec } from '../strategy/schema.js';
import { SWEEP_METRICS, variantMetrics, type SweepMetric } from '../sweep/variantMetrics.js';
import { efficientSet } from './efficientSet.js';
import { simplexGrid } from './simplexGrid.js';

export const FRONTIER_SCHEMA_VERSION = 'sleeves-frontier-1';

export type MixFigures = Record<SweepMetric, number | null>;

export interface FrontierMix {
  readonly weights: Record<string, number>;
  readonly metrics: MixFigures;
  /** Efficient in CAGR against volatility, and against max drawdown. */
  readonly efficient: { readonly volatility: boolean; readonly drawdown: boolean };
}

export interface FrontierReport {
  readonly schemaVersion: string;
  readonly strategy: { readonly name: string; readonly file: string | null; readonly across: string };
  readonly period: { readonly start: string; readonly end: string; readonly periods: number };
  readonly sleeves: readonly string[];
  readonly grid: { readonly step: number; readonly min: number; readonly max: number; readonly mixes: number };
  /** The strategy as the file writes it (its own across method), and its weights when fixed. */
  readonly asWritten: { readonly weights: Record<string, number> | null; readonly metrics: MixFigures };
  readonly mixes: readonly FrontierMix[];
  readonly method: string;
}

export interface FrontierOptions {
  readonly step: number;
  readonly min: number;
  readonly max: number;
  readonly onProgress?: (done: number, total: number) => void;
}

export const MAX_MIXES = 20_000;

export function runFrontier(run: PreparedRun, o: FrontierOptions): FrontierReport {
  const { spec } = run;
  if (spec.weightsFile !== undefined) throw new UserError('sleeves frontier: a weights-file strategy has no sleeve mix to vary');
  const sleeves = strategyLayout(spec).sleeves.map((s) => s.name);
  if (sleeves.length < 2) throw new UserError(`sleeves frontier: the strategy has ${sleeves.length} sleeve; a frontier needs at least 2`);
  const grid = simplexGrid(sleeves.length, o.step, { min: o.min, max: o.max });
  if (grid.length === 0) throw new UserError(`--min ${o.min} --max ${o.max}: no mix of ${sleeves.length} sleeves in steps of ${o.step} sums to 1 within these bounds`);
  if (grid.length > MAX_MIXES) throw new UserError(`--step ${o.step}: ${grid.length} mixes of ${sleeves.length} sleeves, more than ${MAX_MIXES}; use a larger step or --min/--max`);
  const data = { ...run.inputs, prepared: run.prepared, recordWeights: false };
  const figures = (s: StrategySpec): { metrics: MixFigures; dates: Int32Array } => {
    const result = runBacktest(s, data);
    const values = variantMetrics(0, result).values;
    return { metrics: Object.fromEntries(SWEEP_METRICS.map((k, i) => [k, values[i] ?? null])) as MixFigures, dates: result.dates };
  };
  const written = figures(spec);
  const mixes = grid.map((w, i) => {
    const weights = Object.fromEntries(sleeves.map((s, k) => [s, w[k]!]));
    const mix = withAcrossWeights(spec, weights);
    o.onProgress?.(i + 1, grid.length);
    return { weights, metrics: figures(mix).metrics };
  });
  const byVol = efficientSet(mixes.map((m) => ({ cagr: m.metrics.cagr, risk: m.metrics.annualizedVolatility })));
  const byDd = efficientSet(mixes.map((m) => ({ cagr: m.metrics.cagr, risk: m.metrics.maxDrawdown })));
  const n = written.dates.length;
  const across = spec.allocation.across;
  return {
    schemaVersion: FRONTIER_SCHEMA_VERSION,
    strategy: { name: spec.name, file: run.strategyFile, across: across.method },
    period: { start: formatIsoDate(written.dates[0]!), end: formatIsoDate(written.dates[n - 1]!), periods: n - 1 },
    sleeves,
    grid: { step: o.step, min: o.min, max: o.max, mixes: grid.length },
    asWritten: { weights: across.method === 'fixed' ? { ...(across.weights as Record<string, number>) } : null, metrics: written.metrics },
    mixes: mixes.map((m, i) => ({ ...m, efficient: { volatility: byVol[i]!, drawdown: byDd[i]! } })),
    method:
      'every across-sleeve mix on the simplex grid (weights n·step summing to 1, within --min..--max) replaces allocation.across by fixed weights; within methods, constraints, trend filters, rebalancing, drift, costs, currency and period as in the file; figures as the sweep computes them; efficient = no other mix has a CAGR at least as high and a risk at least as low, one strictly',
  };
}

/** The strategy with its across method replaced by fixed sleeve weights (everything else shared, module stages included). */
export function withAcrossWeights(spec: StrategySpec, weights: Record<string, number>): StrategySpec {
  const across = parseAllocationSpec({ method: 'fixed', weights });
  return { ...spec, allocation: { ...spec.allocation, across: across as StrategySpec['allocation']['across'] } };
}
