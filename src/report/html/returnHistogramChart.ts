/**
 * The distribution of periodic returns (report.series.returnHistogram): equal-width bins as
 * bars, each with a <title> tooltip giving its range and count, and the count a normal
 * distribution with the same mean and standard deviation expects in each bin as a line.
 * Hand-written SVG (svgKit.ts).
 */
import type { ReturnHistogram } from '../../metrics/returnHistogram.js';
import { linearScale, pctLabel, pctTicks, r, svg, text, title, yGrid } from './svgKit.js';

export function returnHistogramChart(h: ReturnHistogram, options: { width?: number; height?: number } = {}): string {
  const width = options.width ?? 960;
  const height = options.height ?? 280;
  const left = 52;
  const right = 14;
  const top = 28;
  const bottom = height - 40;
  const k = h.counts.length;
  const x = linearScale([h.edges[0]!, h.edges[k]!], [left, width - right], 8);
  let most = 0;
  for (let i = 0; i < k; i++) most = Math.max(most, h.counts[i]!, h.normal[i]!);
  const y = linearScale([0, most], [bottom, top], 5);
  const xLabels = pctTicks(x.ticks);
  const parts: string[] = [yGrid(y, left, width - right, y.ticks.map((t) => String(Math.round(t))))];
  parts.push(x.ticks.map((t, i) => text(x(t), bottom + 16, xLabels[i]!, 'text-anchor="middle" fill="#444"')).join(''));
  for (let i = 0; i < k; i++) {
    const x0 = x(h.edges[i]!);
    const x1 = x(h.edges[i + 1]!);
    parts.push(
      `<rect x="${r(x0 + 0.5)}" y="${r(y(h.counts[i]!))}" width="${r(Math.max(0.5, x1 - x0 - 1))}" height="${r(y(0) - y(h.counts[i]!))}" fill="#4e79a7" fill-opacity="0.75">` +
        title(`${pctLabel(h.edges[i]!, 2)} to ${pctLabel(h.edges[i + 1]!, 2)}: ${h.counts[i]} periods (normal: ${h.normal[i]!.toFixed(1)})`) +
        '</rect>',
    );
  }
  const line = h.normal.map((n, i) => `${i === 0 ? 'M' : 'L'}${r(x((h.edges[i]! + h.edges[i + 1]!) / 2))},${r(y(n))}`).join('');
  parts.push(`<path d="${line}" fill="none" stroke="#c0392b" stroke-width="1.8"/>`);
  parts.push(
    `<rect x="${left}" y="6" width="12" height="12" fill="#4e79a7"/>` + text(left + 16, 16, 'returns') +
      `<rect x="${left + 90}" y="11" width="14" height="2" fill="#c0392b"/>` + text(left + 108, 16, 'normal (same mean and sd)'),
  );
  parts.push(text((left + width - right) / 2, height - 6, 'return per period', 'text-anchor="middle" fill="#444"'));
  return svg(width, height, parts.join(''), 'distribution of returns');
}
