/**
 * Flags shared by every command that runs backtests (CLI.md), handed to the run boundary
 * (src/run/prepareRun.ts), which applies them to the strategy's resolved spec.
 */
import { Option, type Command } from 'commander';
import type { RunOverrides } from '../run/applyOverrides.js';

export { wholeNumberFlag } from '../core/wholeNumberFlag.js';

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
  set?: string[];
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
    .option('--set <PATH=VALUE>', 'set one value of the resolved strategy (repeatable; the paths and values of sweep --grid), e.g. --set costs.bps=10', collect, [])
    .option('--include-series', 'include daily series (equity, weights, hhi...) in the JSON')
    .option('--quiet', 'print nothing but errors (and the JSON with --json)')
    .option('--debug', 'print stack traces for errors')
    .option('--strict', 'price sanity findings (one-day moves beyond -50%/+100%, dates after today, hex numbers, subnormal prices) are errors, not warnings')
    .option('--allow-module-path', 'load method: module files from anywhere (default: only from the strategy file\'s folder or below; modules run as code with your rights)');
}

/** The flags that change the strategy's spec, as the run boundary takes them. */
export function runOverrides(flags: BacktestFlags): RunOverrides {
  return {
    from: flags.from,
    to: flags.to,
    lag: flags.lag,
    costBps: flags.costBps,
    convention: flags.convention,
    periodsPerYear: flags.periodsPerYear,
    set: flags.set,
    allowModulePath: flags.allowModulePath,
    strict: flags.strict,
  };
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}
