/**
 * `sleeves walkforward STRATEGY --grid PATH=V1,V2... --train 3y --test 1y`: choose the grid
 * variant on each training window, run it on the following test window (exactly `sleeves run
 * --set ... --from --to`), and stitch the test segments into one out-of-sample record.
 */
import { Option, type Command } from 'commander';
import { availableParallelism } from 'node:os';
import { addBacktestOptions, runOverrides, wholeNumberFlag, type BacktestFlags } from '../backtestOptions.js';
import { addCatalogOption, recordRun } from '../../catalog/recordRun.js';
import { useColor, writeOut } from '../output.js';
import { progressBar } from '../progressBar.js';

const METRICS = ['cagr', 'annualizedVolatility', 'sharpe', 'sortino', 'maxDrawdown', 'calmar', 'totalReturn', 'turnoverPerYear'] as const;

interface WalkForwardFlags extends BacktestFlags {
  grid: string[];
  train: string;
  test: string;
  anchored?: boolean;
  rankBy?: (typeof METRICS)[number];
  workers?: string;
  progress?: boolean;
  html: boolean;
  catalog: boolean;
}

export function registerWalkForward(program: Command): void {
  const cmd = program
    .command('walkforward')
    .description('walk-forward test: pick the best grid variant on each training window, run it on the next test window, stitch the test segments')
    .argument('<strategy>', 'strategy file (YAML or JSON), e.g. strategies/winner-takes-all.yaml')
    .option('--grid <PATH=V1,V2,...>', 'a dotted path into the resolved strategy and its values (repeatable), as for sweep', collect, [])
    .option('--train <length>', 'training window: whole years or months, e.g. 3y or 18m', '3y')
    .option('--test <length>', 'test window (and the step between folds), e.g. 1y or 6m', '1y')
    .option('--anchored', 'every training window starts at the first date (default: rolling windows of --train)')
    .addOption(new Option('--rank-by <metric>', 'metric that picks the variant on each training window (default: sharpe)').choices(METRICS))
    .option('--workers <n>', `worker threads for the training runs (default: ${availableParallelism()} here); 1 runs in-process`)
    .option('--progress', 'print progress lines even when stderr is not a terminal')
    .option('--no-html', 'do not write report.html');
  addCatalogOption(addBacktestOptions(cmd));
  cmd.addHelpText(
    'after',
    '\nExamples:\n' +
      '  sleeves walkforward strategies/winner-takes-all.yaml --grid sleeves.ai_leaders.within.lookback=63,126,252 \\\n' +
      '      --grid sleeves.ai_leaders.within.k=2,3,4 --train 3y --test 1y --data ../prices --to 2024-12-31\n' +
      '  sleeves walkforward strategies/winner-takes-all.yaml --grid sleeves.ai_leaders.within.k=2,3 --anchored --json\n' +
      '\nEach test segment is `sleeves run STRATEGY --set PATH=chosen... --from TEST_FROM --to TEST_TO` (the flags\n' +
      'are in report.json, folds[].run); a test window starts on the last day of its training window.\n' +
      'Writes OUT/<strategy>-walkforward/<run-id>/ with report.json, report.html, returns.csv (the stitched\n' +
      'out-of-sample series) and folds.csv. See docs/validation.md.\n',
  );
  cmd.action(async (file: string, flags: WalkForwardFlags) => {
    const { UserError } = await import('../../core/errors.js');
    const { parseGrid } = await import('../../sweep/parseGrid.js');
    const { parseDuration } = await import('../../validation/walkForwardFolds.js');
    const { runWalkForward } = await import('../../validation/runWalkForward.js');
    const { writeWalkForwardFolder } = await import('../../validation/writeWalkForwardFolder.js');
    const workers = flags.workers === undefined ? availableParallelism() : wholeNumberFlag(flags.workers, '--workers', 1, 1024);
    const grid = parseGrid(flags.grid);
    const bar = progressBar('walkforward', { quiet: flags.quiet, lines: flags.progress === true });
    const controller = new AbortController();
    const interrupt = (): void => controller.abort(new UserError('walkforward interrupted; nothing was written'));
    process.once('SIGINT', interrupt);
    process.once('SIGTERM', interrupt);
    try {
      const { report, stitched } = await runWalkForward({
        file,
        grid,
        dataDir: flags.data,
        overrides: runOverrides(flags),
        train: flags.train,
        test: flags.test,
        trainMonths: parseDuration(flags.train, '--train'),
        testMonths: parseDuration(flags.test, '--test'),
        anchored: flags.anchored === true,
        rankBy: flags.rankBy ?? 'sharpe',
        workers,
        onProgress: (done, total) => bar.update(done, total),
        signal: controller.signal,
      });
      bar.end();
      let html: string | null = null;
      if (flags.html) {
        const { renderWalkForwardHtml } = await import('../../validation/renderWalkForwardHtml.js');
        html = await renderWalkForwardHtml(report, stitched);
      }
      const folder = writeWalkForwardFolder(flags.out, report, stitched, html);
      const { walkForwardEntry } = await import('../../catalog/entriesFor.js');
      await recordRun(flags, () => walkForwardEntry(report, folder));
      if (flags.json) writeOut(`${JSON.stringify({ folder, ...report }, null, 2)}\n`);
      else if (!flags.quiet) {
        const { renderWalkForwardTerminal } = await import('../../validation/renderWalkForwardTerminal.js');
        writeOut(renderWalkForwardTerminal(report, { folder, color: useColor() }));
      }
    } finally {
      bar.end();
      process.off('SIGINT', interrupt);
      process.off('SIGTERM', interrupt);
    }
  });
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}
