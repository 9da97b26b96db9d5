/**
 * End-of-year returns as grouped bars: each calendar year's compounded return of the strategy
 * beside the benchmark's (report.tables.yearly; the first and last years may be partial),
 * green above zero and red below for the strategy, grey for the benchmark; each bar carries a
 * <title> tooltip with its value.
 */
import { plotHtml, type PlotKit } from './plotKit.js';

export function eoyBars(
  kit: PlotKit,
  yearly: readonly { year: number; return: number; benchmark: number | null }[],
  benchmark: string | null,
  options: { width?: number; height?: number } = {},
): string {
  const { Plot } = kit;
  const who = ['strategy', ...(benchmark ? [benchmark] : [])];
  const rows = yearly.flatMap((y) => [
    { year: String(y.year), who: 'strategy', value: y.return, tone: y.return >= 0 ? 'up' : 'down' },
    ...(benchmark && y.benchmark !== null ? [{ year: String(y.year), who: benchmark, value: y.benchmark, tone: 'benchmark' }] : []),
  ]).map((r) => ({ ...r, title: `${r.year} ${r.who}: ${(r.value * 100).toFixed(2)}%` }));
  const width = options.width ?? 960;
  return plotHtml(kit, {
    width,
    height: options.height ?? 300,
    marginLeft: 52,
    marginBottom: 50,
    style: { fontSize: '12px' },
    fx: { label: null, tickRotate: yearly.length > 14 && width < 700 ? -90 : yearly.length > 14 ? -45 : 0, padding: 0.15 },
    x: { domain: who, axis: null, paddingInner: 0.08 },
    y: { grid: true, label: 'calendar-year return', tickFormat: (d: number) => `${Math.round(d * 100)}%` },
    color: { domain: ['up', 'down', 'benchmark'], range: ['#2e7d32', '#c0392b', '#9aa0a6'] },
    marks: [
      Plot.barY(rows, { fx: 'year', x: 'who', y: 'value', fill: 'tone', title: 'title' }),
      Plot.ruleY([0], { stroke: '#555' }),
    ],
  });
}
