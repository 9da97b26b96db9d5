/**
 * `sleeves hindsight STRATEGY --sleeve NAME --universe T1,T2,... --select K --lookback N
 * --reselect yearly`: the strategy as written against the same strategy with the sleeve's members
 * picked point in time by a price-only rule (src/thesis/runHindsight.ts), both through the run
 * boundary. Prints the comparison (or the JSON alone with --json).
 */
import type { Command } from 'commander';
import { Option } from 'commander';
import { addBacktestOptions, runOverrides, wholeNumberFlag, type BacktestFlags } from '../backtestOptions.js';
import { writeOut } from '../output.js';

interface HindsightFlags extends BacktestFlags {
  sleeve: string;
  universe: string;
  select: string;
  lookback: string;
  reselect: 'monthly' | 'quarterly' | 'yearly';
  html?: string;
}

export function registerHindsight(program: Command): void {
  const cmd = program
    .command('hindsight')
    .description('how much of a backtest is knowing today which names would lead: the strategy as written vs its sleeve picked point in time')
    .argument('<strategy>', 'strategy file (YAML or JSON), e.g. strategies/winner-takes-all.yaml')
    .requiredOption('--sleeve <name>', 'the sleeve whose members are replaced')
    .requiredOption('--universe <tickers>', 'candidate tickers, comma-separated (each needs a price file)')
    .requiredOption('--select <k>', 'how many candidates the rule picks')
    .option('--lookback <n>', 'trailing total return over this many trading days ranks the candidates', '252')
    .option('--html <file>', 'also write a page with both equity curves and the point-in-time membership grid')
    .addOption(new Option('--reselect <rule>', 'when the rule picks again (on the strategy\'s rebalance day of that period)').choices(['monthly', 'quarterly', 'yearly']).default('yearly'));
  addBacktestOptions(cmd);
  cmd.addHelpText(
    'after',
    '\nExamples:\n' +
      '  sleeves hindsight strategies/winner-takes-all.yaml --sleeve ai_leaders --universe NVDA,MSFT,GOOGL,AMZN,META,AVGO,TSM,AMD,BABA,BIDU --select 8 --lookback 252 --reselect yearly\n' +
      '  sleeves hindsight strategies/seed-barbell.yaml --sleeve ai_leaders --universe NVDA,MSFT,GOOGL,TSM,AMD,META --select 4 --json\n' +
      '\nBoth runs go through the same run boundary as `sleeves run`, on the as-written run\'s period. The point-in-time\n' +
      'run is an ordinary strategy with dated members ({ticker, from, to}); `--json` prints it under pointInTime.assets.\n' +
      'See docs/thesis-lab.md.\n',
  );
  cmd.action(async (file: string, flags: HindsightFlags) => {
    const { loadRun, resolveRun } = await import('../../run/prepareRun.js');
    const { runHindsight } = await import('../../thesis/runHindsight.js');
    const { renderHindsightTerminal } = await import('../../thesis/renderHindsightTerminal.js');
    const { UserError } = await import('../../core/errors.js');
    const universe = [...new Set(flags.universe.split(',').map((t) => t.trim()).filter((t) => t.length > 0))];
    if (universe.length === 0) throw new UserError('--universe: expected tickers separated by commas, e.g. NVDA,MSFT,AVGO');
    const select = wholeNumberFlag(flags.select, '--select', 1, 1000);
    const lookback = wholeNumberFlag(flags.lookback, '--lookback', 1, 5000);
    const resolved = await resolveRun({ source: { kind: 'strategy', file }, overrides: runOverrides(flags) });
    const { report, curves } = runHindsight(loadRun(resolved, flags.data), { sleeve: flags.sleeve, universe, select, lookback, reselect: flags.reselect }, (spec) => loadRun(resolved, flags.data, spec));
    if (flags.html) {
      const { renderHindsightHtml } = await import('../../thesis/renderHindsightHtml.js');
      const { writeFileAtomic } = await import('../../core/writeFileAtomic.js');
      writeFileAtomic(flags.html, await renderHindsightHtml(report, curves));
    }
    if (flags.json) writeOut(`${JSON.stringify(report, null, 2)}\n`);
    else if (!flags.quiet) writeOut(renderHindsightTerminal(report));
  });
}
