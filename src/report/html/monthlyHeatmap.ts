/**
 * Monthly returns as a heat map: years down, months across, red below zero and green above
 * (a diverging scale centred on 0), each cell labelled with its return in percent.
 */
import { plotHtml, type PlotKit } from './plotKit.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function monthlyHeatmap(kit: PlotKit, monthly: readonly { year: number; month: number; return: number }[]): string {
  const { Plot } = kit;
  const years = [...new Set(monthly.map((m) => m.year))].sort((a, b) => a - b);
  const rows = monthly.map((m) => ({ year: String(m.year), month: MONTHS[m.month - 1] ?? String(m.month), value: m.return, label: `${(m.return * 100).toFixed(1)}` }));
  let extent = 0;
  for (const m of monthly) extent = Math.max(extent, Math.abs(m.return));
  return plotHtml(kit, {
    width: 960,
    height: 40 + 24 * Math.max(1, years.length),
    marginLeft: 48,
    padding: 0.04,
    style: { fontSize: '12px' },
    x: { domain: MONTHS, label: null, axis: 'top' },
    y: { domain: years.map(String), label: null },
    color: { type: 'linear', scheme: 'RdYlGn', domain: [-(extent || 0.01), extent || 0.01] },
    marks: [
      Plot.cell(rows, { x: 'month', y: 'year', fill: 'value', inset: 0.5 }),
      Plot.text(rows, { x: 'month', y: 'year', text: 'label', fill: '#111', fontSize: 11 }),
    ],
  });
}
