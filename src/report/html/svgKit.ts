/**
 * A few pieces for the tearsheet's static SVG charts, written by hand so that report.html
 * needs no charting library in Node: a linear scale with "nice" ticks (1, 2, 5 × 10^k steps,
 * as d3's ticks), escaped text, the page's percent format and a diverging red–yellow–green
 * colour ramp (ColorBrewer RdYlGn). Every chart is an <svg> with a viewBox, scaled down with the
 * page, its labels kept inside the box.
 */
import { escapeHtml } from './escapeHtml.js';

export interface LinearScale {
  (v: number): number;
  ticks: number[];
  domain: [number, number];
}

/** Tick step for `count` ticks over `span`: 1, 2 or 5 × 10^k. */
export function tickStep(span: number, count: number): number {
  const raw = span / Math.max(1, count);
  const power = Math.pow(10, Math.floor(Math.log10(raw)));
  const error = raw / power;
  return power * (error >= 7.5 ? 10 : error >= 3.5 ? 5 : error >= 1.5 ? 2 : 1);
}

/** A linear scale from `domain` to `range`, the domain widened to whole tick steps. */
export function linearScale(domain: [number, number], range: [number, number], count = 5): LinearScale {
  let [lo, hi] = domain;
  if (!(hi > lo)) [lo, hi] = lo === 0 ? [-1, 1] : [lo - Math.abs(lo) * 0.1, hi + Math.abs(hi) * 0.1];
  const step = tickStep(hi - lo, count);
  // The tolerance keeps a bound that is a tick up to rounding (2.9999999 steps) on that tick.
  lo = Math.floor(lo / step + 1e-9) * step;
  hi = Math.ceil(hi / step - 1e-9) * step;
  const ticks: number[] = [];
  for (let k = Math.round(lo / step); k <= Math.round(hi / step); k++) ticks.push(k * step);
  const [r0, r1] = range;
  const scale = ((v: number) => r0 + ((v - lo) / (hi - lo)) * (r1 - r0)) as LinearScale;
  scale.ticks = ticks;
  scale.domain = [lo, hi];
  return scale;
}

/** `<text>` with escaped content; `attrs` is trusted markup (numbers and fixed words). */
export function text(x: number, y: number, content: string, attrs = ''): string {
  return `<text x="${r(x)}" y="${r(y)}"${attrs ? ` ${attrs}` : ''}>${escapeHtml(content)}</text>`;
}

/** `<title>` for a tooltip. */
export function title(content: string): string {
  return `<title>${escapeHtml(content)}</title>`;
}

/** A coordinate rounded to 0.1 px (smaller pages, same picture). */
export function r(v: number): string {
  return String(Math.round(v * 10) / 10);
}

/** The svg element around a chart: a viewBox of width × height, scaled down with the page. */
export function svg(width: number, height: number, body: string, label: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${escapeHtml(label)}" font-family="system-ui, sans-serif" font-size="12" fill="currentColor">${body}</svg>`;
}

/** Percent with `digits` decimals, axis style (−12%). */
export function pctLabel(v: number, digits = 0): string {
  const s = (v * 100).toFixed(digits);
  return `${Number(s) === 0 ? (0).toFixed(digits) : s.replace('-', '−')}%`;
}

/** Percent ticks with as many decimals as the step needs. */
export function pctTicks(ticks: readonly number[]): string[] {
  const step = ticks.length > 1 ? Math.abs(ticks[1]! - ticks[0]!) : 1;
  const digits = Math.max(0, Math.min(3, -Math.floor(Math.log10(step * 100) + 1e-9)));
  return ticks.map((t) => pctLabel(t, digits));
}

const RD_YL_GN = ['#a50026', '#d73027', '#f46d43', '#fdae61', '#fee08b', '#ffffbf', '#d9ef8b', '#a6d96a', '#66bd63', '#1a9850', '#006837'];

/** RdYlGn at t ∈ [0, 1] (0 red, 0.5 yellow, 1 green), clamped; linear in RGB between the 11 ColorBrewer stops. */
export function rdYlGn(t: number): string {
  const x = Math.min(1, Math.max(0, Number.isFinite(t) ? t : 0.5)) * (RD_YL_GN.length - 1);
  const i = Math.min(RD_YL_GN.length - 2, Math.floor(x));
  const f = x - i;
  const a = RD_YL_GN[i]!;
  const b = RD_YL_GN[i + 1]!;
  const mix = (k: number) => Math.round(parseInt(a.slice(k, k + 2), 16) * (1 - f) + parseInt(b.slice(k, k + 2), 16) * f);
  return `rgb(${mix(1)},${mix(3)},${mix(5)})`;
}

/** Horizontal grid lines and labels of a y scale between x0 and x1. */
export function yGrid(y: LinearScale, x0: number, x1: number, labels: readonly string[]): string {
  return y.ticks
    .map((t, i) => `<line x1="${r(x0)}" x2="${r(x1)}" y1="${r(y(t))}" y2="${r(y(t))}" stroke="${t === 0 ? '#555' : '#e6e6e6'}"/>` + text(x0 - 6, y(t) + 4, labels[i] ?? '', 'text-anchor="end" fill="#444"'))
    .join('');
}
