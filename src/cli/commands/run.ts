/**
 * `sleeves run STRATEGY`: backtest a strategy file, write a run folder, print a summary
 * (or the report JSON alone with --json).
 */
import type { Command } from 'commander';
import { addBacktestOptions, applyOverrides, type BacktestFlags } from '../backtestOptions.js';
import { useColor, writeOut } from '../output.js';

export function registerRun(program: Command): void {
  const cmd = program
    .command('run')
    .description('backtest a strategy file; writes a run folder and prints a summary')
    .argument('<strategy>', 'strategy file (YAML or JSON), e.g. strategies/seed-barbell.yaml');
  addBacktestOptions(cmd).addHelpText(
    'after',
    '\nExamples:\n' +
      '  sleeves run strategies/seed-barbell.yaml\n' +
      '  sleeves run strategies/seed-barbell.yaml --data ../prices --from 2015-01-01 --to 2024-12-31\n' +
      '  sleeves run strategies/seed-barbell.yaml --json > report.json\n' +
      '\nWrites OUT/<strategy>/<run-id>/ with report.json, returns.csv, weights.csv and strategy.resolved.json.\n' +
      'Timing: weights decided at the close of day t trade at the close of day t+lag (lag 1 unless --lag).\n',
  );
  cmd.action(async (file: string, flags: BacktestFlags) => {
    const { loadStrategy, strategySlug } = await import('../../strategy/loadStrategy.js');
    const { loadRunData } = await import('../../engine/loadRunData.js');
    const { backtestToReport } = await import('../../engine/backtestToReport.js');
    const { buildSeries } = await import('../../report/buildSeries.js');
    const { writeRunFolder } = await import('../../report/writeRunFolder.js');
    const { renderTerminal } = await import('../../report/renderTerminal.js');
    const spec = applyOverrides(loadStrategy(file).spec, flags);
    const data = loadRunData(spec, flags.data);
    const { report } = backtestToReport(spec, data, { strategyFile: file, includeSeries: true });
    const series = report.series!;
    if (!flags.includeSeries) delete report.series;
    const folder = writeRunFolder(flags.out, strategySlug(file), report, series);
    if (flags.json) writeOut(`${JSON.stringify(report, null, 2)}\n`);
    else if (!flags.quiet) writeOut(renderTerminal(report, { color: useColor(), folder }));
  });
}
