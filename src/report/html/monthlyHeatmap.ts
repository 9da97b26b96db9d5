/**
 * Monthly returns as a heat map: years down, months across and a "Year" column with the
 * calendar year's compounded return; red below zero and green above (a diverging scale centred
 * on 0, set by the months; yearly cells beyond it take the end colour), each cell labelled with
 * its return in percent and carrying a <title> tooltip.
 */
import { plotHtml, type PlotKit } from './plotKit.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const YEAR = 'Year';

export function monthlyHeatmap(
  kit: PlotKit,
  monthly: readonly { year: number; month: number; return: number }[],
  yearly: readonly { year: number; return: number }[] = [],
): string {
  const { Plot } = kit;
  const years = [...new Set([...monthly.map((m) => m.year), ...yearly.map((y) => y.year)])].sort((a, b) => a - b);
  const cell = (year: number, column: string, value: number) => ({ year: String(year), column, value, label: (value * 100).toFixed(1), title: `${column === YEAR ? '' : `${column} `}${year}: ${(value * 100).toFixed(2)}%` });
  const rows = [...monthly.map((m) => cell(m.year, MONTHS[m.month - 1] ?? String(m.month), m.return)), ...yearly.map((y) => cell(y.year, YEAR, y.return))];
  let extent = 0;
  for (const m of monthly) extent = Math.max(extent, Math.abs(m.return));
  return plotHtml(kit, {
    width: 960,
    height: 40 + 24 * Math.max(1, years.length),
    marginLeft: 48,
    padding: 0.04,
    style: { fontSize: '12px' },
    x: { domain: [...MONTHS, YEAR], label: null, axis: 'top' },
    y: { domain: years.map(String), label: null },
    color: { type: 'linear', scheme: 'RdYlGn', domain: [-(extent || 0.01), extent || 0.01], clamp: true },
    marks: [
      Plot.cell(rows, { x: 'column', y: 'year', fill: 'value', inset: 0.5, title: 'title' }),
      Plot.text(rows.filter((r) => r.column !== YEAR), { x: 'column', y: 'year', text: 'label', fill: '#111', fontSize: 11 }),
      Plot.text(rows.filter((r) => r.column === YEAR), { x: 'column', y: 'year', text: 'label', fill: '#111', fontSize: 11, fontWeight: 700, stroke: 'white', strokeWidth: 3, paintOrder: 'stroke' }),
    ],
  });
}
