/**
 * The robustness page's charts (inline SVG from Observable Plot, rendered in Node). Each takes
 * plain rows from the report and returns SVG markup; nothing here computes a figure.
 */
import { CHART_WIDTH, toDate } from '../report/html/chartFigure.js';
import { plotHtml, type PlotKit } from '../report/html/plotKit.js';
import type { RobustReport } from './robustReport.js';

const percent = (d: number): string => `${Math.round(d * 100)}%`;

/** Δ CAGR without each asset / sleeve, most influential on top. */
export function leaveOneOutChart(kit: PlotKit, report: RobustReport): string | null {
  const rows = report.leaveOneOut
    .filter((r) => r.delta.cagr !== null)
    .map((r) => ({ name: r.kind === 'sleeve' ? `sleeve ${r.name}` : r.name, value: r.delta.cagr as number, sign: (r.delta.cagr as number) >= 0 ? 'up' : 'down' }));
  if (rows.length === 0) return null;
  const { Plot } = kit;
  return plotHtml(kit, {
    width: CHART_WIDTH,
    height: 50 + 22 * rows.length,
    marginLeft: 140,
    marginRight: 60,
    style: { fontSize: '12px' },
    // Room beyond the longest bars for their labels, on both sides of zero.
    x: { grid: true, label: 'Δ CAGR without it (percentage points)', tickFormat: (d: number) => `${(d * 100).toFixed(1)}`, domain: paddedDomain(rows.map((r) => r.value)) },
    y: { domain: rows.map((r) => r.name), label: null },
    color: { domain: ['up', 'down'], range: ['#2e7d32', '#c0392b'] },
    marks: [
      Plot.barX(rows, { x: 'value', y: 'name', fill: 'sign' }),
      Plot.ruleX([0], { stroke: '#555' }),
      Plot.text(rows.filter((r) => r.value >= 0), { x: 'value', y: 'name', text: (d: { value: number }) => `+${(d.value * 100).toFixed(2)}pp`, textAnchor: 'start', dx: 4, fontSize: 11 }),
      Plot.text(rows.filter((r) => r.value < 0), { x: 'value', y: 'name', text: (d: { value: number }) => `${(d.value * 100).toFixed(2)}pp`, textAnchor: 'end', dx: -4, fontSize: 11 }),
    ],
  });
}

/** CAGR (or max drawdown) by start date, one colour per holding horizon. */
export function startDateChart(kit: PlotKit, report: RobustReport, key: 'cagr' | 'maxDrawdown'): string | null {
  const rows = report.startDates.flatMap((h) =>
    h.points.filter((p) => p[key] !== null).map((p) => ({ date: toDate(p.from), value: key === 'maxDrawdown' ? -(p[key] as number) : (p[key] as number), horizon: h.horizon })),
  );
  if (rows.length === 0) return null;
  const { Plot } = kit;
  return plotHtml(kit, {
    width: CHART_WIDTH,
    height: 300,
    marginLeft: 56,
    style: { fontSize: '12px' },
    x: { type: 'utc', label: 'start date' },
    y: { grid: true, label: key === 'cagr' ? 'CAGR' : 'max drawdown (below 0)', tickFormat: percent },
    color: { legend: true, domain: report.startDates.map((h) => h.horizon), range: ['#1f77b4', '#ff7f0e', '#2ca02c'] },
    marks: [Plot.ruleY([0], { stroke: '#999' }), Plot.line(rows, { x: 'date', y: 'value', stroke: 'horizon', strokeOpacity: 0.5 }), Plot.dot(rows, { x: 'date', y: 'value', fill: 'horizon', r: 2 })],
  });
}

