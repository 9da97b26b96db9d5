/**
 * A comparison as CSV for machines: `key,label,better,<column label>...`, one row per figure,
 * numbers in full precision (shortest round-trip form), an empty cell for a missing value.
 * Cells are quoted per RFC 4180 when they hold a comma, quote or line break, and text cells that
 * a spreadsheet would run as a formula (=, +, -, @, tab, CR) are neutralised (csvCell.ts).
 */
import type { Comparison } from './compareReports.js';
import { csvCell } from './csvCell.js';

export { csvCell };

export function renderCompareCsv(comparison: Comparison): string {
  const lines = [['key', 'label', 'better', ...comparison.columns.map((c) => c.label)].map(csvCell).join(',')];
  for (const row of comparison.rows) {
    const cells = [row.key, row.label, row.better ?? '', ...row.values.map((v) => (v === null ? '' : String(v)))];
    lines.push(cells.map(csvCell).join(','));
  }
  return `${lines.join('\n')}\n`;
}
