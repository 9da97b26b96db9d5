/**
 * `sleeves run STRATEGY`: backtest a strategy file, write a run folder, print a summary
 * (or the report JSON alone with --json).
 */
import type { Command } from 'commander';
import { addBacktestOptions, runOverrides, type BacktestFlags } from '../backtestOptions.js';
import { addCatalogOption, recordRun } from '../../catalog/recordRun.js';
import { useColor, writeOut } from '../output.js';

export function registerRun(program: Command): void {
  const cmd = program
    .command('run')
    .description('backtest a strategy file (or a weights schedule with --weights); writes a run folder and prints a summary')
    .argument('[strategy]', 'strategy file (YAML or JSON), e.g. strategies/seed-barbell.yaml')
    .option('--weights <file.csv>', 'backtest a weights schedule instead (date,<ticker>...; each row traded at its date\'s close, lag 0 unless --lag)')
    .option('--benchmark <ticker>', "benchmark ticker held buy-and-hold (overrides the strategy's)");
  addCatalogOption(addBacktestOptions(cmd).option('--no-html', 'do not write report.html into the run folder (saves about a second)'));
  cmd.addHelpText(
    'after',
    '\nExamples:\n' +
      '  sleeves run strategies/seed-barbell.yaml\n' +
      '  sleeves run strategies/seed-barbell.yaml --data ../prices --from 2015-01-01 --to 2024-12-31\n' +
      '  sleeves run strategies/seed-barbell.yaml --json > report.json\n' +
      '  sleeves run --weights my-optimiser-weights.csv --benchmark SPY --data ../prices\n' +
      '  sleeves run strategies/winner-takes-all.yaml --set allocation.within.k=3 --set costs.bps=10\n' +
      '\nWrites OUT/<strategy>/<run-id>/ with report.json, report.html, series.json (daily series), returns.csv,\n' +
      'weights.csv and strategy.resolved.json.\n' +
      'Timing: weights decided at the close of day t trade at the close of day t+lag (lag 1 unless --lag).\n',
  );
  cmd.action(async (file: string | undefined, flags: BacktestFlags & { weights?: string; benchmark?: string; html: boolean; catalog: boolean }) => {
    const { UsageError } = await import('../../core/errors.js');
    if ((file === undefined) === (flags.weights === undefined)) throw new UsageError('run takes a strategy file or --weights FILE.csv (one of the two)');
    // Imported together (the loader overlaps their reads); the summary and catalog modules only when used.
    const [{ prepareRun }, { backtestToReport }, { writeRunFolder, runId }] = await Promise.all([
      import('../../run/prepareRun.js'),
      import('../../run/backtestToReport.js'),
      import('../../report/writeRunFolder.js'),
    ]);
    const run = await prepareRun({
      source: file !== undefined ? { kind: 'strategy', file } : { kind: 'weights', file: flags.weights! },
      dataDir: flags.data,
      overrides: { ...runOverrides(flags), benchmark: flags.benchmark },
    });
    const { report } = backtestToReport(run, { includeSeries: true });
    const series = report.series!;
    if (!flags.includeSeries) delete report.series;
    const extra: Record<string, string> = {};
    if (flags.html) {
      const { renderHtml } = await import('../../report/renderHtml.js');
      extra['report.html'] = await renderHtml(report, series, { runId: runId(new Date()) });
    }
    const folder = writeRunFolder(flags.out, run.slug, report, series, { seriesJson: true, extra });
    if (flags.catalog !== false) {
      const { runEntry } = await import('../../catalog/entriesFor.js');
      await recordRun(flags, () => runEntry(report, folder, flags.set ?? []));
    }
    if (flags.json) writeOut(`${JSON.stringify(report, null, 2)}\n`);
    else if (!flags.quiet) {
      const { renderTerminal } = await import('../../report/renderTerminal.js');
      writeOut(renderTerminal(report, { color: useColor(), folder }));
    }
  });
}
