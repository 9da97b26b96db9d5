/**
 * The underwater curve (1 − V_t / running peak, drawn below zero) with the report's deepest
 * drawdown episodes marked at their troughs and numbered as in the drawdown table.
 */
import type { DrawdownEpisode } from '../../metrics/drawdownEpisodes.js';
import { CHART_WIDTH, toDate } from './chartFigure.js';
import { extremeRows, MAX_CHART_POINTS } from './downsample.js';
import { plotHtml, type PlotKit } from './plotKit.js';

export function underwaterChart(
  kit: PlotKit,
  dates: readonly string[],
  underwater: readonly number[],
  episodes: readonly DrawdownEpisode[],
): { svg: string; drawn: number; total: number } {
  const { Plot } = kit;
  const picked = extremeRows(underwater, MAX_CHART_POINTS);
  const rows = picked.map((i) => ({ date: toDate(dates[i]!), depth: -(underwater[i] as number) }));
  const marks = episodes.map((e, k) => ({ date: toDate(e.trough), depth: -e.depth, label: `${k + 1}: −${(e.depth * 100).toFixed(1)}%` }));
  let deepest = 0;
  for (const i of picked) deepest = Math.max(deepest, underwater[i] as number);
  const svg = plotHtml(kit, {
    width: CHART_WIDTH,
    height: 260,
    marginLeft: 56,
    style: { fontSize: '12px' },
    x: { type: 'utc', label: null },
    y: { grid: true, label: 'below previous peak', domain: [-(deepest || 0.01) * 1.08, 0], tickFormat: (d: number) => `${Math.round(d * 100)}%` },
    marks: [
      Plot.areaY(rows, { x: 'date', y: 'depth', fill: '#c0392b', fillOpacity: 0.35 }),
      Plot.lineY(rows, { x: 'date', y: 'depth', stroke: '#c0392b', strokeWidth: 1 }),
      Plot.ruleY([0], { stroke: '#999' }),
      Plot.dot(marks, { x: 'date', y: 'depth', r: 4, fill: '#222' }),
      Plot.text(marks, { x: 'date', y: 'depth', text: 'label', dx: 7, textAnchor: 'start', fontSize: 11, fill: '#222', stroke: 'white', strokeWidth: 3, paintOrder: 'stroke' }),
    ],
  });
  return { svg, drawn: picked.length, total: underwater.length };
}
