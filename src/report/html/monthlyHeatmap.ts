/**
 * Monthly returns as a heat map: years down, months across and a "Year" column with the
 * calendar year's compounded return; red below zero and green above (RdYlGn centred on 0, its
 * ends set by the largest monthly move; yearly cells beyond it take the end colour), each cell
 * labelled with its return in percent and carrying a <title> tooltip. Hand-written SVG.
 */
import { r, rdYlGn, svg, text, title } from './svgKit.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function monthlyHeatmap(
  monthly: readonly { year: number; month: number; return: number }[],
  yearly: readonly { year: number; return: number }[] = [],
): string {
  const years = [...new Set([...monthly.map((m) => m.year), ...yearly.map((y) => y.year)])].sort((a, b) => a - b);
  const width = 960;
  const left = 48;
  const top = 24;
  const rowH = 24;
  const colW = (width - left - 4) / 13;
  const height = top + rowH * Math.max(1, years.length) + 4;
  let extent = 0;
  for (const m of monthly) extent = Math.max(extent, Math.abs(m.return));
  extent ||= 0.01;
  const rowOf = new Map(years.map((y, i) => [y, i]));
  const cell = (year: number, col: number, v: number, name: string, bold: boolean) => {
    const x = left + col * colW;
    const y = top + rowOf.get(year)! * rowH;
    const t = 0.5 + v / (2 * extent);
    const dark = t < 0.12 || t > 0.88;
    return (
      `<rect x="${r(x + 1)}" y="${r(y + 1)}" width="${r(colW - 2)}" height="${rowH - 2}" fill="${rdYlGn(t)}">${title(`${name} ${year}: ${(v * 100).toFixed(2)}%`)}</rect>` +
      text(x + colW / 2, y + rowH / 2 + 4, (v * 100).toFixed(1), `text-anchor="middle" font-size="11" fill="${dark ? '#fff' : '#111'}"${bold ? ' font-weight="700"' : ''}`)
    );
  };
  const head = [...MONTHS, 'Year'].map((m, i) => text(left + (i + 0.5) * colW, top - 8, m, `text-anchor="middle" fill="#444"${i === 12 ? ' font-weight="700"' : ''}`)).join('');
  const side = years.map((y, i) => text(left - 6, top + i * rowH + rowH / 2 + 4, String(y), 'text-anchor="end" fill="#444"')).join('');
  const cells = [...monthly.map((m) => cell(m.year, m.month - 1, m.return, MONTHS[m.month - 1] ?? String(m.month), false)), ...yearly.map((y) => cell(y.year, 12, y.return, 'Year', true))].join('');
  return svg(width, height, head + side + cells, 'monthly returns');
}
