/**
 * Holdings at each rebalance: one row per trade date (report.rebalances), one column per asset
 * (the largest mean weights first) and cash, each cell the asset's end-of-day weight on that
 * date from the daily series, i.e. just after the trade. Scrolls inside its box; cells carry
 * their exact value in data-value.
 */
import type { Report, ReportSeries } from '../reportTypes.js';
import { dataValue, htmlTable, type Cell } from './htmlTable.js';

export function holdingsTable(report: Report, series: ReportSeries): string {
  const row = new Map(series.dates.map((d, i) => [d, i]));
  const meanOf = (v: readonly number[]) => v.reduce((s, x) => s + x, 0) / Math.max(1, v.length);
  const assets = Object.keys(series.weights).sort((a, b) => meanOf(series.weights[b]!) - meanOf(series.weights[a]!));
  const cell = (x: number | undefined): Cell => ({ text: x === undefined ? '–' : Math.abs(x) < 5e-5 ? '·' : `${(x * 100).toFixed(1)}%`, attrs: dataValue(x) });
  const rows = report.rebalances.map((r) => {
    const t = row.get(r.tradeDate);
    return [r.tradeDate, ...assets.map((a) => cell(t === undefined ? undefined : series.weights[a]![t])), cell(t === undefined ? undefined : series.cash[t])];
  });
  return `<div class="scroll-y">${htmlTable(['traded', ...assets, 'cash'], rows, 'class="holdings" id="holdings-table"')}</div>`;
}
