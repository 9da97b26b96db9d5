/**
 * Leave one out: the strategy rerun without each asset, then without each sleeve, on the same
 * period, and the change of CAGR, Sharpe and max drawdown against the full run, sorted by
 * impact (|Δ CAGR|, then |Δ Sharpe|). See dropFromStrategy for how a removed name's weight is
 * handled.
 */
import { checkStrategy } from '../strategy/checkStrategy.js';
import { strategySchema, type StrategySpec } from '../strategy/schema.js';
import { strategyLayout } from '../engine/strategyLayout.js';
import { withoutAsset, withoutSleeve, type StrategyVariant } from './dropFromStrategy.js';
import type { RunFigures, SeriesFigures } from './runFigures.js';

export interface LeaveOneOutCase {
  readonly kind: 'asset' | 'sleeve';
  readonly name: string;
  /** null when removing it leaves no strategy (the only sleeve or the only asset) or no valid one. */
  readonly variant: StrategyVariant | null;
  /** Why it was not run, when the variant is not a valid strategy. */
  readonly reason?: string;
}

export interface LeaveOneOutRow {
  readonly kind: 'asset' | 'sleeve';
  readonly name: string;
  readonly figures: SeriesFigures | null;
  /** figure without it − figure of the full run (null when either is undefined). */
  readonly delta: { readonly cagr: number | null; readonly sharpe: number | null; readonly maxDrawdown: number | null };
  readonly notes: readonly string[];
}

export function leaveOneOutCases(spec: StrategySpec): LeaveOneOutCase[] {
  const layout = strategyLayout(spec);
  return [
    ...layout.assets.map((name) => checked({ kind: 'asset' as const, name, variant: withoutAsset(spec, name) })),
    ...layout.sleeves.map((s) => checked({ kind: 'sleeve' as const, name: s.name, variant: withoutSleeve(spec, s.name) })),
  ];
}

/**
 * A variant runs only if it is a valid strategy (the schema and the cross-field checks, as a
 * strategy file of it would be checked); otherwise it is not run and the row says why, e.g. a
 * Black–Litterman strategy whose only view named the removed sleeve.
 */
function checked(c: LeaveOneOutCase): LeaveOneOutCase {
  if (c.variant === null) return c;
  const parsed = strategySchema.safeParse(c.variant.spec);
  const problem = parsed.success ? checkStrategy(parsed.data)[0] : { path: parsed.error.issues[0]?.path ?? [], message: parsed.error.issues[0]?.message ?? 'invalid' };
  if (problem === undefined) return c;
  return { ...c, variant: null, reason: `removing ${c.name} leaves no valid strategy (${problem.path.join('.')}: ${problem.message}); not run` };
}

/** Rows for the cases, given the figures of each case that ran (null for those that could not). */
export function leaveOneOutRows(full: RunFigures, cases: readonly LeaveOneOutCase[], figures: readonly (SeriesFigures | null)[]): LeaveOneOutRow[] {
  const rows = cases.map((c, i): LeaveOneOutRow => {
    const g = figures[i] ?? null;
    const f: SeriesFigures | null = g ? { totalReturn: g.totalReturn, cagr: g.cagr, sharpe: g.sharpe, maxDrawdown: g.maxDrawdown } : null;
    const notes = c.variant ? c.variant.notes : [c.reason ?? `removing ${c.name} leaves nothing to hold; not run`];
    return {
      kind: c.kind,
      name: c.name,
      figures: f,
      delta: { cagr: diff(f?.cagr, full.cagr), sharpe: diff(f?.sharpe, full.sharpe), maxDrawdown: diff(f?.maxDrawdown, full.maxDrawdown) },
      notes,
    };
  });
  return rows.sort((a, b) => impact(b.delta.cagr) - impact(a.delta.cagr) || impact(b.delta.sharpe) - impact(a.delta.sharpe) || a.name.localeCompare(b.name));
}

function diff(x: number | null | undefined, base: number | null): number | null {
  return x === null || x === undefined || base === null ? null : x - base;
}

function impact(d: number | null): number {
  return d === null ? -1 : Math.abs(d);
}
