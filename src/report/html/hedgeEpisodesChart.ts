/**
 * Episodes of the hedge check as dots: x the growth sleeves' return over the episode, y the
 * hedge sleeve's, one colour per hedge sleeve, drawdowns as circles and stress windows as
 * squares, each with a <title> naming it. A dot above the zero line held; the dashed diagonal
 * y = x is "fell with growth". Hand-written SVG (svgKit.ts).
 */
import type { HedgeReport } from '../../thesis/hedgeChecks.js';
import { linearScale, pctTicks, r, svg, text, title, yGrid } from './svgKit.js';
import { PALETTE } from './timeChart.js';

export function hedgeEpisodesChart(hedges: readonly HedgeReport[]): string {
  const width = 720;
  const height = 400;
  const left = 60;
  const right = 16;
  const top = 34;
  const bottom = height - 44;
  const rows = hedges.flatMap((h, k) =>
    h.episodes.filter((e) => e.verdict !== null).map((e) => ({ color: PALETTE[k % PALETTE.length]!, kind: e.kind, x: e.growthReturn, y: e.hedgeReturn, name: `${h.sleeve}: ${e.name ?? 'drawdown'} ${e.from} → ${e.to}` })),
  );
  const xs = rows.map((d) => d.x);
  const ys = rows.map((d) => d.y);
  const x = linearScale([Math.min(0, ...xs), Math.max(0, ...xs)], [left, width - right], 6);
  const y = linearScale([Math.min(0, ...ys), Math.max(0, ...ys)], [bottom, top], 6);
  const xLabels = pctTicks(x.ticks);
  const parts: string[] = [yGrid(y, left, width - right, pctTicks(y.ticks))];
  parts.push(x.ticks.map((t, i) => `<line x1="${r(x(t))}" x2="${r(x(t))}" y1="${top}" y2="${bottom}" stroke="${t === 0 ? '#555' : '#eee'}"/>` + text(x(t), bottom + 16, xLabels[i]!, 'text-anchor="middle" fill="#444"')).join(''));
  // y = x from the lowest growth return to 0 (where the hedge fell as much as growth).
  const lo = Math.max(x.domain[0], y.domain[0]);
  parts.push(`<line x1="${r(x(lo))}" y1="${r(y(lo))}" x2="${r(x(0))}" y2="${r(y(0))}" stroke="#bbb" stroke-dasharray="4 3"/>`);
  for (const d of rows) {
    const cx = x(d.x);
    const cy = y(d.y);
    const shape = d.kind === 'stress' ? `<rect x="${r(cx - 4)}" y="${r(cy - 4)}" width="8" height="8"` : `<circle cx="${r(cx)}" cy="${r(cy)}" r="4.5"`;
    parts.push(`${shape} fill="${d.color}" fill-opacity="0.55" stroke="${d.color}">${title(d.name)}</${d.kind === 'stress' ? 'rect' : 'circle'}>`);
  }
  let lx = left;
  hedges.forEach((h, k) => {
    parts.push(`<circle cx="${r(lx + 5)}" cy="14" r="5" fill="${PALETTE[k % PALETTE.length]}"/>` + text(lx + 14, 18, h.sleeve));
    lx += 26 + h.sleeve.length * 7;
  });
  parts.push(`<circle cx="${r(lx + 5)}" cy="14" r="4.5" fill="none" stroke="#444"/>` + text(lx + 14, 18, 'drawdown'));
  parts.push(`<rect x="${r(lx + 84)}" y="10" width="8" height="8" fill="none" stroke="#444"/>` + text(lx + 98, 18, 'stress window'));
  parts.push(text((left + width - right) / 2, height - 6, 'growth return over the episode', 'text-anchor="middle" fill="#444"'));
  parts.push(text(14, (top + bottom) / 2, 'hedge return', `text-anchor="middle" transform="rotate(-90 14 ${r((top + bottom) / 2)})" fill="#444"`));
  return svg(width, height, parts.join(''), 'hedge sleeves in growth drawdowns');
}
