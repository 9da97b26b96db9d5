/**
 * Lines over time, one per named series (equity curves, underwater curves, concentration
 * measures), drawn from at most MAX_CHART_POINTS rows each. Null values break the line.
 */
import { CHART_WIDTH, toDate } from './chartFigure.js';
import { extremeRows, MAX_CHART_POINTS, strideRows } from './downsample.js';
import { plotHtml, type PlotKit } from './plotKit.js';

export interface TimeLine {
  name: string;
  dates: readonly string[];
  values: readonly (number | null)[];
}

export interface TimeLinesOptions {
  yLabel: string;
  log?: boolean;
  percent?: boolean;
  /** Keep each bucket's largest value when downsampling (for underwater depth). */
  keepPeaks?: boolean;
  /** Draw values negated (underwater depth shown below zero). */
  negate?: boolean;
  height?: number;
}

export function timeLinesChart(kit: PlotKit, lines: readonly TimeLine[], options: TimeLinesOptions): { svg: string; drawn: number; total: number } {
  const { Plot } = kit;
  const rows: { date: Date; value: number | null; name: string }[] = [];
  let drawn = 0;
  let total = 0;
  for (const line of lines) {
    const picked = options.keepPeaks
      ? extremeRows(line.values.map((v) => v ?? 0), MAX_CHART_POINTS)
      : strideRows(line.values.length, MAX_CHART_POINTS);
    drawn = Math.max(drawn, picked.length);
    total = Math.max(total, line.values.length);
    for (const i of picked) {
      const v = line.values[i] ?? null;
      rows.push({ date: toDate(line.dates[i]!), value: v === null ? null : options.negate ? -v : v, name: line.name });
    }
  }
  const svg = plotHtml(kit, {
    width: CHART_WIDTH,
    height: options.height ?? 320,
    marginLeft: 56,
    style: { fontSize: '12px' },
    x: { type: 'utc', label: null },
    y: {
      type: options.log ? 'log' : 'linear',
      grid: true,
      label: options.yLabel,
      ...(options.percent ? { tickFormat: (d: number) => `${Math.round(d * 100)}%` } : {}),
    },
    color: { legend: lines.length > 1, domain: lines.map((l) => l.name) },
    marks: [
      ...(options.log ? [] : [Plot.ruleY([0], { stroke: '#999' })]),
      Plot.lineY(rows, { x: 'date', y: 'value', stroke: 'name', strokeWidth: 1.5 }),
    ],
  });
  return { svg, drawn, total };
}
