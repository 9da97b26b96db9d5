/**
 * `sleeves report REPORT.json --html FILE`: re-render a report (a report.json or a run folder)
 * as the self-contained HTML page. Without --html, prints the terminal summary.
 */
import type { Command } from 'commander';
import { useColor, writeErr, writeJson, writeOut } from '../output.js';

export function registerReport(program: Command): void {
  program
    .command('report')
    .description('re-render a report (report.json or run folder) as HTML or as the terminal summary')
    .argument('<report>', 'a report.json or a run folder')
    .option('--html <file>', 'write the self-contained HTML report to FILE (written to a temp file, then renamed into place)')
    .option('--json', 'print the report document (as report.json holds it) alone on stdout; with --html the page is written too')
    .option('--quiet', 'print nothing but errors (and the JSON with --json)')
    .option('--debug', 'print stack traces for errors')
    .addHelpText(
      'after',
      '\nExamples:\n' +
        '  sleeves report backtests/seed-barbell/2026-01-05T101500Z --html barbell.html\n' +
        '  sleeves report report.json\n' +
        '  sleeves report backtests/seed-barbell/2026-01-05T101500Z --json > report.json\n' +
        '\nDaily charts need the daily series: from the report (run --include-series) or from series.json beside it.\n',
    )
    .action(async (arg: string, flags: { html?: string; json?: boolean; quiet?: boolean }) => {
      const { loadReportInput } = await import('../../report/compareInputs.js');
      const loaded = loadReportInput(arg);
      if (flags.html !== undefined) {
        const { renderHtml } = await import('../../report/renderHtml.js');
        const { writeFileAtomic } = await import('../../core/writeFileAtomic.js');
        writeFileAtomic(flags.html, await renderHtml(loaded.report, loaded.series));
        if (!loaded.series) writeErr(`sleeves: ${loaded.file} has no daily series (no series.json beside it): the daily charts are left out\n`);
        if (!flags.quiet) writeErr(`written: ${flags.html}\n`);
      }
      if (flags.json) writeJson(loaded.report);
      if (flags.json || flags.html !== undefined) return;
      const { renderTerminal } = await import('../../report/renderTerminal.js');
      if (!flags.quiet) writeOut(renderTerminal(loaded.report, { color: useColor() }));
    });
}
