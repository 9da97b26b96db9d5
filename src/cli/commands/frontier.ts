/**
 * `sleeves frontier STRATEGY [--step 0.05] [--min 0 --max 1]`: every across-sleeve mix on a
 * simplex grid backtested with the strategy's own within methods, rebalancing, costs and
 * currency (src/frontier/runFrontier.ts, through the run boundary). Prints the efficient mixes
 * (or the JSON alone with --json) and writes --html FILE.
 */
import type { Command } from 'commander';
import { addBacktestOptions, runOverrides, type BacktestFlags } from '../backtestOptions.js';
import { writeErr, writeOut } from '../output.js';
import { progressBar } from '../progressBar.js';

interface FrontierFlags extends BacktestFlags {
  step: string;
  min: string;
  max: string;
  html?: string;
}

export function registerFrontier(program: Command): void {
  const cmd = program
    .command('frontier')
    .description('every mix of the sleeves on a simplex grid, backtested with the real rebalancing: CAGR against volatility and drawdown, efficient mixes marked')
    .argument('<strategy>', 'strategy file with two or more sleeves, e.g. strategies/seed-barbell.yaml')
    .option('--step <x>', 'grid step of the sleeve weights (1 divided by a whole number)', '0.05')
    .option('--min <x>', 'smallest weight of each sleeve', '0')
    .option('--max <x>', 'largest weight of each sleeve', '1')
    .option('--html <file>', 'write a page with CAGR against volatility and against max drawdown');
  addBacktestOptions(cmd);
  cmd.addHelpText(
    'after',
    '\nExamples:\n' +
      '  sleeves frontier strategies/seed-barbell.yaml --data ../prices --from 2015-01-01 --to 2024-12-31\n' +
      '  sleeves frontier strategies/seed-barbell.yaml --step 0.1 --min 0.05 --max 0.6 --html frontier.html\n' +
      '  sleeves frontier strategies/seed-barbell.yaml --json > frontier.json\n' +
      '\nEach mix replaces allocation.across by fixed weights; everything else is the file\'s. A mix\'s figures equal\n' +
      '`sleeves run` of the strategy with those fixed weights. 4 sleeves in steps of 0.05 are 1,771 mixes. See docs/frontier.md.\n',
  );
  cmd.action(async (file: string, flags: FrontierFlags) => {
    const { UserError } = await import('../../core/errors.js');
    const { prepareRun } = await import('../../run/prepareRun.js');
    const { runFrontier } = await import('../../frontier/runFrontier.js');
    const number = (text: string, flag: string): number => {
      const x = Number(text);
      if (!Number.isFinite(x) || text.trim() === '') throw new UserError(`${flag}: expected a number, got "${text}"`);
      return x;
    };
    const options = { step: number(flags.step, '--step'), min: number(flags.min, '--min'), max: number(flags.max, '--max') };
    const run = await prepareRun({ source: { kind: 'strategy', file }, dataDir: flags.data, overrides: runOverrides(flags) });
    const bar = progressBar('frontier', { quiet: flags.quiet });
    const report = runFrontier(run, { ...options, onProgress: bar.update });
    bar.end();
    if (flags.html !== undefined) {
      const { renderFrontierHtml } = await import('../../frontier/renderFrontierHtml.js');
      const { writeFileAtomic } = await import('../../core/writeFileAtomic.js');
      writeFileAtomic(flags.html, await renderFrontierHtml(report));
      if (!flags.quiet) writeErr(`written: ${flags.html}\n`);
    }
    if (flags.json) writeOut(`${JSON.stringify(report, null, 2)}\n`);
    else if (!flags.quiet) writeOut((await import('../../frontier/renderFrontierTerminal.js')).renderFrontierTerminal(report));
  });
}
