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
    .description('backtest a strategy file (or a weights schedule with --weights); writes a run folder and prints a summary')
    .argument('[strategy]', 'strategy file (YAML or JSON), e.g. strategies/seed-barbell.yaml')
    .option('--weights <file.csv>', 'backtest a weights schedule instead (date,<ticker>...; each row traded at its date\'s close, lag 0 unless --lag)')
    .option('--benchmark <ticker>', "benchmark ticker held buy-and-hold (overrides the strategy's)");
  addBacktestOptions(cmd).option('--no-html', 'do not write report.html into the run folder (saves about a second)');
  cmd.addHelpText(
    'after',
    '\nExamples:\n' +
      '  sleeves run strategies/seed-barbell.yaml\n' +
      '  sleeves run strategies/seed-barbell.yaml --data ../prices --from 2015-01-01 --to 2024-12-31\n' +
      '  sleeves run strategies/seed-barbell.yaml --json > report.json\n' +
      '  sleeves run --weights my-optimiser-weights.csv --benchmark SPY --data ../prices\n' +
      '\nWrites OUT/<strategy>/<run-id>/ with report.json, report.html, series.json (daily series), returns.csv,\n' +
      'weights.csv and strategy.resolved.json.\n' +
      'Timing: weights decided at the close of day t trade at the close of day t+lag (lag 1 unless --lag).\n',
  );
  cmd.action(async (file: string | undefined, flags: BacktestFlags & { weights?: string; benchmark?: string; html: boolean }) => {
    const { loadStrategy, strategySlug } = await import('../../strategy/loadStrategy.js');
    const { loadRunData } = await import('../../engine/loadRunData.js');
    const { backtestToReport } = await import('../../engine/backtestToReport.js');
    const { writeRunFolder } = await import('../../report/writeRunFolder.js');
    const { renderTerminal } = await import('../../report/renderTerminal.js');
    const { UsageError } = await import('../../core/errors.js');
    if ((file === undefined) === (flags.weights === undefined)) throw new UsageError('run takes a strategy file or --weights FILE.csv (one of the two)');
    const { weightsStrategySpec } = await import('../../strategy/weightsStrategySpec.js');
    const loaded = file !== undefined ? loadStrategy(file, flags).spec : weightsStrategySpec(flags.weights!, flags.benchmark);
    const spec = applyOverrides(flags.benchmark ? { ...loaded, benchmark: flags.benchmark } : loaded, flags);
    const source = file ?? flags.weights!;
    // User modules (method: module) load here, after the overrides (a clone drops them).
    await (await import('../../strategy/resolveModules.js')).resolveModules(spec);
    const data = await locateMissingTicker(file, () => loadRunData(spec, flags.data));
    if (flags.strict) (await import('../../data/priceSanity.js')).strictPriceSanity(data.warnings);
    const { report } = backtestToReport(spec, data, { strategyFile: file ?? null, includeSeries: true });
    const series = report.series!;
    if (!flags.includeSeries) delete report.series;
    const extra: Record<string, string> = { 'series.json': `${JSON.stringify(series)}\n` };
    if (flags.html) {
      const { renderHtml } = await import('../../report/renderHtml.js');
      extra['report.html'] = await renderHtml(report, series);
    }
    const folder = writeRunFolder(flags.out, strategySlug(source), report, series, { extra });
    if (flags.json) writeOut(`${JSON.stringify(report, null, 2)}\n`);
    else if (!flags.quiet) writeOut(renderTerminal(report, { color: useColor(), folder }));
  });
}

/** Prefixes a missing-ticker error with the strategy file's line that names the ticker. */
async function locateMissingTicker<T>(file: string | undefined, load: () => T): Promise<T> {
  try {
    return load();
  } catch (error) {
    const { MissingTickerError } = await import('../../data/loadPanel.js');
    if (file === undefined || !(error instanceof MissingTickerError)) throw error;
    const { readFileSync } = await import('node:fs');
    const { locateTicker } = await import('../../strategy/locateTicker.js');
    const { UserError } = await import('../../core/errors.js');
    const where = locateTicker({ file, text: readFileSync(file, 'utf8') }, error.ticker);
    throw where ? new UserError(`${where}: ${error.message}`) : error;
  }
}
