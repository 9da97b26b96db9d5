/**
 * The tearsheet's time charts of one run, each an interactive timeChart built from the report
 * and its daily series only: equity vs the benchmark (linear/log switch, rebalance ticks),
 * strategy and benchmark underwater (the deepest drawdowns numbered as in the table), rolling
 * 6- and 12-month Sharpe, volatility and beta, asset weights (top N + other + cash), sleeve
 * weights, concentration and effective holdings. `suffix` makes the ids unique when several
 * runs share a page (compare: `equity-0`).
 */
import type { Report, ReportSeries } from '../reportTypes.js';
import { missingChart } from './chartFigure.js';
import { timeChart, type TimeSeriesLine } from './timeChart.js';

export interface FigureOptions {
  /** Appended to every figure id, e.g. `-0`. */
  suffix?: string;
  height?: number;
}

const STRATEGY = '#1f5f99';
const BENCHMARK = '#9aa0a6';
/** How many assets the asset-weights chart names; the rest are summed as "other". */
export const TOP_ASSETS = 8;

const id = (base: string, o: FigureOptions) => `${base}${o.suffix ?? ''}`;
const windows = (report: Report) => `6 months = ${Math.max(2, Math.round(report.period.periodsPerYear / 2))} periods, 12 months = ${Math.round(report.period.periodsPerYear)}`;

export function equityFigure(report: Report, series: ReportSeries, o: FigureOptions = {}): string {
  const lines: TimeSeriesLine[] = [{ name: report.strategy.name, values: series.equity, color: STRATEGY, width: 1.8 }];
  if (series.benchmarkEquity && report.benchmark) lines.push({ name: report.benchmark.ticker, values: series.benchmarkEquity, color: BENCHMARK });
  return timeChart({
    id: id('equity', o),
    title: 'Cumulative return vs benchmark',
    caption: `Growth of 1 invested at the close of ${report.period.start}, after costs; ticks along the bottom mark the ${report.rebalances.length} rebalance trade dates.`,
    dates: series.dates,
    series: lines,
    format: 'growth',
    yLabel: 'growth of 1',
    log: 'toggle',
    markers: report.rebalances.map((r) => r.tradeDate),
    height: o.height ?? 320,
  });
}

export function underwaterFigure(report: Report, series: ReportSeries, o: FigureOptions = {}): string {
  const lines: TimeSeriesLine[] = [{ name: report.strategy.name, values: series.underwater.map((u) => -u), color: '#c0392b', fill: 'rgba(192,57,43,0.25)', width: 1.2 }];
  if (series.benchmarkUnderwater && report.benchmark) lines.push({ name: report.benchmark.ticker, values: series.benchmarkUnderwater.map((u) => (u === null ? null : -u)), color: '#9aa0a6', width: 0.9 });
  return timeChart({
    id: id('underwater', o),
    title: 'Underwater: strategy and benchmark',
    caption: `Fall below the previous peak (1 − V/peak, drawn below zero); the ${report.drawdowns.length} deepest drawdowns of the strategy are numbered as in the drawdown table.`,
    dates: series.dates,
    series: lines,
    format: 'pct',
    yLabel: 'below previous peak',
    keepLows: true,
    points: report.drawdowns.map((d, k) => ({ date: d.trough, value: -d.depth, label: String(k + 1) })),
    height: o.height ?? 260,
  });
}

function missingRolling(base: string, title: string, o: FigureOptions): string {
  return missingChart(id(base, o), title, 'Not in this report (written by an engine before the rolling figures).');
}

export function rollingSharpeFigure(report: Report, series: ReportSeries, o: FigureOptions = {}): string {
  const title = 'Rolling Sharpe ratio (6 and 12 months)';
  if (!series.rollingSharpe6m || !series.rollingSharpe12m) return missingRolling('rolling-sharpe', title, o);
  return timeChart({
    id: id('rolling-sharpe', o),
    title,
    caption: `The report's Sharpe ratio (${report.convention.name} profile, risk-free: ${report.convention.riskFree}) over each trailing window (${windows(report)}); blank before the first full window.`,
    dates: series.dates,
    series: [
      { name: '6 months', values: series.rollingSharpe6m, color: '#76b7b2', width: 1.2 },
      { name: '12 months', values: series.rollingSharpe12m, color: STRATEGY, width: 1.8 },
    ],
    format: 'num',
    yLabel: 'Sharpe',
    height: o.height ?? 240,
  });
}