/** Histogram of the bootstrap paths' CAGR with the real run's CAGR and the 5–95% interval marked. */
export function bootstrapChart(kit: PlotKit, report: RobustReport): string | null {
  const b = report.bootstrap;
  const values = b.byPath.cagr.filter((v): v is number => v !== null).map((value) => ({ value }));
  if (values.length === 0) return null;
  const { Plot } = kit;
  const rules = [
    ...(b.cagr.original !== null ? [{ x: b.cagr.original, what: 'real run' }] : []),
    ...(b.cagr.p5 !== null ? [{ x: b.cagr.p5, what: 'p5' }] : []),
    ...(b.cagr.p95 !== null ? [{ x: b.cagr.p95, what: 'p95' }] : []),
  ];
  return plotHtml(kit, {
    width: CHART_WIDTH,
    height: 280,
    marginLeft: 56,
    style: { fontSize: '12px' },
    x: { label: 'CAGR of the resampled path', tickFormat: percent },
    y: { grid: true, label: 'paths' },
    marks: [
      Plot.rectY(values, { ...Plot.binX({ y: 'count' }, { x: 'value', thresholds: 30 }), fill: '#8fb3d9' }),
      Plot.ruleY([0]),
      Plot.ruleX(rules.filter((r) => r.what !== 'real run'), { x: 'x', stroke: '#555', strokeDasharray: '4,3', strokeWidth: 1.5 }),
      Plot.ruleX(rules.filter((r) => r.what === 'real run'), { x: 'x', stroke: '#c0392b', strokeWidth: 2 }),
      Plot.text(rules, { x: 'x', frameAnchor: 'top', text: 'what', dy: -2, dx: 3, textAnchor: 'start', fontSize: 11 }),
    ],
  });
}

/** Return of the strategy (and the benchmark) in each stress window that has data. */
export function stressChart(kit: PlotKit, report: RobustReport): string | null {
  const rows: { window: string; who: string; value: number }[] = [];
  for (const w of report.stressWindows) {
    if (w.strategy?.return != null) rows.push({ window: w.name, who: 'strategy', value: w.strategy.return });
    if (report.benchmark && w.benchmark?.return != null) rows.push({ window: w.name, who: report.benchmark, value: w.benchmark.return });
  }
  if (rows.length === 0) return null;
  const { Plot } = kit;
  const windows = [...new Set(rows.map((r) => r.window))];
  const who = ['strategy', ...(report.benchmark ? [report.benchmark] : [])];
  const label = (d: { value: number }) => `${d.value >= 0 ? '+' : ''}${(d.value * 100).toFixed(1)}%`;
  return plotHtml(kit, {
    width: CHART_WIDTH,
    height: 50 + 22 * who.length * windows.length + 8 * windows.length,
    marginLeft: 220,
    marginRight: 60,
    style: { fontSize: '12px' },
    x: { grid: true, nice: true, label: 'return inside the window', tickFormat: percent },
    y: { domain: who, axis: null },
    fy: { domain: windows, label: null, axis: 'left', padding: 0.15 },
    color: { legend: true, domain: who, range: ['#1f77b4', '#9e9e9e'] },
    marks: [
      Plot.barX(rows, { x1: 0, x2: 'value', y: 'who', fy: 'window', fill: 'who' }),
      Plot.ruleX([0], { stroke: '#555' }),
      Plot.text(rows.filter((r) => r.value >= 0), { x: 'value', y: 'who', fy: 'window', text: label, textAnchor: 'start', dx: 4, fontSize: 11 }),
      Plot.text(rows.filter((r) => r.value < 0), { x: 'value', y: 'who', fy: 'window', text: label, textAnchor: 'end', dx: -4, fontSize: 11 }),
    ],
  });
}

/** The top-K share of each calendar year's positive contributions. */
export function concentrationChart(kit: PlotKit, report: RobustReport): string | null {
  const rows = report.concentrationByYear.years.filter((y) => y.topShare !== null).map((y) => ({ year: String(y.year), share: y.topShare as number }));
  if (rows.length === 0) return null;
  const { Plot } = kit;
  return plotHtml(kit, {
    width: CHART_WIDTH,
    height: 280,
    marginLeft: 56,
    style: { fontSize: '12px' },
    x: { label: 'year', domain: rows.map((r) => r.year) },
    y: { grid: true, label: `top-${report.concentrationByYear.topK} share of positive contributions`, domain: [0, 1], tickFormat: percent },
    marks: [
      Plot.barY(rows, { x: 'year', y: 'share', fill: '#6a51a3' }),
      Plot.text(rows, { x: 'year', y: 'share', text: (d: { share: number }) => `${Math.round(d.share * 100)}%`, dy: -6, fontSize: 11 }),
      Plot.ruleY([0]),
    ],
  });
}

/** [min, max] of the values and zero, widened by a fifth of the span on each side that has bars. */
function paddedDomain(values: readonly number[]): [number, number] {
  const lo = Math.min(0, ...values);
  const hi = Math.max(0, ...values);
  const pad = (hi - lo || 1e-4) * 0.2;
  return [lo < 0 ? lo - pad : lo, hi > 0 ? hi + pad : hi];
}
