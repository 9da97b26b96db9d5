/**
 * Holdings at each rebalance: one row per trade date (report.rebalances), one column per asset
 * (the largest mean weights first) and cash, each cell the asset's end-of-day weight on that
 * date from the daily series, i.e. just after the trade. Scrolls inside its box; cells carry
 * their exact value in data-value. A strategy that trades more often than MAX_HOLDINGS_ROWS
 * times shows its latest MAX_HOLDINGS_ROWS rebalances (weights.csv has every day).
 */
import type { Report, ReportSeries } from '../reportTypes.js';
import { dataValue, htmlTable, type Cell } from './htmlTable.js';

export const MAX_HOLDINGS_ROWS = 400;

export function holdingsTable(report: Report, series: ReportSeries): string {
  const row = new Map(series.dates.map((d, i) => [d, i]));
  const meanOf = (v: readonly number[]) => v.reduce((s, x) => s + x, 0) / Math.max(1, v.length);
  const assets = Object.keys(series.weights).sort((a, b) => meanOf(series.weights[b]!) - meanOf(series.weights[a]!));
  const cell = (x: number | undefined): Cell => ({ text: x === undefined ? '–' : Math.abs(x) < 5e-5 ? '·' : `${(x * 100).toFixed(1)}%`, attrs: dataValue(x) });
  const shown = report.rebalances.slice(-MAX_HOLDINGS_ROWS);
  const rows = shown.map((r) => {
    const t = row.get(r.tradeDate);
    return [r.tradeDate, ...assets.map((a) => cell(t === undefined ? undefined : series.weights[a]![t])), cell(t === undefined ? undefined : series.cash[t])];
  });
  const note = shown.length < report.rebalances.length ? `<p class="note">The latest ${shown.length} of ${report.rebalances.length} rebalances; weights.csv in the run folder has every day.</p>` : '';
  return `<div class="scroll-y">${htmlTable(['traded', ...assets, 'cash'], rows, 'class="holdings" id="holdings-table"')}</div>${note}`;
}