export function rollingVolatilityFigure(report: Report, series: ReportSeries, o: FigureOptions = {}): string {
  const title = 'Rolling volatility (6 and 12 months)';
  if (!series.rollingVolatility6m) return missingRolling('rolling-volatility', title, o);
  const lines: TimeSeriesLine[] = [
    { name: '6 months', values: series.rollingVolatility6m, color: '#76b7b2', width: 1.2 },
    { name: '12 months', values: series.rollingVolatility, color: STRATEGY, width: 1.8 },
  ];
  if (series.benchmarkRollingVolatility && report.benchmark) lines.push({ name: `${report.benchmark.ticker} 12 months`, values: series.benchmarkRollingVolatility, color: BENCHMARK });
  return timeChart({
    id: id('rolling-volatility', o),
    title,
    caption: `Annualised standard deviation sd(r, w−1)·√P of each trailing window (${windows(report)}).`,
    dates: series.dates,
    series: lines,
    format: 'pct',
    yLabel: 'annualised volatility',
    height: o.height ?? 240,
  });
}

export function rollingBetaFigure(report: Report, series: ReportSeries, o: FigureOptions = {}): string {
  const title = 'Rolling beta vs the benchmark (6 and 12 months)';
  if (!report.benchmark) return missingChart(id('rolling-beta', o), title, 'No benchmark in this run.');
  if (!series.rollingBeta6m || !series.rollingBeta12m) return missingRolling('rolling-beta', title, o);
  return timeChart({
    id: id('rolling-beta', o),
    title: `Rolling beta vs ${report.benchmark.ticker} (6 and 12 months)`,
    caption: `cov(r, b) / var(b) over the common periods of each trailing window (${windows(report)}; at least half the window priced).`,
    dates: series.dates,
    series: [
      { name: '6 months', values: series.rollingBeta6m, color: '#76b7b2', width: 1.2 },
      { name: '12 months', values: series.rollingBeta12m, color: STRATEGY, width: 1.8 },
    ],
    format: 'num',
    yLabel: 'beta',
    height: o.height ?? 240,
  });
}

/** The TOP_ASSETS assets of the largest mean weight, the rest summed as "other", and cash. */
export function assetWeightsFigure(series: ReportSeries, o: FigureOptions = {}): string {
  const n = series.dates.length;
  const meanOf = (v: readonly number[]) => v.reduce((s, x) => s + x, 0) / Math.max(1, v.length);
  const ranked = Object.entries(series.weights).sort((a, b) => meanOf(b[1]) - meanOf(a[1]));
  const top = ranked.slice(0, TOP_ASSETS);
  const rest = ranked.slice(TOP_ASSETS);
  const layers: TimeSeriesLine[] = top.map(([name, values]) => ({ name, values }));
  if (rest.length) layers.push({ name: `other (${rest.length})`, values: Array.from({ length: n }, (_, t) => rest.reduce((s, [, v]) => s + (v[t] ?? 0), 0)), color: '#d4d4d4' });
  layers.push({ name: 'cash', values: series.cash, color: '#f1f1f1' });
  return timeChart({
    id: id('asset-weights', o),
    title: 'Asset weights over time',
    caption: `End-of-day share of the whole portfolio per asset, stacked: the ${top.length} largest by mean weight${rest.length ? `, the other ${rest.length} summed` : ''}, and cash.`,
    dates: series.dates,
    series: layers,
    format: 'pct',
    yLabel: 'share of portfolio',
    stacked: true,
    height: o.height ?? 300,
  });
}

export function sleeveWeightsFigure(series: ReportSeries, o: FigureOptions = {}): string {
  const layers: TimeSeriesLine[] = Object.entries(series.sleeveWeights).map(([name, values]) => ({ name, values }));
  layers.push({ name: 'cash', values: series.cash, color: '#f1f1f1' });
  return timeChart({
    id: id('sleeve-weights', o),
    title: 'Sleeve weights over time',
    caption: 'End-of-day share of the whole portfolio per sleeve (Σ fraction · asset weight), stacked, and cash.',
    dates: series.dates,
    series: layers,
    format: 'pct',
    yLabel: 'share of portfolio',
    stacked: true,
    height: o.height ?? 280,
  });
}

export function concentrationFigures(series: ReportSeries): string[] {
  return [
    timeChart({
      id: 'concentration',
      title: 'Largest single weight and HHI',
      caption: 'Of the invested part (weights normalised to sum to 1; days fully in cash are blank).',
      dates: series.dates,
      series: [
        { name: 'largest weight', values: series.maxWeight },
        { name: 'HHI', values: series.hhi },
      ],
      format: 'pct',
      height: 220,
    }),
    timeChart({
      id: 'effective-holdings',
      title: 'Effective number of holdings',
      caption: '1 / HHI: how many equal positions the portfolio is as concentrated as.',
      dates: series.dates,
      series: [{ name: 'effective holdings', values: series.effectiveHoldings }],
      format: 'num',
      height: 200,
    }),
  ];
}
