/**
 * A table from rows of cells. Cell text is escaped; `attrs` are already-escaped attribute
 * strings (e.g. `data-key="cagr"`) and `className` a class name.
 */
import { escapeHtml } from './escapeHtml.js';

export interface Cell {
  text: string;
  attrs?: string;
  className?: string;
}

export function htmlTable(head: readonly string[], rows: readonly (readonly (Cell | string)[])[], attrs = ''): string {
  const th = head.map((h) => `<th>${escapeHtml(h)}</th>`).join('');
  const body = rows.map((row) => `<tr>${row.map(cellHtml).join('')}</tr>`).join('\n');
  return `<table${attrs ? ` ${attrs}` : ''}><thead><tr>${th}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

function cellHtml(cell: Cell | string): string {
  if (typeof cell === 'string') return `<td>${escapeHtml(cell)}</td>`;
  const cls = cell.className ? ` class="${escapeHtml(cell.className)}"` : '';
  return `<td${cls}${cell.attrs ? ` ${cell.attrs}` : ''}>${escapeHtml(cell.text)}</td>`;
}

/** `data-value` for a number cell: the exact JSON number, empty for null (for machines and tests). */
export function dataValue(x: number | null | undefined): string {
  return `data-value="${x === null || x === undefined || !Number.isFinite(x) ? '' : String(x)}"`;
}
