/**
 * `sleeves metrics RETURNS.csv`: the metrics of any CSV of periodic simple returns
 * (`date,<name>...`), one column per series, under a named convention profile.
 */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import pc from 'picocolors';
import { formatIsoDate } from '../../core/dates.js';
import { UserError } from '../../core/errors.js';
import { readReturnsCsv } from '../../data/readReturnsCsv.js';
import { computeMetrics, METRIC_KEYS } from '../../metrics/computeMetrics.js';
import { computeRelativeMetrics, RELATIVE_METRIC_KEYS } from '../../metrics/computeRelativeMetrics.js';
import { parseConventionName, type ConventionName } from '../../metrics/convention.js';
import { inferPeriodsPerYear } from '../../metrics/periodsPerYear.js';

export interface MetricsOptions {
  benchmark?: string;
  convention: ConventionName;
  periodsPerYear?: number;
  riskFree: number;
}

/** The `metrics --json` document. */
export interface MetricsDocument {
  convention: ConventionName;
  periodsPerYear: number;
  series: Record<string, Record<string, number | null>>;
  warnings: string[];
}

export function registerMetrics(program: Command): void {
  program
    .command('metrics')
    .description('metrics of a CSV of periodic simple returns (date,<name>...; one column per series)')
    .argument('<returns>', 'CSV file: header date,<name>..., one row per period, simple returns (0.01 = 1%)')
    .option('--benchmark <column>', 'column to use as the benchmark for beta, alpha, tracking error, information ratio, capture')
    .option('--convention <name>', 'metric convention: standard | performanceanalytics', 'standard')
    .option('--periods-per-year <n>', 'periods per year (default: inferred from the date spacing: 252, 52, 12, 4 or 1)')
    .option('--risk-free <rate>', 'annual risk-free rate for Sharpe and alpha, e.g. 0.02', '0')
    .option('--json', 'print only the JSON document on stdout')
    .addHelpText(
      'after',
      '\nExamples:\n' +
        '  sleeves metrics returns.csv\n' +
        '  sleeves metrics returns.csv --benchmark SPY --convention performanceanalytics --json\n' +
        '  sleeves metrics monthly.csv --periods-per-year 12 --risk-free 0.02\n',
    )
    .action((file: string, raw: Record<string, string | boolean | undefined>) => {
      const options = parseOptions(raw);
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (error) {
        throw new UserError(`${file}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
      }
      const table = readReturnsCsv(text, file);
      const doc = metricsDocument(table, options);
      if (raw.json) {
        process.stdout.write(`${JSON.stringify(doc, null, 2)}\n`);
        return;
      }
      process.stdout.write(renderMetricsTable(doc, table, options));
      for (const w of doc.warnings) process.stderr.write(`warning: ${w}\n`);
    });
}

function parseOptions(raw: Record<string, string | boolean | undefined>): MetricsOptions {
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

/** Index of a series' first value (its leading empty cells are NaN). */
function firstValue(column: Float64Array): number {
  let k = 0;
  while (k < column.length && Number.isNaN(column[k] as number)) k++;
  return k;
}

/**
 * The metrics document (pure). Each series is measured from its own first value; relative
 * metrics use the periods where both the series and the benchmark have values. Warnings are
 * prefixed with the series name.
 */
export function metricsDocument(
  table: { dates: Int32Array; names: string[]; columns: Float64Array[] },
  options: MetricsOptions,
): MetricsDocument {
  const periodsPerYear = options.periodsPerYear ?? inferPeriodsPerYear(table.dates);
  const ctx = { periodsPerYear, convention: options.convention, riskFreeRate: options.riskFree, mar: 0 };
  const b = options.benchmark === undefined ? -1 : table.names.indexOf(options.benchmark);
  if (options.benchmark !== undefined && b < 0) {
    throw new UserError(`--benchmark: no column "${options.benchmark}"; the columns are ${table.names.join(', ')}`);
  }
  const series: Record<string, Record<string, number | null>> = {};
  const warnings: string[] = [];
  table.names.forEach((name, c) => {
    const column = table.columns[c] as Float64Array;
    const single = computeMetrics(column.subarray(firstValue(column)), ctx);
    const metrics = { ...single.metrics };
    for (const w of single.warnings) warnings.push(`${name}: ${w}`);
    if (b >= 0 && c !== b) {
      const bench = table.columns[b] as Float64Array;
      const from = Math.max(firstValue(column), firstValue(bench));
      const relative = computeRelativeMetrics(column.subarray(from), bench.subarray(from), ctx);
      Object.assign(metrics, relative.metrics);
      for (const w of relative.warnings) warnings.push(`${name} vs ${options.benchmark}: ${w}`);
    }
    series[name] = metrics;
  });
  return { convention: options.convention, periodsPerYear, series, warnings };
}

const PERCENT = new Set([
  'totalReturn', 'cagr', 'annualizedVolatility', 'downsideDeviation', 'maxDrawdown', 'var95', 'cvar95', 'var99', 'cvar99',
  'meanReturn', 'bestPeriod', 'worstPeriod', 'positivePeriodsShare', 'alpha', 'trackingError',
]);
const INTEGER = new Set(['periods', 'longestDrawdownPeriods']);

function formatValue(key: string, value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  if (INTEGER.has(key)) return String(value);
  if (PERCENT.has(key)) return `${(value * 100).toFixed(2)}%`;
  return value.toFixed(3);
}

/** The terminal table: metrics as rows, series as columns, numbers right-aligned. */
export function renderMetricsTable(
  doc: MetricsDocument,
  table: { dates: Int32Array; names: string[]; columns: Float64Array[] },
  options: MetricsOptions,
): string {
  const keys: string[] = [...METRIC_KEYS];
  if (options.benchmark !== undefined) keys.push(...RELATIVE_METRIC_KEYS);
  const rows: string[][] = [['', ...table.names]];
  rows.push(['from', ...table.columns.map((c) => formatIsoDate(table.dates[firstValue(c)] as number))]);
  rows.push(['to', ...table.names.map(() => formatIsoDate(table.dates[table.dates.length - 1] as number))]);
  for (const key of keys) rows.push([key, ...table.names.map((name) => formatValue(key, doc.series[name]?.[key]))]);
  const widths = (rows[0] as string[]).map((_, j) => Math.max(...rows.map((r) => (r[j] as string).length)));
  const lines = rows.map((r, i) => {
    const text = r.map((cell, j) => (j === 0 ? cell.padEnd(widths[j] as number) : cell.padStart(widths[j] as number))).join('  ');
    return i === 0 ? pc.bold(text) : text;
  });
  const source = options.periodsPerYear === undefined ? 'inferred from the dates' : 'given';
  const head =
    `convention: ${doc.convention} · periods per year: ${doc.periodsPerYear} (${source}) · risk-free: ${options.riskFree} a year` +
    (options.benchmark === undefined ? '' : ` · benchmark: ${options.benchmark}`);
  return `${head}\n\n${lines.join('\n')}\n`;
}
