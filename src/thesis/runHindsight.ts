/**
 * The hindsight premium: the strategy as written (its members chosen knowing which names would
 * lead) against the same strategy whose named sleeve holds, between reselection dates, what a
 * price-only rule would have picked then from a candidate universe (src/thesis/
 * pointInTimeMembers.ts). Both runs go through the run boundary (`load` is loadRun on the
 * resolved strategy); the point-in-time run is an ordinary strategy with dated members, on the
 * as-written run's period. The premium is as-written − point-in-time for each figure. Pure apart
 * from `load`.
 */
import { formatIsoDate, parseIsoDate } from '../core/dates.js';
import { UserError } from '../core/errors.js';
import { lowerBound } from '../core/panel.js';
import type { PreparedRun } from '../run/prepareRun.js';
import { backtestToReport } from '../run/backtestToReport.js';
import { calendarSchedule } from '../schedule/calendarSchedule.js';
import { checkStrategy } from '../strategy/checkStrategy.js';
import { closestName } from '../strategy/closestName.js';
import type { StrategySpec } from '../strategy/schema.js';
import { sleeveMembers } from '../strategy/sleeveMembers.js';
import { datedMembers, selectPointInTime, type DatedMember } from './pointInTimeMembers.js';

export interface HindsightOptions {
  readonly sleeve: string;
  readonly universe: readonly string[];
  readonly select: number;
  readonly lookback: number;
  readonly reselect: 'monthly' | 'quarterly' | 'yearly';
}

export const HINDSIGHT_METRICS = ['totalReturn', 'cagr', 'annualizedVolatility', 'sharpe', 'maxDrawdown'] as const;
type Figures = Record<(typeof HINDSIGHT_METRICS)[number], number | null>;

export interface HindsightReport {
  readonly strategy: string;
  readonly sleeve: string;
  readonly selectedOn: string | null;
  readonly period: { readonly start: string; readonly end: string };
  readonly rule: HindsightOptions & { readonly on: 'first' | 'last'; readonly description: string };
  readonly asWritten: { readonly metrics: Figures; readonly members: readonly string[] };
  readonly pointInTime: { readonly metrics: Figures; readonly members: readonly { date: string; sleeve: string; tickers: readonly string[] }[]; readonly assets: readonly DatedMember[] };
  readonly premium: Figures;
  /** The as-written members the rule did not pick at the first reselection date, with the first date it did (null: never). */
  readonly notYetQualified: readonly { ticker: string; firstSelected: string | null }[];
  readonly warnings: readonly string[];
}

/** The two equity curves (growth of 1), for the HTML page; not part of the JSON. */
export interface HindsightCurves {
  readonly asWritten: { readonly dates: string[]; readonly equity: number[] };
  readonly pointInTime: { readonly dates: string[]; readonly equity: number[] };
}

