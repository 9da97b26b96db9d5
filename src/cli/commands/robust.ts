/**
 * `sleeves robust STRATEGY`: leave-one-out, start-date sensitivity, stationary block bootstrap,
 * stress windows and the yearly concentration regime. Prints the tables (or the JSON alone with
 * --json) and writes robust.json and robust.html into OUT/<strategy>-robust/<run-id>/.
 */
import type { Command } from 'commander';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { addBacktestOptions, runOverrides, wholeNumberFlag, type BacktestFlags } from '../backtestOptions.js';
import { addCatalogOption, recordRun } from '../../catalog/recordRun.js';
import { useColor, writeErr, writeOut } from '../output.js';
import { progressBar } from '../progressBar.js';

interface RobustFlags extends BacktestFlags {
  seed: string;
  paths: string;
  block: string;
  workers?: string;
  html: boolean;
  offsets?: string | boolean;
  catalog: boolean;
}

export function registerRobust(program: Command): void {
  const cmd = program
    .command('robust')
    .description('how much of a result is one name, one start date, one regime: leave-one-out, start dates, bootstrap, stress windows')
    .argument('<strategy>', 'strategy file (YAML or JSON), e.g. strategies/seed-barbell.yaml')
    .option('--seed <n>', 'seed of the bootstrap (same seed, same intervals)', '1')
    .option('--paths <n>', 'number of bootstrap paths', '200')
    .option('--block <n>', 'mean block length of the stationary bootstrap, in trading days', '21')
    .option('--workers <n>', 'worker threads (default: available cores, at most 8; 1 runs in-process)')
    .option('--offsets [n]', 'rebalance timing luck: rerun with every calendar decision moved 0..n−1 trading days later (default n: one period, 21 for monthly)');
  addCatalogOption(addBacktestOptions(cmd).option('--no-html', 'do not write robust.html'));
  cmd.addHelpText(
    'after',
    '\nExamples:\n' +
      '  sleeves robust strategies/seed-barbell.yaml\n' +
      '  sleeves robust strategies/seed-barbell.yaml --data ../prices --from 2015-01-01 --to 2024-12-31\n' +
      '  sleeves robust strategies/seed-barbell.yaml --paths 1000 --block 63 --seed 7 --json > robust.json\n' +
      '  sleeves robust strategies/seed-barbell.yaml --offsets\n' +
      '\nLeave one out reruns without each asset (a sleeve left empty is removed; a removed fixed sleeve weight is\n' +
      'renormalised over the other sleeves) and without each sleeve. Start dates: the first trading day of every\n' +
      'month, held to the end and for 3 and 5 years. Bootstrap: stationary block bootstrap (Politis & Romano 1994)\n' +
      'of the daily returns, all assets and the benchmark resampled jointly; every path starts at the first return.\n' +
      'Stress windows: built-in crises plus the strategy file\'s stressWindows: [{name, from, to}].\n' +
      'Writes OUT/<strategy>-robust/<run-id>/ with robust.json and robust.html. Results depend on --seed only,\n' +
      'not on --workers.\n',
  );
  cmd.action(async (file: string, flags: RobustFlags) => {
    const { loadRun, resolveRun } = await import('../../run/prepareRun.js');
    const { runRobust } = await import('../../robust/runRobust.js');
    const { parallelJobs } = await import('../../robust/parallelJobs.js');
    const { renderRobustTerminal } = await import('../../robust/renderRobustTerminal.js');
    const { writeNewRunFolder } = await import('../../report/writeRunFolder.js');
    const { UserError } = await import('../../core/errors.js');
    const seed = wholeNumberFlag(flags.seed, '--seed', 0, 2 ** 32 - 1);
    const paths = wholeNumberFlag(flags.paths, '--paths', 1, 100_000);
    const block = Number(flags.block);
    if (!(block >= 1) || !Number.isFinite(block)) throw new UserError(`--block: expected a mean block length ≥ 1 (trading days), got "${flags.block}"`);
    const workers = flags.workers === undefined ? Math.max(1, Math.min(8, availableParallelism())) : wholeNumberFlag(flags.workers, '--workers', 1, 256);

    // The full run happens in this thread: its user modules (method: module) load here.
    const resolved = await resolveRun({ source: { kind: 'strategy', file }, overrides: runOverrides(flags) });
    const run = loadRun(resolved, flags.data);
    const data = run.inputs;
    const progress = progressBar('robust', { quiet: flags.quiet });
    const report = await runRobust(
      run.spec,
      data.panel,
      {
        seed,
        paths,
        block,
        strategyFile: file,
        data: { directory: data.directory, synthetic: data.synthetic },
        cashRates: data.cashRates,
        // A leave-one-out variant with other tickers loads its own panel, through the same boundary.
        loadVariant: (variant) => loadRun(resolved, flags.data, variant).inputs.panel,
      },
      parallelJobs({ workers, onProgress: progress.update }),
    );
    progress.end();
    let luck = {};
    if (flags.offsets !== undefined) {
      const { timingLuck, defaultOffsetCount } = await import('../../robust/timingLuck.js');
      const count = flags.offsets === true ? defaultOffsetCount(run.spec) : wholeNumberFlag(String(flags.offsets), '--offsets', 1, 253);
      luck = { timingLuck: timingLuck(run.spec, { ...data, prepared: run.prepared }, count) };
    }
    const withData = { ...report, ...luck, warnings: [...data.warnings, ...report.warnings] };
    // The folder is built under a hidden temp name and renamed whole: never robust.json alone.
    const files: Record<string, string> = { 'robust.json': `${JSON.stringify(withData, null, 2)}\n` };
    if (flags.html) files['robust.html'] = await (await import('../../robust/renderRobustHtml.js')).renderRobustHtml(withData);
    const folder = writeNewRunFolder(path.join(flags.out, `${run.slug}-robust`), files);
    const { robustEntry } = await import('../../catalog/entriesFor.js');
    await recordRun(flags, () => robustEntry(withData, run.spec, data.files, folder, flags.set ?? []));
    if (flags.json) writeOut(`${JSON.stringify({ folder, ...withData }, null, 2)}\n`);
    else if (!flags.quiet) writeOut(renderRobustTerminal(withData, { color: useColor(), folder }));
  });
}

