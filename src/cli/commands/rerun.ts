/**
 * `sleeves rerun REPORT.json`: repeat a run from its manifest and say whether every figure is
 * identical. Exit code 0 when identical, 1 when not (or on a user error).
 */
import type { Command } from 'commander';
import { writeErr, writeOut } from '../output.js';

export function registerRerun(program: Command): void {
  program
    .command('rerun')
    .description('repeat a run from its report and say whether every figure is identical (exit 0) or not (exit 1)')
    .argument('<report>', 'a report.json or a run folder')
    .option('--data <dir>', 'read prices from DIR instead of the data folder recorded in the report')
    .option('--json', 'print the outcome as JSON on stdout')
    .option('--quiet', 'print nothing; the exit code says it (0 identical, 1 not)')
    .option('--debug', 'print stack traces for errors')
    .addHelpText(
      'after',
      '\nExamples:\n' +
        '  sleeves rerun backtests/seed-barbell/2026-01-05T101500Z\n' +
        '  sleeves rerun report.json --data ../prices\n' +
        '\nThe recorded data folder is a path relative to the directory the run was started from;\n' +
        'rerun resolves it against the current directory (run it from the same place, or pass --data).\n' +
        'Compared: every value of report.json (and of its series when it has them) except engineVersion.\n' +
        'Exit code: 0 when every figure is identical, 1 when one differs.\n',
    )
    .action(async (arg: string, flags: { data?: string; json?: boolean; quiet?: boolean }) => {
      const { loadReportInput } = await import('../../report/compareInputs.js');
      const { rerunReport } = await import('../../engine/rerunReport.js');
      const { renderRerun } = await import('../../report/renderRerun.js');
      const loaded = loadReportInput(arg);
      await (await import('../../strategy/prepareSolvers.js')).prepareSolvers(loaded.report.strategy.spec);
      const outcome = rerunReport(loaded.json, loaded.report, flags.data !== undefined ? { dataDir: flags.data } : {});
      if (flags.json) {
        const { report: _omit, ...rest } = outcome;
        writeOut(`${JSON.stringify({ report: loaded.file, ...rest }, null, 2)}\n`);
      } else if (!flags.quiet) {
        (outcome.identical ? writeOut : writeErr)(renderRerun(loaded.file, outcome));
      }
      if (!outcome.identical) process.exitCode = 1;
    });
}
