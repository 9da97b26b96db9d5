/**
 * The terminal table of a comparison: strategies as columns, figures as rows, the best value
 * of each row marked with `*` (and bold green when colour is on), then the fairness warnings.
 */
import pc from 'picocolors';
import type { Comparison } from './compareReports.js';
import { textTable } from './format.js';
import { formatValue } from './figures/formatFigure.js';

export function renderCompareTerminal(comparison: Comparison, options: { color: boolean }): string {
  const c = options.color ? pc : pc.createColors(false);
  const head = ['', ...comparison.columns.map((col) => c.bold(col.label))];
  const rows = comparison.rows.map((row) => [
    row.label + (row.better === null ? '' : c.dim(row.better === 'higher' ? ' ↑' : ' ↓')),
    ...row.values.map((v, i) => {
      const text = formatValue(v, row.format);
      return row.best.includes(i) ? c.green(c.bold(`${text}*`)) : `${text} `;
    }),
  ]);
  const out = [textTable([head, ...rows])];
  const periods = comparison.columns.map((col) => `${col.label}: ${col.period.start} → ${col.period.end}`);
  out.push(c.dim(`* best in its row (↑ higher is better, ↓ lower is better; rows without an arrow are not ranked)`));
  out.push(c.dim(`periods: ${periods.join(' · ')}`));
  if (comparison.warnings.length > 0) {
    out.push('');
    out.push(c.yellow(`warnings (${comparison.warnings.length}): these runs differ in ways that make the comparison unfair`));
    for (const w of comparison.warnings) out.push(c.yellow(`  - ${w}`));
  }
  return `${out.join('\n')}\n`;
}
