/**
 * `sleeves compare A B [C...]`: reports, run folders or strategy files side by side. Strategy
 * files are run on the fly with the shared backtest flags (nothing is written for them);
 * reports keep their own period and settings. Prints one table (or --json), and writes
 * --html / --csv files atomically.
 */
import type { Command } from 'commander';
import { addBacktestOptions, runOverrides, type BacktestFlags } from '../backtestOptions.js';
import { useColor, writeErr, writeOut } from '../output.js';
import { progressBar } from '../progressBar.js';

interface CompareFlags extends BacktestFlags {
  html?: string;
  csv?: string;
  allowModules?: boolean;
}

export function registerCompare(program: Command): void {
  const cmd = program
    .command('compare')
    .description('compare reports, run folders or strategy files side by side (table, --html, --csv, --json)')
    .argument('<inputs...>', 'two or more: report.json files, run folders or strategy files')
    .option('--html <file>', 'write one HTML page with the curves overlaid and each run\'s weights side by side')
    .option('--csv <file>', 'write the table as CSV (full precision)')
    .option('--allow-modules', 'run strategies with method: module (JavaScript that runs with your rights); refused without it');
  addBacktestOptions(cmd).addHelpText(
    'after',
    '\nExamples:\n' +
      '  sleeves compare strategies/seed-barbell.yaml strategies/sixty-forty.yaml --data ../prices --from 2015-01-01\n' +
      '  sleeves compare backtests/seed-barbell/2026-01-05T101500Z other/report.json --html compare.html\n' +
      '\nBacktest flags (--data, --from, --lag, ...) apply to strategy files only; reports keep their own.\n' +
      'Strategy files are run without writing run folders (use sleeves run to keep one).\n' +
      'Warns when the runs differ in period, data, costs, lag or convention profile.\n',
  );
  cmd.action(async (inputs: string[], flags: CompareFlags) => {
    const { UsageError } = await import('../../core/errors.js');
    if (inputs.length < 2) throw new UsageError('compare needs at least two inputs (reports, run folders or strategy files)');
    const { inputKind, loadReportInput } = await import('../../report/compareInputs.js');
    const { compareReports, uniqueLabels } = await import('../../report/compareReports.js');
    const kinds = inputs.map((arg) => inputKind(arg));
    const strategyCount = kinds.filter((k) => k === 'strategy').length;
    const progress = progressBar('compare', { quiet: flags.quiet });
    let ran = 0;
    const loaded: { source: string; report: import('../../report/reportTypes.js').Report; series: import('../../report/reportTypes.js').ReportSeries | null }[] = [];
    for (let i = 0; i < inputs.length; i++) {
      const arg = inputs[i]!;
      if (kinds[i] === 'strategy') {
        progress.update(ran++, strategyCount, `running ${arg}`);
        loaded.push({ source: arg, ...(await runStrategy(arg, flags)) });
      } else {
        const r = loadReportInput(arg);
        loaded.push({ source: arg, report: r.report, series: r.series });
      }
    }
    progress.end();
    const labels = uniqueLabels(loaded.map((l) => l.report.strategy.name));
    const entries = loaded.map((l, i) => ({ ...l, label: labels[i]! }));
    const comparison = compareReports(entries);
    if (strategyCount < inputs.length && (flags.from || flags.to || flags.lag || flags.costBps || flags.convention || (flags.set?.length ?? 0) > 0)) {
      comparison.warnings.unshift('backtest flags (--from, --to, --lag, --cost-bps, --convention, --set) apply to strategy files only; reports and run folders keep their own settings');
    }
    const { writeFileAtomic } = await import('../../core/writeFileAtomic.js');
    if (flags.html !== undefined) {
      const { renderCompareHtml } = await import('../../report/renderCompareHtml.js');
      writeFileAtomic(flags.html, await renderCompareHtml(comparison, entries));
    }
    if (flags.csv !== undefined) {
      const { renderCompareCsv } = await import('../../report/renderCompareCsv.js');
      writeFileAtomic(flags.csv, renderCompareCsv(comparison));
    }
    if (flags.json) writeOut(`${JSON.stringify(comparison, null, 2)}\n`);
    else if (!flags.quiet) {
      const { renderCompareTerminal } = await import('../../report/renderCompareTerminal.js');
      writeOut(renderCompareTerminal(comparison, { color: useColor() }));
    }
    if (!flags.quiet) for (const f of [flags.html, flags.csv]) if (f !== undefined) writeErr(`written: ${f}\n`);
  });
}

async function runStrategy(file: string, flags: CompareFlags) {
  const { prepareRun } = await import('../../run/prepareRun.js');
  const { backtestToReport } = await import('../../run/backtestToReport.js');
  const run = await prepareRun({
    source: { kind: 'strategy', file },
    dataDir: flags.data,
    overrides: runOverrides(flags),
    moduleConsent: { command: 'compare', allowed: flags.allowModules === true },
  });
  const { report } = backtestToReport(run, { includeSeries: true });
  const series = report.series ?? null;
  delete report.series;
  return { report, series };
}
