/**
 * The terminal table of `sleeves metrics`: metrics as rows (the report.metrics keys, and the
 * benchmark.relative keys with --benchmark, in catalogue order), series as columns, each value
 * in its catalogue format (the same text `sleeves run` and `sleeves compare` print).
 */
import pc from 'picocolors';
import { formatIsoDate } from '../core/dates.js';
import { firstValue, type MetricsDocument, type MetricsOptions } from '../metrics/metricsDocument.js';
import { figuresOf } from './figures/figureCatalogue.js';
import { formatFigure } from './figures/formatFigure.js';

/** The terminal table: metrics as rows, series as columns, numbers right-aligned. */
export function renderMetricsTable(
  doc: MetricsDocument,
  table: { dates: Int32Array; names: string[]; columns: Float64Array[] },
  options: MetricsOptions,
  color = false,
): string {
  const c = color ? pc : pc.createColors(false);
  const figures = [...figuresOf('metrics'), ...(options.benchmark === undefined ? [] : figuresOf('relative'))];
  const rows: string[][] = [['', ...table.names]];
  rows.push(['from', ...table.columns.map((c) => formatIsoDate(table.dates[firstValue(c)] as number))]);
  rows.push(['to', ...table.names.map(() => formatIsoDate(table.dates[table.dates.length - 1] as number))]);
  for (const f of figures) rows.push([f.name, ...table.names.map((name) => formatFigure(f, doc.series[name]?.[f.name]))]);
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
