/**
 * frontier.html: CAGR against volatility and against max drawdown, one dot per mix, the
 * efficient mixes drawn larger and joined, the strategy as written marked. Reads only the
 * report; every text is escaped.
 */
import { chartFigure } from '../report/html/chartFigure.js';
import { escapeHtml } from '../report/html/escapeHtml.js';
import { htmlPage } from '../report/html/htmlPage.js';
import { loadPlotKit, plotHtml, type PlotKit } from '../report/html/plotKit.js';
import type { FrontierReport } from './runFrontier.js';

const percent = (d: number) => `${Math.round(d * 100)}%`;

export async function renderFrontierHtml(r: FrontierReport): Promise<string> {
  const kit = await loadPlotKit();
  const charts = [
    chartFigure('frontier-volatility', 'CAGR against volatility', 'each dot a sleeve mix; large dots joined: the efficient mixes; the star: the strategy as written', scatter(kit, r, 'annualizedVolatility', 'annualised volatility')),
    chartFigure('frontier-drawdown', 'CAGR against max drawdown', 'the same mixes against their deepest drawdown', scatter(kit, r, 'maxDrawdown', 'max drawdown')),
  ];
  const body =
    `<header><h1>${escapeHtml(r.strategy.name)}: frontier of sleeve mixes</h1>` +
    `<p class="lede">${escapeHtml(`${r.grid.mixes} mixes of ${r.sleeves.join(' / ')} in steps of ${r.grid.step}, ${r.period.start} → ${r.period.end}. ${r.method}.`)}</p></header>` +
    `<section>${charts.join('')}</section>`;
  return htmlPage(`${r.strategy.name} · frontier`, body);
}

function scatter(kit: PlotKit, r: FrontierReport, risk: 'annualizedVolatility' | 'maxDrawdown', label: string): string {
  const { Plot } = kit;
  const key = risk === 'annualizedVolatility' ? 'volatility' : 'drawdown';
  const title = (w: Record<string, number>) => r.sleeves.map((s) => `${s} ${percent(w[s] ?? 0)}`).join(', ');
  const points = r.mixes
    .filter((m) => m.metrics.cagr !== null && m.metrics[risk] !== null)
    .map((m) => ({ x: m.metrics[risk]!, y: m.metrics.cagr!, efficient: m.efficient[key], title: title(m.weights) }));
  const frontier = points.filter((p) => p.efficient).sort((a, b) => a.x - b.x);
  const own = r.asWritten.metrics;
  const marks = [
    Plot.dot(points.filter((p) => !p.efficient), { x: 'x', y: 'y', r: 2, fill: '#9aa', title: 'title' }),
    Plot.line(frontier, { x: 'x', y: 'y', stroke: '#1f77b4' }),
    Plot.dot(frontier, { x: 'x', y: 'y', r: 4, fill: '#1f77b4', title: 'title' }),
    ...(own.cagr !== null && own[risk] !== null ? [Plot.dot([{ x: own[risk], y: own.cagr }], { x: 'x', y: 'y', r: 8, symbol: 'star', fill: '#d62728', title: () => 'as written' })] : []),
  ];
  return plotHtml(kit, { width: 720, height: 380, marginLeft: 60, style: { fontSize: '12px' }, x: { label, tickFormat: percent, grid: true }, y: { label: 'CAGR', tickFormat: percent, grid: true }, marks });
}
