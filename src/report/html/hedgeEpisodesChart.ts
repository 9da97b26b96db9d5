/**
 * Episodes of the hedge check as dots: x the growth sleeves' return over the episode, y the
 * hedge sleeve's, one colour per hedge sleeve, drawdowns as circles and stress windows as
 * squares. A dot above the zero line held; the diagonal y = x is "fell with growth".
 */
import type { HedgeReport } from '../../thesis/hedgeChecks.js';
import { plotHtml, type PlotKit } from './plotKit.js';

export function hedgeEpisodesChart(kit: PlotKit, hedges: readonly HedgeReport[]): string {
  const { Plot } = kit;
  const rows = hedges.flatMap((h) => h.episodes.filter((e) => e.verdict !== null).map((e) => ({ sleeve: h.sleeve, kind: e.kind, x: e.growthReturn, y: e.hedgeReturn, title: `${h.sleeve}: ${e.name ?? 'drawdown'} ${e.from} → ${e.to}` })));
  const lo = Math.min(0, ...rows.map((r) => r.x));
  return plotHtml(kit, {
    width: 720,
    height: 380,
    marginLeft: 60,
    style: { fontSize: '12px' },
    x: { label: 'growth return over the episode', tickFormat: (d: number) => `${Math.round(d * 100)}%`, grid: true },
    y: { label: 'hedge return', tickFormat: (d: number) => `${Math.round(d * 100)}%`, grid: true },
    color: { legend: true, domain: hedges.map((h) => h.sleeve) },
    symbol: { domain: ['drawdown', 'stress'], range: ['circle', 'square'], legend: true },
    marks: [
      Plot.ruleY([0], { stroke: '#555' }),
      Plot.line([{ x: lo, y: lo }, { x: 0, y: 0 }], { x: 'x', y: 'y', stroke: '#bbb', strokeDasharray: '4 3' }),
      Plot.dot(rows, { x: 'x', y: 'y', stroke: 'sleeve', fill: 'sleeve', fillOpacity: 0.5, symbol: 'kind', r: 4, title: 'title' }),
    ],
  });
}
