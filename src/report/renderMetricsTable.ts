/**
 * The terminal table of `sleeves metrics`: metrics as rows, series as columns.
 */
import pc from 'picocolors';
import { formatIsoDate } from '../core/dates.js';
import { METRIC_KEYS } from '../metrics/computeMetrics.js';
import { RELATIVE_METRIC_KEYS } from '../metrics/computeRelativeMetrics.js';
import { firstValue, type MetricsDocument, type MetricsOptions } from '../metrics/metricsDocument.js';
import { hugePercent } from './format.js';

const PERCENT = new Set([
  'totalReturn', 'cagr', 'annualizedVolatility', 'downsideDeviation', 'maxDrawdown', 'var95', 'cvar95', 'var99', 'cvar99',
  'meanReturn', 'bestPeriod', 'worstPeriod', 'positivePeriodsShare', 'alpha', 'trackingError',
]);
const INTEGER = new Set(['periods', 'longestDrawdownPeriods']);

function formatValue(key: string, value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  if (INTEGER.has(key)) return String(value);
  if (PERCENT.has(key)) return Number.isFinite(value * 100) ? `${(value * 100).toFixed(2)}%` : hugePercent(value, 2);
  return value.toFixed(3);
}

/** The terminal table: metrics as rows, series as columns, numbers right-aligned. */
export function renderMetricsTable(
  doc: MetricsDocument,
  table: { dates: Int32Array; names: string[]; columns: Float64Array[] },
  options: MetricsOptions,
  color = false,
): string {
  const c = color ? pc : pc.createColors(false);
  const keys: string[] = [...METRIC_KEYS];
  if (options.benchmark !== undefined) keys.push(...RELATIVE_METRIC_KEYS);
  const rows: string[][] = [['', ...table.names]];
  rows.push(['from', ...table.columns.map((c) => formatIsoDate(table.dates[firstValue(c)] as number))]);
  rows.push(['to', ...table.names.map(() => formatIsoDate(table.dates[table.dates.length - 1] as number))]);
  for (const key of keys) rows.push([key, ...table.names.map((name) => formatValue(key, doc.series[name]?.[key]))]);
  const widths = (rows[0] as string[]).map((_, j) => Math.max(...rows.map((r) => (r[j] as string).length)));
  const lines = rows.map((r, i) => {
    const text = r.map((cell, j) => (j === 0 ? cell.padEnd(widths[j] as number) : cell.padStart(widths[j] as number))).join('  ');
    return i === 0 ? c.bold(text) : text;
  });
  const source = options.periodsPerYear === undefined ? 'inferred from the dates' : 'given';
  const head =
    `convention: ${doc.convention} · periods per year: ${doc.periodsPerYear} (${source}) · risk-free: ${options.riskFree} a year` +
    (options.benchmark === undefined ? '' : ` · benchmark: ${options.benchmark}`);
  return `${head}\n\n${lines.join('\n')}\n`;
}
