/**
 * Horizontal bars of one value per name (return or risk contribution by sleeve or by asset),
 * in the report's order, green above zero and red below, each labelled with its value in
 * percent and carrying a <title> tooltip. Hand-written SVG (svgKit.ts).
 */
import { linearScale, pctLabel, pctTicks, r, svg, text, title } from './svgKit.js';

export function contributionBars(values: Readonly<Record<string, number>>, options: { label: string; width?: number }): string {
  const rows = Object.entries(values).filter(([, v]) => Number.isFinite(v));
  // Names past 20 characters are shortened on the axis (the tooltip has them whole).
  const shown = (name: string) => (name.length > 20 ? `${name.slice(0, 19)}…` : name);
  const width = options.width ?? 460;
  const longest = rows.reduce((m, [name]) => Math.max(m, shown(name).length), 4);
  // About 8.5 px a character at 12 px (capitals are the widest), so names stay inside the box.
  const left = Math.min(190, 16 + longest * 8.5);
  const right = 56;
  const top = 8;
  const band = 22;
  const height = top + band * Math.max(1, rows.length) + 44;
  let lo = 0;
  let hi = 0;
  for (const [, v] of rows) {
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  const x = linearScale([lo, hi], [left, width - right], 4);
  const bottom = top + band * Math.max(1, rows.length);
  const labels = pctTicks(x.ticks);
  const grid = x.ticks
    .map((t, i) => `<line x1="${r(x(t))}" x2="${r(x(t))}" y1="${top}" y2="${bottom}" stroke="${t === 0 ? '#555' : '#e6e6e6'}"/>` + text(x(t), bottom + 16, labels[i]!, 'text-anchor="middle" fill="#444"'))
    .join('');
  const bars = rows
    .map(([name, v], k) => {
      const y = top + k * band;
      const x0 = Math.min(x(0), x(v));
      const w = Math.max(0.5, Math.abs(x(v) - x(0)));
      const label = pctLabel(v, 1);
      return (
        `<rect x="${r(x0)}" y="${r(y + 3)}" width="${r(w)}" height="${band - 6}" fill="${v >= 0 ? '#2e7d32' : '#c0392b'}">${title(`${name}: ${pctLabel(v, 2)}`)}</rect>` +
        text(left - 6, y + band / 2 + 4, shown(name), 'text-anchor="end"') +
        text(Math.max(x(0), x(v)) + 4, y + band / 2 + 4, label, 'font-size="11"')
      );
    })
    .join('');
  return svg(width, height, grid + bars + text((left + width - right) / 2, height - 6, options.label, 'text-anchor="middle" fill="#444"'), options.label);
}
