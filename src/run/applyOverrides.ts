/**
 * What the flags of a backtest command change in a strategy's resolved spec (CLI.md: --from,
 * --to, --lag, --cost-bps, --convention, --periods-per-year, --benchmark, --set PATH=VALUE).
 * The overridden spec is the one that runs and the one saved with the report. `--set` takes the
 * paths and value grammar of `sweep --grid` (one value each), so any sweep variant can be
 * repeated as a plain run; the result is re-validated by the schema and the cross-field checks.
 */
import { parseUserDate } from '../core/dates.js';
import { UserError } from '../core/errors.js';
import { quoteCell } from '../core/terminalText.js';
import { wholeNumberFlag } from '../core/wholeNumberFlag.js';
import type { StrategySpec } from '../strategy/schema.js';
import { parseGridArg, type GridParam } from '../sweep/parseGrid.js';
import { variantSpec } from '../sweep/variantSpec.js';

/** Flag values as the user typed them (strings), or undefined when not given. */
export interface RunOverrides {
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  readonly lag?: string | undefined;
  readonly costBps?: string | undefined;
  readonly convention?: 'standard' | 'performanceanalytics' | undefined;
  readonly periodsPerYear?: string | undefined;
  readonly benchmark?: string | undefined;
  /** `PATH=VALUE` texts, applied in order before the other flags. */
  readonly set?: readonly string[] | undefined;
  /** Not spec values, but read at the boundary: load modules from outside the strategy's folder; price sanity as errors. */
  readonly allowModulePath?: boolean | undefined;
  readonly strict?: boolean | undefined;
}

export function applyOverrides(spec: StrategySpec, flags: RunOverrides): StrategySpec {
  const sets = parseSets(flags.set ?? []);
  let out: StrategySpec = sets.length > 0 ? variantSpec(spec, sets, 0, '--set') : structuredClone(spec);
  if (flags.benchmark !== undefined) out.benchmark = flags.benchmark;
  if (flags.from !== undefined) {
    parseUserDate(flags.from, '--from');
    out.period = { ...out.period, from: flags.from };
  }
  if (flags.to !== undefined) {
    parseUserDate(flags.to, '--to');
    out.period = { ...out.period, to: flags.to };
  }
  if (out.period.from && out.period.to && out.period.from > out.period.to) {
    const from = flags.from !== undefined ? '--from' : "the strategy's period.from";
    const to = flags.to !== undefined ? '--to' : "the strategy's period.to";
    throw new UserError(`${from} ${out.period.from} is after ${to} ${out.period.to}; expected from ≤ to`);
  }
  if (flags.convention) out.reporting = { ...out.reporting, convention: flags.convention };
  if (flags.periodsPerYear !== undefined) out.reporting = { ...out.reporting, periodsPerYear: positiveNumber(flags.periodsPerYear, '--periods-per-year') };
  if (flags.lag !== undefined) out.rebalance = { ...out.rebalance, lag: wholeNumberFlag(flags.lag, '--lag', 0, 20) };
  if (flags.costBps !== undefined) out.costs = { ...out.costs, bps: nonNegative(flags.costBps, '--cost-bps') };
  return out;
}

/** `--set PATH=VALUE` texts → one-value grid parameters (a list of values is an error). */
function parseSets(texts: readonly string[]): GridParam[] {
  const params = texts.map((text) => {
    const p = parseGridArg(text, '--set');
    if (p.values.length !== 1) throw new UserError(`--set ${text}: expected one value (PATH=VALUE); to try several, use sleeves sweep --grid`);
    return p;
  });
  params.forEach((p, i) => {
    if (params.findIndex((q) => q.path === p.path) !== i) throw new UserError(`--set ${p.path}: given twice; give each path once`);
  });
  return params;
}

function positiveNumber(text: string, flag: string): number {
  const x = Number(text);
  if (!(x > 0) || !Number.isFinite(x)) throw new UserError(`${flag}: expected a positive number, got ${quoteCell(text)}`);
  return x;
}

function nonNegative(text: string, flag: string): number {
  const x = Number(text);
  if (!(x >= 0) || !Number.isFinite(x) || text.trim() === '') throw new UserError(`${flag}: expected a number ≥ 0, got ${quoteCell(text)}`);
  return x;
}
