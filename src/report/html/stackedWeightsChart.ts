/**
 * Sleeve weights (and cash) as a stacked area over time: each day's stack sums to the whole
 * portfolio. Rows are taken with strideRows, so at most MAX_CHART_POINTS days are drawn.
 */
import { CHART_WIDTH, toDate } from './chartFigure.js';
import { MAX_CHART_POINTS, strideRows } from './downsample.js';
import { plotHtml, type PlotKit } from './plotKit.js';

export function stackedWeightsChart(
  kit: PlotKit,
  dates: readonly string[],
  layers: Readonly<Record<string, readonly number[]>>,
  options: { height?: number; width?: number; legend?: boolean } = {},
): { svg: string; drawn: number; total: number } {
  const { Plot } = kit;
  const names = Object.keys(layers);
  const picked = strideRows(dates.length, MAX_CHART_POINTS);
  const rows: { date: Date; weight: number; layer: string }[] = [];
  for (const name of names) {
    const values = layers[name]!;
    for (const i of picked) rows.push({ date: toDate(dates[i]!), weight: Math.max(0, values[i] ?? 0), layer: name });
  }
  const svg = plotHtml(kit, {
    width: options.width ?? CHART_WIDTH,
    height: options.height ?? 280,
    marginLeft: 48,
    style: { fontSize: '12px' },
    x: { type: 'utc', label: null },
    y: { grid: true, label: 'share of portfolio', domain: [0, 1], tickFormat: (d: number) => `${Math.round(d * 100)}%` },
    color: { legend: options.legend ?? true, domain: names },
    marks: [Plot.areaY(rows, { x: 'date', y: 'weight', fill: 'layer', order: names, z: 'layer' })],
  });
  return { svg, drawn: picked.length, total: dates.length };
}
