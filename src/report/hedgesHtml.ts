/**
 * The HTML section "Does the hedge hedge?": the episodes chart and a table per hedge sleeve
 * (figures, then every episode with its verdict). Reads only the report.
 */
import { num, pct } from './format.js';
import { chartFigure } from './html/chartFigure.js';
import { escapeHtml } from './html/escapeHtml.js';
import { hedgeEpisodesChart } from './html/hedgeEpisodesChart.js';
import { dataValue, htmlTable } from './html/htmlTable.js';
import type { Report } from './reportTypes.js';

export function hedgesHtml(report: Report): string {
  const hedges = report.hedges ?? [];
  if (hedges.length === 0) return '';
  const growth = hedges[0]!.growth.join(' + ');
  const cell = (x: number | null, f: (x: number | null) => string) => ({ text: f(x), attrs: dataValue(x) });
  const summary = htmlTable(
    ['hedge sleeve', 'correlation', 'worst-5% correlation', 'down-capture', 'days'],
    hedges.map((h) => [h.sleeve, cell(h.correlation, num), cell(h.tailCorrelation, num), cell(h.downCapture, num), String(h.days)]),
    'class="hedges"',
  );
  const episodes = htmlTable(
    ['hedge sleeve', 'episode', 'from', 'to', `${growth} return`, 'hedge return', 'verdict'],
    hedges.flatMap((h) =>
      h.episodes.map((e) => [h.sleeve, e.name ?? 'drawdown > 10%', e.from, e.to, cell(e.growthReturn, (x) => pct(x, 1)), cell(e.hedgeReturn, (x) => pct(x, 1)), { text: e.verdict ?? 'growth rose', className: e.verdict ?? '' }]),
    ),
    'class="hedge-episodes"',
  );
  const caption = `Each dot is a drawdown of ${growth} deeper than 10% (peak to trough) or a stress window in which it fell; above the zero line the hedge held. Dashed: fell as much as growth.`;
  return [
    `<section id="hedges"><h2>Does the hedge hedge?</h2>`,
    `<p>Growth: ${escapeHtml(growth)} (${escapeHtml(hedges[0]!.growthBy)} rule). A sleeve's daily return is its members' weighted return over its own start-of-day weight; definitions in docs/thesis-lab.md.</p>`,
    chartFigure('hedge-episodes', `Hedge sleeves when ${growth} fell`, caption, hedgeEpisodesChart(hedges)),
    summary,
    '<h3>Episodes</h3>',
    episodes,
    '</section>',
  ].join('\n');
}
