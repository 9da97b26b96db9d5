/**
 * What a Black–Litterman strategy's views added (issue #15): the same strategy run with every
 * view removed (each blackLitterman stage then holds the mean-variance portfolio of its prior,
 * under the same caps, costs and rebalancing), and with each view alone, against the run with
 * all views. "added" is the difference of the figures, views minus prior. Views interact through
 * the posterior, so the per-view differences need not sum to the total.
 */
import { computeMetrics } from '../metrics/computeMetrics.js';
import type { MetricContext } from '../metrics/convention.js';
import type { StrategySpec } from '../strategy/schema.js';
import { runBacktest, type BacktestResult, type RunData } from './runBacktest.js';

const KEYS = ['totalReturn', 'cagr', 'sharpe', 'maxDrawdown'] as const;
export type AttributionFigures = Record<(typeof KEYS)[number], number | null>;

export interface ViewAttribution {
  readonly withViews: AttributionFigures;
  readonly prior: AttributionFigures;
  readonly added: AttributionFigures;
  readonly perView: readonly { readonly view: string; readonly alone: AttributionFigures; readonly added: AttributionFigures }[];
}

/** Null when the strategy has no blackLitterman stage. `ctx` is the report's metric context (periods per year, convention). */
export function viewAttribution(spec: StrategySpec, data: RunData, full: BacktestResult, ctx: MetricContext): ViewAttribution | null {
  const views = viewsOf(spec);
  if (views.length === 0) return null;
  const figures = (result: BacktestResult): AttributionFigures => {
    const r = result.ledger.returns.subarray(1);
    const rf = spec.reporting.riskFree === 'cash' ? result.cash?.returns.subarray(1) : undefined;
    const { metrics } = computeMetrics(r, rf ? { ...ctx, riskFreeSeries: rf } : ctx);
    return Object.fromEntries(KEYS.map((k) => [k, metrics[k] ?? null])) as AttributionFigures;
  };
  const run = (keep: number) => figures(runBacktest(withViews(spec, keep), { ...data, recordWeights: false }));
  const withAll = figures(full);
  const prior = run(-1);
  return {
    withViews: withAll,
    prior,
    added: difference(withAll, prior),
    perView: views.length < 2 ? [] : views.map((view, j) => {
      const alone = run(j);
      return { view, alone, added: difference(alone, prior) };
    }),
  };
}

function difference(a: AttributionFigures, b: AttributionFigures): AttributionFigures {
  return Object.fromEntries(KEYS.map((k) => [k, a[k] !== null && b[k] !== null ? a[k] - b[k] : null])) as AttributionFigures;
}

type Json = Record<string, unknown>;

/** Labels of every view of every blackLitterman spec, in a depth-first walk of the strategy. */
function viewsOf(spec: StrategySpec): string[] {
  const out: string[] = [];
  walk(spec as unknown as Json, '', (node, path) => {
    (node['views'] as Json[]).forEach((v, j) => out.push(`${path} view ${j + 1}: ${label(v)}`));
    return node;
  });
  return out;
}

/** The spec with only view number `keep` (in viewsOf order) kept; −1 removes every view. */
function withViews(spec: StrategySpec, keep: number): StrategySpec {
  let index = 0;
  return walk(spec as unknown as Json, '', (node) => {
    const views = node['views'] as Json[];
    const kept = views.filter((_, j) => index + j === keep);
    index += views.length;
    return { ...node, views: kept };
  }) as unknown as StrategySpec;
}

/**
 * Visits every blackLitterman spec (children first, in key order) and rebuilds only the objects
 * on the way to a changed one; everything else is shared, so module functions attached to other
 * stages (non-enumerable) survive.
 */
function walk(node: Json, path: string, visit: (bl: Json, path: string) => Json): Json {
  let out: Json = node;
  for (const [key, value] of Object.entries(node)) {
    if (value === null || typeof value !== 'object') continue;
    const next = walk(value as Json, path ? `${path}.${key}` : key, visit);
    if (next !== value) {
      if (out === node) out = Array.isArray(node) ? ([...node] as unknown as Json) : { ...node };
      out[key] = next;
    }
  }
  return out['method'] === 'blackLitterman' && Array.isArray(out['views']) ? visit(out, path) : out;
}

function label(v: Json): string {
  const names = (x: unknown) => (Array.isArray(x) ? x.join('+') : String(x));
  const pct = (x: unknown) => `${Math.round(Number(x) * 1e4) / 100}%`;
  const side = v['short'] === undefined ? `${names(v['long'])} returns ${pct(v['return'])}` : `${names(v['long'])} beats ${names(v['short'])} by ${pct(v['excess'])}`;
  return `${side} a year (confidence ${v['confidence']})`;
}
