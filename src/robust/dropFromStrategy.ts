/**
 * Strategy variants for leave-one-out: the same strategy without one asset or without one
 * sleeve. Pure: spec in, spec out, with notes saying what was changed.
 *
 * - Without an asset: it is removed from every sleeve that lists it; a sleeve left empty is
 *   removed (and its across weight with it, below).
 * - Without a sleeve: the sleeve is removed.
 * - A removed name (ticker or sleeve) is also removed from the allocation parameters that name
 *   it: a fixed weight (`weights`) or a core weight (`core`) is dropped and the remaining named
 *   weights other than `cash` are renormalised to the total they had with it,
 *   w'_k = w_k · S / (S − w_removed) with S the sum over the non-cash names, so the invested
 *   share stays the same and the cash share (a `cash` weight, or the rest below 1) is kept;
 *   a risk budget is dropped; a safe candidate is dropped (of a method or of the
 *   trend-filter overlay at the same level).
 */
import { CASH_NAME } from '../allocation/fixedWeights.js';
import type { StrategySpec } from '../strategy/schema.js';

export interface StrategyVariant {
  readonly spec: StrategySpec;
  readonly notes: string[];
}

/** The strategy without `ticker`, or null when nothing would be left. */
export function withoutAsset(spec: StrategySpec, ticker: string): StrategyVariant | null {
  const out: StrategySpec = structuredClone(spec);
  const notes: string[] = [];
  const emptied: string[] = [];
  for (const [name, sleeve] of Object.entries(out.sleeves)) {
    if (Array.isArray(sleeve.assets)) {
      const tickerOf = (m: (typeof sleeve.assets)[number]) => (typeof m === 'string' ? m : m.ticker);
      if (!sleeve.assets.some((m) => tickerOf(m) === ticker)) continue;
      sleeve.assets = sleeve.assets.filter((m) => tickerOf(m) !== ticker);
      if (sleeve.assets.length === 0) emptied.push(name);
    } else {
      if (!Object.hasOwn(sleeve.assets, ticker)) continue;
      delete sleeve.assets[ticker];
      if (Object.keys(sleeve.assets).length === 0) emptied.push(name);
    }
    if (sleeve.within) sleeve.within = dropName(sleeve.within, ticker, `sleeve ${name}`, notes);
  }
  out.allocation.within = dropName(out.allocation.within, ticker, 'allocation.within', notes);
  const overlay = out.allocation.trendFilter;
  if (overlay?.level === 'asset') out.allocation.trendFilter = dropName(overlay, ticker, 'allocation.trendFilter', notes);
  for (const name of emptied) {
    notes.push(`sleeve ${name} is left empty and is removed`);
    if (!removeSleeve(out, name, notes)) return null;
  }
  return Object.keys(out.sleeves).length === 0 ? null : { spec: out, notes };
}

/** The strategy without sleeve `name`, or null when it is the only sleeve. */
export function withoutSleeve(spec: StrategySpec, name: string): StrategyVariant | null {
  const out: StrategySpec = structuredClone(spec);
  const notes: string[] = [];
  return removeSleeve(out, name, notes) ? { spec: out, notes } : null;
}

function removeSleeve(spec: StrategySpec, name: string, notes: string[]): boolean {
  delete spec.sleeves[name];
  if (Object.keys(spec.sleeves).length === 0) return false;
  spec.allocation.across = dropName(spec.allocation.across, name, 'allocation.across', notes);
  const overlay = spec.allocation.trendFilter;
  if (overlay?.level === 'sleeve') spec.allocation.trendFilter = dropName(overlay, name, 'allocation.trendFilter', notes);
  return true;
}

/**
 * A method spec without `name` in the parameters that name candidates (recursing into nested
 * method specs such as a core-satellite's satellite or a trend filter's base).
 */
export function dropName<M extends object>(method: M, name: string, where: string, notes: string[]): M {
  const out: Record<string, unknown> = { ...(method as Record<string, unknown>) };
  for (const key of ['weights', 'core'] as const) {
    const named = out[key];
    if (!isRecord(named) || !Object.hasOwn(named, name)) continue;
    const removed = named[name] as number;
    const rest = Object.entries(named).filter(([k]) => k !== name) as [string, number][];
    // An explicit cash weight is kept as it is; only the other named weights are rescaled.
    const isCash = (k: string) => key === 'weights' && k === CASH_NAME;
    const total = rest.reduce((s, [k, w]) => (isCash(k) ? s : s + w), 0) + removed;
    const left = total - removed;
    const scale = left > 0 ? total / left : 1;
    out[key] = Object.fromEntries(rest.map(([k, w]) => [k, isCash(k) ? w : w * scale]));
    notes.push(
      left > 0
        ? `${where}: the ${key === 'core' ? 'core' : 'fixed'} weight ${fmt(removed)} of ${name} is removed and the other named weights are renormalised ×${fmt(scale)} to keep their total ${fmt(total)}`
        : `${where}: the ${key === 'core' ? 'core' : 'fixed'} weight ${fmt(removed)} of ${name} is removed; no other named weight is left`,
    );
  }
  // riskParity's relative riskBudgets, riskBudget's budgets (renormalised over the rest by the allocator).
  for (const key of ['riskBudgets', 'budgets'] as const) {
    const budgets = out[key];
    if (isRecord(budgets) && Object.hasOwn(budgets, name)) {
      out[key] = Object.fromEntries(Object.entries(budgets).filter(([k]) => k !== name));
      notes.push(`${where}: the risk budget of ${name} is removed`);
    }
  }
  // blackLitterman: the prior is normalised over the candidates by the allocator; a view that
  // names the removed candidate (long or short) goes with it.
  const prior = out['prior'];
  if (isRecord(prior) && Object.hasOwn(prior, name)) {
    out['prior'] = Object.fromEntries(Object.entries(prior).filter(([k]) => k !== name));
    notes.push(`${where}: the prior weight of ${name} is removed (the prior is renormalised over the rest)`);
  }
  const views = out['views'];
  if (Array.isArray(views)) {
    const kept = views.filter((v) => !(isRecord(v) && (v['long'] === name || v['short'] === name)));
    if (kept.length < views.length) {
      out['views'] = kept;
      notes.push(`${where}: ${views.length - kept.length} view(s) naming ${name} are removed`);
    }
  }
  const safe = out['safe'];
  if (Array.isArray(safe) && safe.includes(name)) {
    out['safe'] = safe.filter((s) => s !== name);
    notes.push(`${where}: ${name} is removed from the safe candidates`);
  }
  for (const [key, value] of Object.entries(out)) {
    if (isRecord(value) && typeof value['method'] === 'string') out[key] = dropName(value, name, `${where}.${key}`, notes);
  }
  return out as M;
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function fmt(x: number): string {
  return String(Number(x.toPrecision(6)));
}
