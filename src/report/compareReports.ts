/**
 * Several reports side by side: one column per run, one row per figure of COMPARE_METRICS,
 * the best value of each row marked (by the row's direction; ties are all marked; a row where
 * every value is equal, or fewer than two are known, marks none), and the reasons the
 * comparison may be unfair. Pure: reads the reports, computes no figure.
 */
import { compareFairness } from './compareFairness.js';
import { compareHedgeRows } from './compareHedgeRows.js';
import { COMPARE_METRICS, type Better } from './compareMetrics.js';
import type { MetricFormat } from './figures/formatFigure.js';
import type { Report, ReportSeries } from './reportTypes.js';

export interface CompareEntry {
  /** Column label: the strategy name, made unique with ` #2`, ` #3`... */
  label: string;
  /** What the user passed: a report.json, a run folder or a strategy file. */
  source: string;
  report: Report;
  /** Daily series when available (run folders, strategy files, reports with series). */
  series: ReportSeries | null;
}

export interface ComparisonRow {
  key: string;
  label: string;
  format: MetricFormat;
  better: Better;
  values: (number | null)[];
  /** Column indices holding the best value. */
  best: number[];
}

export interface Comparison {
  columns: { label: string; source: string; strategy: string; period: { start: string; end: string }; convention: string; lag: number; benchmark: string | null }[];
  rows: ComparisonRow[];
  warnings: string[];
}

export function compareReports(entries: readonly CompareEntry[]): Comparison {
  const reports = entries.map((e) => e.report);
  // "top-K" in a label names the reports' K when they all share it.
  const ks = new Set(reports.map((r) => r.concentration.topK));
  const k = ks.size === 1 ? [...ks][0] : undefined;
  const rows = [...COMPARE_METRICS, ...compareHedgeRows(reports)].map((m) => {
    const values = reports.map((r) => m.read(r));
    const label = k === undefined ? m.label : m.label.replace('top-K', `top-${k}`);
    return { key: m.key, label, format: m.format, better: m.better, values, best: bestColumns(values, m.better) };
  });
  return {
    columns: entries.map((e) => ({
      label: e.label,
      source: e.source,
      strategy: e.report.strategy.name,
      period: { start: e.report.period.start, end: e.report.period.end },
      convention: e.report.convention.name,
      lag: e.report.timing.lag,
      benchmark: e.report.benchmark?.ticker ?? null,
    })),
    rows,
    warnings: compareFairness(reports, entries.map((e) => e.label)),
  };
}

export function bestColumns(values: readonly (number | null)[], better: Better): number[] {
  if (better === null) return [];
  const known = values.flatMap((v, i) => (v === null ? [] : [{ v, i }]));
  if (known.length < 2) return [];
  const target = better === 'higher' ? Math.max(...known.map((k) => k.v)) : Math.min(...known.map((k) => k.v));
  const best = known.filter((k) => k.v === target).map((k) => k.i);
  return best.length === known.length ? [] : best;
}

/** Unique column labels: repeated names get ` #2`, ` #3`, ... in order of appearance. */
export function uniqueLabels(names: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((n) => {
    const k = (seen.get(n) ?? 0) + 1;
    seen.set(n, k);
    return k === 1 ? n : `${n} #${k}`;
  });
}
