/**
 * End-of-year returns as grouped bars: each calendar year's compounded return of the strategy
 * (green above zero, red below) beside the benchmark's (grey), from report.tables.yearly (the
 * first and last years may be partial); each bar carries a <title> tooltip with its value.
 * Hand-written SVG (svgKit.ts).
 */
import { linearScale, pctLabel, pctTicks, r, svg, text, title, yGrid } from './svgKit.js';

export function eoyBars(
  yearly: readonly { year: number; return: number; benchmark: number | null }[],
  benchmark: string | null,
  options: { width?: number; height?: number } = {},
): string {
  const width = options.width ?? 960;
  const height = options.height ?? 300;
  const left = 52;
  const right = 8;
  const top = 10;
  const rotate = yearly.length * 34 > width - left - right;
  const bottom = height - (rotate ? 44 : 26);
  let lo = 0;
  let hi = 0;
  for (const y of yearly) {
    lo = Math.min(lo, y.return, y.benchmark ?? 0);
    hi = Math.max(hi, y.return, y.benchmark ?? 0);
  }
  const y = linearScale([lo, hi], [bottom, top], 5);
  const slot = (width - left - right) / Math.max(1, yearly.length);
  const bar = benchmark ? Math.min(18, slot * 0.4) : Math.min(28, slot * 0.7);
  const parts: string[] = [yGrid(y, left, width - right, pctTicks(y.ticks))];
  yearly.forEach((row, k) => {
    const cx = left + slot * (k + 0.5);
    const rect = (x: number, v: number, fill: string, who: string) =>
      `<rect x="${r(x)}" y="${r(Math.min(y(0), y(v)))}" width="${r(bar)}" height="${r(Math.max(0.5, Math.abs(y(v) - y(0))))}" fill="${fill}">${title(`${row.year} ${who}: ${pctLabel(v, 2)}`)}</rect>`;
    parts.push(rect(benchmark ? cx - bar - 1 : cx - bar / 2, row.return, row.return >= 0 ? '#2e7d32' : '#c0392b', 'strategy'));
    if (benchmark && row.benchmark !== null) parts.push(rect(cx + 1, row.benchmark, '#9aa0a6', benchmark));
    parts.push(
      rotate
        ? text(cx + 4, bottom + 10, String(row.year), `text-anchor="end" transform="rotate(-45 ${r(cx + 4)} ${r(bottom + 10)})" fill="#444"`)
        : text(cx, bottom + 16, String(row.year), 'text-anchor="middle" fill="#444"'),
    );
  });
  parts.push(`<line x1="${left}" x2="${width - right}" y1="${r(y(0))}" y2="${r(y(0))}" stroke="#555"/>`);
  return svg(width, height, parts.join(''), 'end-of-year returns');
}