export function runHindsight(asWritten: PreparedRun, options: HindsightOptions, load: (spec: StrategySpec) => PreparedRun): { report: HindsightReport; curves: HindsightCurves } {
  const spec = asWritten.spec;
  const names = Object.keys(spec.sleeves);
  if (!names.includes(options.sleeve)) throw new UserError(`--sleeve: ${options.sleeve} is not a sleeve of ${spec.name} (${names.join(', ')})${hint(options.sleeve, names)}`);
  if (spec.weightsFile !== undefined) throw new UserError('sleeves hindsight: a strategy driven by a weightsFile has no sleeve members to replace');
  if (options.select > options.universe.length) throw new UserError(`--select ${options.select}: the universe has ${options.universe.length} tickers`);
  const a = backtestToReport(asWritten);
  const period = { from: a.report.period.start, to: a.report.period.end };
  const base: StrategySpec = {
    ...spec,
    period,
    // A candidate without prices at the start is not picked before it has `lookback` rows; it must not stop the run.
    data: { ...spec.data, lateStart: spec.data.lateStart === 'refuse' ? 'redistribute' : spec.data.lateStart },
  };
  const withAssets = (assets: StrategySpec['sleeves'][string]['assets']): StrategySpec => ({ ...base, sleeves: { ...base.sleeves, [options.sleeve]: { ...base.sleeves[options.sleeve]!, assets } } });
  const universe = load(withAssets([...options.universe]));
  const on = spec.rebalance.on;
  const mask = calendarSchedule(a.result.dates, { schedule: options.reselect, on, offset: spec.rebalance.offset });
  const panel = universe.inputs.panel;
  const rows: number[] = [];
  for (let t = 0; t < mask.length; t++) {
    if (mask[t] !== 1) continue;
    const day = a.result.dates[t]!;
    const r = lowerBound(panel.dates, day);
    rows.push(panel.dates[r] === day ? r : r - 1);
  }
  const selections = selectPointInTime(panel, rows, { candidates: options.universe, select: options.select, lookback: options.lookback });
  const warnings: string[] = [];
  for (const s of selections) if (s.tickers.length < options.select) warnings.push(`${s.date}: only ${s.tickers.length} of the candidates had ${options.lookback} rows of prices; the sleeve holds ${s.tickers.length === 0 ? 'nothing' : s.tickers.join(', ')} until the next reselection`);
  const members = datedMembers(selections);
  if (members.length === 0) throw new UserError(`sleeves hindsight: no candidate had ${options.lookback} rows of prices at any reselection date`);
  const pitSpec = withAssets(members.map((m) => ({ ...m })));
  const issues = checkStrategy(pitSpec);
  if (issues.length > 0) throw new UserError(`sleeves hindsight: the point-in-time strategy is not valid: ${issues[0]!.message} (a within method or constraint that names tickers cannot follow changing members)`);
  const b = backtestToReport(load(pitSpec));
  const pick = (m: Record<string, number | null>): Figures => Object.fromEntries(HINDSIGHT_METRICS.map((k) => [k, m[k] ?? null])) as Figures;
  const fa = pick(a.report.metrics);
  const fb = pick(b.report.metrics);
  const premium = Object.fromEntries(HINDSIGHT_METRICS.map((k) => [k, fa[k] !== null && fb[k] !== null ? fa[k]! - fb[k]! : null])) as Figures;
  const written = sleeveMembers(spec.sleeves[options.sleeve]!).map((m) => m.ticker);
  const first = selections[0]?.tickers ?? [];
  const notYetQualified = written.filter((t) => !first.includes(t)).map((t) => ({ ticker: t, firstSelected: selections.find((s) => s.tickers.includes(t))?.date ?? null }));
  if (spec.selectedOn && parseIsoDate(spec.selectedOn) > parseIsoDate(period.from)) warnings.push(`the members were selected on ${spec.selectedOn}, after the period start ${period.from}: the as-written run knows which names would lead`);
  const curve = (r: typeof a) => ({ dates: Array.from(r.result.dates, formatIsoDate), equity: Array.from(r.result.ledger.equity) });
  const report: HindsightReport = {
    strategy: spec.name,
    sleeve: options.sleeve,
    selectedOn: spec.selectedOn ?? null,
    period: { start: period.from, end: period.to },
    rule: { ...options, on, description: `the ${options.select} of ${options.universe.length} candidates with the highest ${options.lookback}-day total return, reselected ${options.reselect} on the ${on} trading day` },
    asWritten: { metrics: fa, members: written },
    pointInTime: { metrics: fb, members: selections.map((s) => ({ date: s.date, sleeve: options.sleeve, tickers: s.tickers })), assets: members },
    premium,
    notYetQualified,
    warnings: [...warnings, ...b.report.warnings.filter((w) => !a.report.warnings.includes(w)).map((w) => `point in time: ${w}`)],
  };
  return { report, curves: { asWritten: curve(a), pointInTime: curve(b) } };
}

function hint(name: string, names: readonly string[]): string {
  const c = closestName(name, names);
  return c ? `; did you mean ${c}?` : '';
}
