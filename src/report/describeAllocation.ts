/**
 * The allocation spec of a report in words for the tearsheet header: how sleeves are weighted
 * (method and its parameters), how assets within them are, each sleeve's own override, and the
 * rebalancing rule. Reads the resolved spec generically (every key it holds is shown), so a new
 * method or option appears without a change here.
 */
import type { Report } from './reportTypes.js';

function value(v: unknown): string {
  if (v === null || v === undefined) return '–';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return v.map(value).join(', ');
  if (typeof v === 'object') {
    const entries = Object.entries(v as Record<string, unknown>);
    return entries.map(([k, x]) => (typeof x === 'object' && x !== null ? `${k} (${value(x)})` : `${k} ${value(x)}`)).join(', ');
  }
  return String(v);
}

/** "method (k v, …)" of one stage, e.g. "fixed (weights: ai_leaders 0.3, defensive 0.3)". */
function stage(s: unknown): string {
  if (!s || typeof s !== 'object') return value(s);
  const { method, ...rest } = s as Record<string, unknown>;
  const params = Object.entries(rest).map(([k, x]) => `${k}: ${value(x)}`);
  return `${String(method ?? 'custom')}${params.length ? ` (${params.join('; ')})` : ''}`;
}

export function describeAllocation(report: Report): [string, string][] {
  const spec = report.strategy.spec as unknown as Record<string, unknown>;
  const rows: [string, string][] = [];
  const allocation = spec['allocation'] as Record<string, unknown> | undefined;
  if (allocation) {
    if (allocation['across']) rows.push(['across sleeves', stage(allocation['across'])]);
    if (allocation['within']) rows.push(['within sleeves', stage(allocation['within'])]);
    for (const [k, x] of Object.entries(allocation)) if (k !== 'across' && k !== 'within') rows.push([`allocation ${k}`, value(x)]);
  } else if (spec['weightsFile']) rows.push(['allocation', `targets from ${String(spec['weightsFile'])}`]);
  const sleeves = spec['sleeves'] as Record<string, Record<string, unknown>> | undefined;
  for (const [name, s] of Object.entries(sleeves ?? {})) {
    const own = Object.entries(s).filter(([k]) => k !== 'assets' && k !== 'role');
    if (own.length) rows.push([`sleeve ${name}`, own.map(([k, x]) => `${k}: ${k === 'within' ? stage(x) : value(x)}`).join('; ')]);
  }
  const rebalance = spec['rebalance'] as Record<string, unknown> | undefined;
  if (rebalance) rows.push(['rebalancing', value(rebalance)]);
  return rows;
}
