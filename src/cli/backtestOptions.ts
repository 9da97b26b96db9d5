/**
 * Flags shared by every command that runs backtests (CLI.md), and how they override a
 * strategy's resolved spec. The overridden spec is the one saved with the report.
 */
import { Option, type Command } from 'commander';
import { parseUserDate } from '../core/dates.js';
import { UserError } from '../core/errors.js';
import type { StrategySpec } from '../strategy/schema.js';
import { quoteCell } from '../core/terminalText.js';

export interface BacktestFlags {
  data: string;
  from?: string;
  to?: string;
  out: string;
  json?: boolean;
  convention?: 'standard' | 'performanceanalytics';
  periodsPerYear?: string;
  lag?: string;
  costBps?: string;
  quiet?: boolean;
  debug?: boolean;
  includeSeries?: boolean;
  /** Load `method: module` files from outside the strategy file's folder. */
  allowModulePath?: boolean;
  /** Price sanity findings (jumps, future dates, non-decimal numbers, subnormals) are errors. */
  strict?: boolean;
}

export function addBacktestOptions(cmd: Command): Command {
  return cmd
    .option('--data <dir>', 'folder of price files, one CSV per ticker', 'data/sample')
    .option('--from <YYYY-MM-DD>', 'first day of the backtest (default: first day every asset has a price)')
    .option('--to <YYYY-MM-DD>', 'last day of the backtest (default: last day every asset has a price)')
    .option('--out <dir>', 'folder for run folders', 'backtests')
    .option('--json', 'print the report JSON alone on stdout (everything else goes to stderr)')
    .addOption(new Option('--convention <name>', 'metric convention profile').choices(['standard', 'performanceanalytics']))
    .option('--periods-per-year <n>', 'periods per year for annualisation (default: inferred from the dates)')
    .option('--lag <n>', "trading days between decision and trade (overrides the strategy's)")
    .option('--cost-bps <x>', "proportional cost in basis points (overrides the strategy's)")
    .option('--include-series', 'include daily series (equity, weights, hhi...) in the JSON')
    .option('--quiet', 'print nothing but errors (and the JSON with --json)')
    .option('--debug', 'print stack traces for errors')
    .option('--strict', 'price sanity findings (one-day moves beyond -50%/+100%, dates after today, hex numbers, subnormal prices) are errors, not warnings')
    .option('--allow-module-path', 'load method: module files from anywhere (default: only from the strategy file\'s folder or below; modules run as code with your rights)');
}

export function applyOverrides(spec: StrategySpec, flags: BacktestFlags): StrategySpec {
  const out: StrategySpec = structuredClone(spec);
  if (flags.from !== undefined) {
    parseUserDate(flags.from, '--from');
    out.period = { ...out.period, from: flags.from };
  }
  if (flags.to !== undefined) {
    parseUserDate(flags.to, '--to');
    out.period = { ...out.period, to: flags.to };
  }
  if (out.period.from && out.period.to && out.period.from > out.period.to) {
    // Name each end where it came from: a flag, or the strategy file's period.
    const fromName = flags.from !== undefined ? '--from' : "the strategy's period.from";
    const toName = flags.to !== undefined ? '--to' : "the strategy's period.to";
    throw new UserError(`${fromName} ${out.period.from} is after ${toName} ${out.period.to}; expected from ≤ to`);
  }
  if (flags.convention) out.reporting = { ...out.reporting, convention: flags.convention };
  if (flags.periodsPerYear !== undefined) out.reporting = { ...out.reporting, periodsPerYear: positiveNumber(flags.periodsPerYear, '--periods-per-year') };
  if (flags.lag !== undefined) out.rebalance = { ...out.rebalance, lag: wholeNumberFlag(flags.lag, '--lag', 0, 20) };
  if (flags.costBps !== undefined) out.costs = { ...out.costs, bps: nonNegative(flags.costBps, '--cost-bps') };
  return out;
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

/** A whole-number flag in [min, max], or a UserError naming the flag and the range. */
export function wholeNumberFlag(text: string, flag: string, min: number, max: number): number {
  const x = Number(text);
  if (!Number.isInteger(x) || x < min || x > max || text.trim() === '') throw new UserError(`${flag}: expected a whole number from ${min} to ${max}, got ${quoteCell(text)}`);
  return x;
}
