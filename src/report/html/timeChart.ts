/**
 * An interactive time chart: a <figure data-figure=ID> whose data (dates and named series,
 * downsampled to at most MAX_CHART_POINTS rows) is JSON in the page, drawn in the browser by
 * uPlot through chartScript.ts (hover legend with the date and each value, drag to zoom,
 * double-click to reset, optional linear/log switch, rebalance ticks, numbered points). Any
 * section can draw one: `timeChart({ id, title, caption, dates, series, format })`; htmlPage
 * then inlines uPlot and the script. Titles, captions and names are escaped; the JSON cannot
 * end its <script> element early (`<` is written as \u003c).
 */
import { downsampleNote } from './chartFigure.js';
import { escapeHtml } from './escapeHtml.js';
import { extremeRows, MAX_CHART_POINTS, strideRows } from './downsample.js';

export const TIME_CHART_CLASS = 'timechart';

export interface TimeSeriesLine {
  name: string;
  values: readonly (number | null)[];
  color?: string;
  width?: number;
  /** Fill below the line (a CSS colour, e.g. translucent for an underwater area). */
  fill?: string;
}

export interface TimeChartSpec {
  id: string;
  title: string;
  caption: string;
  dates: readonly string[];
  series: readonly TimeSeriesLine[];
  /** How values show on the axis and in the legend: percent, growth of 1, or a plain number. */
  format: 'pct' | 'growth' | 'num';
  yLabel?: string;
  /** true: log scale; 'toggle': log scale with a linear/log switch. */
  log?: boolean | 'toggle';
  /** Areas stacked bottom-up in the given order (weights summing to 1); the legend shows each layer's own value (its top minus the top below). */
  stacked?: boolean;
  /** Downsample keeping each bucket's lowest value of every series (curves drawn below zero, such as underwater). */
  keepLows?: boolean;
  /** Dates marked by a tick along the bottom (rebalances). */
  markers?: readonly string[];
  /** Numbered points (e.g. drawdown troughs): date, value, label. */
  points?: readonly { date: string; value: number; label: string }[];
  height?: number;
}

/** A palette readable on white and distinct in print (Tableau 10). */
export const PALETTE = ['#4e79a7', '#f28e2b', '#59a14f', '#e15759', '#76b7b2', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac'];

const seconds = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / 1000;
const short = (v: number | null | undefined): number | null => (v === null || v === undefined || !Number.isFinite(v) ? null : Number(v.toPrecision(6)));

function pickRows(spec: TimeChartSpec): number[] {
  const n = spec.dates.length;
  if (!spec.keepLows) return strideRows(n, MAX_CHART_POINTS);
  const rows = new Set<number>();
  for (const s of spec.series) for (const i of extremeRows(s.values.map((v) => -(v ?? 0)), MAX_CHART_POINTS)) rows.add(i);
  return [...rows].sort((a, b) => a - b);
}

export function timeChart(spec: TimeChartSpec): string {
  const rows = pickRows(spec);
  const colored = spec.series.map((s, i) => ({ ...s, color: s.color ?? PALETTE[i % PALETTE.length]! }));
  let series: object[];
  if (spec.stacked) {
    // Cumulative tops, drawn top layer first with opaque fills so each band shows its own colour.
    const tops = colored.map(() => new Array<number | null>(rows.length));
    rows.forEach((row, k) => {
      let acc = 0;
      colored.forEach((s, j) => {
        acc += Math.max(0, s.values[row] ?? 0);
        tops[j]![k] = short(acc);
      });
    });
    series = colored
      .map((s, j) => ({ name: s.name, color: s.color, fill: s.color, width: 0.5, values: tops[j] }))
      .reverse();
  } else {
    series = colored.map((s) => ({ name: s.name, color: s.color, width: s.width ?? 1.5, ...(s.fill ? { fill: s.fill } : {}), values: rows.map((row) => short(s.values[row])) }));
  }
  const data = {
    id: spec.id,
    format: spec.format,
    yLabel: spec.yLabel ?? '',
    log: spec.log ?? false,
    stacked: spec.stacked ?? false,
    height: spec.height ?? 300,
    x: rows.map((row) => seconds(spec.dates[row]!)),
    series,
    ...(spec.markers && spec.markers.length ? { markers: spec.markers.map(seconds) } : {}),
    ...(spec.points && spec.points.length ? { points: spec.points.map((p) => ({ x: seconds(p.date), y: short(p.value), label: p.label })) } : {}),
  };
  const json = JSON.stringify(data).replace(/</g, '\\u003c');
  const tools =
    spec.log === 'toggle'
      ? `<div class="tc-tools" role="group" aria-label="scale"><button type="button" data-scale="linear" aria-pressed="false">linear</button><button type="button" data-scale="log" aria-pressed="true">log</button></div>`
      : '';
  const id = escapeHtml(spec.id);
  const caption = `${spec.caption}${downsampleNote(rows.length, spec.dates.length)} Hover for values; drag to zoom, double-click to reset.`;
  return (
    `<figure class="chart" data-figure="${id}" data-chart="${id}">${tools}<h3>${escapeHtml(spec.title)}</h3>` +
    `<div class="${TIME_CHART_CLASS}"><div class="tc-plot"></div><script type="application/json">${json}</script></div>` +
    `<figcaption>${escapeHtml(caption)}</figcaption></figure>`
  );
}
