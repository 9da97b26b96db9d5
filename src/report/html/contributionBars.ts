/**
 * Horizontal bars of one value per name (return or risk contribution by sleeve or by asset),
 * in the report's order, labelled with the value in percent.
 */
import { plotHtml, type PlotKit } from './plotKit.js';

export function contributionBars(kit: PlotKit, values: Readonly<Record<string, number>>, options: { label: string; width?: number }): string {
  const { Plot } = kit;
  const rows = Object.entries(values)
    .filter(([, v]) => Number.isFinite(v))
    .map(([name, v]) => ({ name, value: v, label: `${(v * 100).toFixed(1)}%`, sign: v >= 0 ? 'up' : 'down' }));
  return plotHtml(kit, {
    width: options.width ?? 460,
    height: 40 + 22 * Math.max(1, rows.length),
    marginLeft: 90,
    marginRight: 50,
    style: { fontSize: '12px' },
    x: { grid: true, label: options.label, tickFormat: (d: number) => `${Math.round(d * 100)}%` },
    y: { domain: rows.map((r) => r.name), label: null },
    color: { domain: ['up', 'down'], range: ['#2e7d32', '#c0392b'] },
    marks: [
      Plot.barX(rows, { x: 'value', y: 'name', fill: 'sign' }),
      Plot.ruleX([0], { stroke: '#555' }),
      Plot.text(rows, { x: 'value', y: 'name', text: 'label', textAnchor: 'start', dx: 4, fontSize: 11 }),
    ],
  });
}
