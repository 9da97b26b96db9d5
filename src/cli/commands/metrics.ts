/**
 * `sleeves metrics RETURNS.csv`: the metrics of any CSV of periodic simple returns
 * (`date,<name>...`), one column per series, under a named convention profile.
 */
import type { Command } from 'commander';
import { UserError } from '../../core/errors.js';
import type { MetricsOptions } from '../../metrics/metricsDocument.js';
import { useColor, writeErr, writeOut } from '../output.js';

export function registerMetrics(program: Command): void {
  program
    .command('metrics')
    .description('metrics of a CSV of periodic simple returns (date,<name>...; one column per series)')
    .argument('<returns>', 'CSV file: header date,<name>..., one row per period, simple returns (0.01 = 1%)')
    .option('--benchmark <column>', 'column to use as the benchmark for beta, alpha, tracking error, information ratio, capture')
    .option('--convention <name>', 'metric convention: standard | performanceanalytics', 'standard')
    .option('--periods-per-year <n>', 'periods per year (default: inferred from the date spacing: 252, 52, 12, 4 or 1)')
    .option('--risk-free <rate>', 'annual risk-free rate for Sharpe and alpha, e.g. 0.02', '0')
    .option('--prices', 'the file holds prices, not returns: convert each column to simple returns p_t/p_{t-1} - 1 first (a price file such as SPY.csv is read as one series, its adjusted close)')
    .option('--json', 'print only the JSON document on stdout')
    .addHelpText(
      'after',
      '\nExamples:\n' +
        '  sleeves metrics returns.csv\n' +
        '  sleeves metrics returns.csv --benchmark SPY --convention performanceanalytics --json\n' +
        '  sleeves metrics monthly.csv --periods-per-year 12 --risk-free 0.02\n' +
        '  sleeves metrics data/sample/SPY.csv --prices\n' +
        '\nA file that looks like prices (a header with open/high/low/close/adj close/volume, or a column whose\n' +
        'values are all > 0 with a median above 0.5) is refused without --prices.\n',
    )
    .action(async (file: string, raw: Record<string, string | boolean | undefined>) => {
      const { readFileSync } = await import('node:fs');
      const { readReturnsCsv } = await import('../../data/readReturnsCsv.js');
      const { metricsDocument } = await import('../../metrics/metricsDocument.js');
      const { renderMetricsTable } = await import('../../report/renderMetricsTable.js');
      const { parseConventionName } = await import('../../metrics/convention.js');
      const options = parseOptions(raw, parseConventionName);
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (error) {
        throw new UserError(`${file}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
      }
      const table = readReturnsCsv(text, file, { prices: raw.prices === true });
      const doc = metricsDocument(table, options);
      doc.warnings.unshift(...(table.warnings ?? []));
      if (raw.json) {
        writeOut(`${JSON.stringify(doc, null, 2)}\n`);
        return;
      }
      writeOut(renderMetricsTable(doc, table, options, useColor()));
      for (const w of doc.warnings) writeErr(`warning: ${w}\n`);
    });
}

function parseOptions(
  raw: Record<string, string | boolean | undefined>,
  parseConventionName: (text: string) => MetricsOptions['convention'],
): MetricsOptions {
  const convention = parseConventionName(String(raw.convention ?? 'standard'));
  const riskFree = Number(raw.riskFree);
  if (!Number.isFinite(riskFree) || riskFree <= -1) throw new UserError(`--risk-free: expected an annual rate such as 0.02, got "${raw.riskFree}"`);
  let periodsPerYear: number | undefined;
  if (raw.periodsPerYear !== undefined) {
    periodsPerYear = Number(raw.periodsPerYear);
    if (!Number.isFinite(periodsPerYear) || periodsPerYear <= 0) {
      throw new UserError(`--periods-per-year: expected a positive number such as 252, got "${raw.periodsPerYear}"`);
    }
  }
  const benchmark = typeof raw.benchmark === 'string' ? raw.benchmark : undefined;
  return { convention, riskFree, ...(periodsPerYear === undefined ? {} : { periodsPerYear }), ...(benchmark === undefined ? {} : { benchmark }) };
}

