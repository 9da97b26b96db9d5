/**
 * The distribution of periodic returns (report.series.returnHistogram): equal-width bins as
 * bars, each with a <title> tooltip giving its range and count, and the count a normal
 * distribution with the same mean and standard deviation expects in each bin as a line.
 */
import type { ReturnHistogram } from '../../metrics/returnHistogram.js';
import { plotHtml, type PlotKit } from './plotKit.js';

export function returnHistogramChart(kit: PlotKit, h: ReturnHistogram, options: { width?: number; height?: number } = {}): string {
  const { Plot } = kit;
  const p = (x: number) => `${(x * 100).toFixed(2)}%`;
  const bins = h.counts.map((count, i) => ({ x1: h.edges[i]!, x2: h.edges[i + 1]!, count, title: `${p(h.edges[i]!)} to ${p(h.edges[i + 1]!)}: ${count} periods (normal: ${h.normal[i]!.toFixed(1)})` }));
  const curve = h.normal.map((y, i) => ({ x: (h.edges[i]! + h.edges[i + 1]!) / 2, y }));
  return plotHtml(kit, {
    width: options.width ?? 960,
    height: options.height ?? 280,
    marginLeft: 52,
    style: { fontSize: '12px' },
    x: { label: 'return per period', tickFormat: (d: number) => `${(d * 100).toFixed(Math.abs(d) < 0.02 && d !== 0 ? 1 : 0)}%` },
    y: { grid: true, label: 'periods' },
    color: { legend: true, domain: ['returns', 'normal (same mean and sd)'], range: ['#4e79a7', '#c0392b'] },
    marks: [
      Plot.rectY(bins, { x1: 'x1', x2: 'x2', y: 'count', fill: '#4e79a7', fillOpacity: 0.75, inset: 0.5, title: 'title' }),
      Plot.line(curve, { x: 'x', y: 'y', stroke: '#c0392b', strokeWidth: 1.8, curve: 'natural' }),
      Plot.ruleY([0], { stroke: '#555' }),
    ],
  });
}
