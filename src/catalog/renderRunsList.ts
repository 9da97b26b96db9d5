/** `runs list` as a table: one line per entry, newest first (or in the requested order). */
import { num, pct, textTable } from '../report/format.js';
import type { CatalogRow } from './runCatalog.js';

export function renderRunsList(rows: readonly CatalogRow[]): string {
  if (rows.length === 0) return 'no runs recorded\n';
  const table = [
    ['id', 'recorded (UTC)', 'command', 'strategy', 'period', 'trials', 'CAGR', 'Sharpe', 'max DD', 'folder'],
    ...rows.map((r) => [
      String(r.id),
      r.created.slice(0, 16).replace('T', ' '),
      r.pruned ? `${r.command} (pruned)` : r.command,
      r.strategy,
      `${r.period.start ?? '…'} → ${r.period.end ?? '…'}`,
      String(r.trials),
      pct(r.metrics['cagr']),
      num(r.metrics['sharpe']),
      pct(r.metrics['maxDrawdown']),
      r.folder,
    ]),
  ];
  return `${textTable(table)}\n`;
}
