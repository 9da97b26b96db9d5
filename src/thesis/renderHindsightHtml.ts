/**
 * hindsight.html: the two equity curves (as written vs point in time, log scale), the
 * point-in-time membership as a grid (one row per candidate, one column per reselection date;
 * filled: picked, outlined in the as-written list), and the figures. Reads only the report and
 * the curves; every text is escaped.
 */
import { num, pct } from '../report/format.js';
import { chartFigure, downsampleNote } from '../report/html/chartFigure.js';
import { escapeHtml } from '../report/html/escapeHtml.js';
import { htmlPage } from '../report/html/htmlPage.js';
import { dataValue, htmlTable } from '../report/html/htmlTable.js';
import { loadPlotKit, plotHtml } from '../report/html/plotKit.js';
import { timeLinesChart } from '../report/html/timeLinesChart.js';
import type { HindsightCurves, HindsightReport } from './runHindsight.js';

export async function renderHindsightHtml(r: HindsightReport, curves: HindsightCurves): Promise<string> {
  const kit = await loadPlotKit();
  const eq = timeLinesChart(
    kit,
    [
      { name: 'as written', dates: curves.asWritten.dates, values: curves.asWritten.equity },
      { name: 'point in time', dates: curves.pointInTime.dates, values: curves.pointInTime.equity },
    ],
    { yLabel: 'growth of 1 (log scale)', log: true },
  );
  const written = new Set(r.asWritten.members);
  const candidates = r.rule.universe;
  const cells = r.pointInTime.members.flatMap((m) => candidates.map((t) => ({ date: m.date, ticker: t, picked: m.tickers.includes(t) ? 'picked' : 'not picked', written: written.has(t) })));
  const { Plot } = kit;
  const grid = plotHtml(kit, {
    width: Math.max(480, 70 + 58 * r.pointInTime.members.length),
    marginLeft: 70,
    marginBottom: 70,
    height: 70 + 24 * candidates.length,
    style: { fontSize: '11px' },
    x: { label: null, domain: r.pointInTime.members.map((m) => m.date), tickRotate: -40 },
    y: { label: null, domain: candidates },
    color: { domain: ['picked', 'not picked'], range: ['#2e7d32', '#f1f1f1'], legend: true },
    marks: [Plot.cell(cells, { x: 'date', y: 'ticker', fill: 'picked', inset: 1 }), Plot.cell(cells.filter((c) => c.written), { x: 'date', y: 'ticker', stroke: '#111', fill: 'none', inset: 1 })],
  });
  const row = (label: string, key: keyof HindsightReport['premium'], f: (x: number | null) => string) => [label, ...[r.asWritten.metrics[key], r.pointInTime.metrics[key], r.premium[key]].map((x) => ({ text: f(x), attrs: dataValue(x) }))];
  const table = htmlTable(
    ['', 'as written', 'point in time', 'premium (a − b)'],
    [row('total return', 'totalReturn', (x) => pct(x, 1)), row('CAGR', 'cagr', (x) => pct(x)), row('volatility', 'annualizedVolatility', (x) => pct(x)), row('Sharpe', 'sharpe', (x) => num(x)), row('max drawdown', 'maxDrawdown', (x) => pct(x, 1))],
    'data-table="hindsight"',
  );
  const body = [
    `<header><h1>Hindsight premium · ${escapeHtml(r.strategy)} · sleeve ${escapeHtml(r.sleeve)}</h1>`,
    `<p class="lede">${escapeHtml(`${r.period.start} → ${r.period.end}. Point in time: ${r.rule.description}. As written: ${r.asWritten.members.join(', ')}${r.selectedOn ? ` (selected on ${r.selectedOn})` : ''}.`)}</p></header>`,
    table,
    chartFigure('hindsight-equity', 'As written vs point in time (log scale)', `Growth of 1 after costs.${downsampleNote(eq.drawn, eq.total)}`, eq.svg),
    chartFigure('hindsight-members', 'Point-in-time members at each reselection', 'Green: picked by the rule on that date. Outlined: in the strategy as written.', grid),
    r.notYetQualified.length > 0 ? `<p>${escapeHtml(`Not picked at the start: ${r.notYetQualified.map((q) => `${q.ticker} (${q.firstSelected ? `first ${q.firstSelected}` : 'never'})`).join(', ')}.`)}</p>` : '',
    r.warnings.length > 0 ? `<h2>Warnings</h2><ul class="warnings">${r.warnings.map((w) => `<li>${escapeHtml(w)}</li>`).join('')}</ul>` : '',
    '<footer>sleeves hindsight; definitions in docs/thesis-lab.md.</footer>',
  ];
  return htmlPage(`Hindsight · ${r.strategy}`, body.join('\n'));
}
