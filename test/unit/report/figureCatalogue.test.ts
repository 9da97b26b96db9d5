/**
 * The figure catalogue is the one list of report figures: what computeMetrics and
 * computeRelativeMetrics emit is exactly its metrics and relative figures, in its order; every
 * figure names a formula in docs/conventions.md and a compute function that exists; and every
 * renderer (run summary, `sleeves metrics`, the HTML metric tables, compare terminal and CSV,
 * the sweep's columns) shows each figure of its scope with the catalogue's label and format.
 * Adding a metric is then its `put` in the compute file and its catalogue entry, nothing else.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { computeMetrics, METRIC_KEYS } from '../../../src/metrics/computeMetrics.js';
import { computeRelativeMetrics, RELATIVE_METRIC_KEYS } from '../../../src/metrics/computeRelativeMetrics.js';
import { COMPARE_METRICS } from '../../../src/report/compareMetrics.js';
import { compareReports } from '../../../src/report/compareReports.js';
import { FIGURES, figuresIn, figuresOf, sweepFigure } from '../../../src/report/figures/figureCatalogue.js';
import { formatFigure, formatValue } from '../../../src/report/figures/formatFigure.js';
import { labelIn, readFigure } from '../../../src/report/figures/readFigure.js';
import { csvCell, renderCompareCsv } from '../../../src/report/renderCompareCsv.js';
import { renderCompareTerminal } from '../../../src/report/renderCompareTerminal.js';
import { metricsTableHtml, relativeTableHtml } from '../../../src/report/renderHtmlSections.js';
import { renderMetricsTable } from '../../../src/report/renderMetricsTable.js';
import { renderTerminal } from '../../../src/report/renderTerminal.js';
import type { Report } from '../../../src/report/reportTypes.js';
import { isLowerBetter } from '../../../src/sweep/sweepSummary.js';
import { SWEEP_METRICS, SWEEP_STATS } from '../../../src/sweep/variantMetrics.js';
import { fixtureReport } from './fixtureReport.js';

const root = path.resolve(import.meta.dirname, '../../..');
const ctx = { periodsPerYear: 252, convention: 'standard' as const, riskFreeRate: 0, mar: 0 };
// A short series with ups, downs, a drawdown and a tail, so every metric is defined.
const r = Float64Array.from([0.01, -0.02, 0.015, 0.03, -0.01, 0.005, -0.025, 0.02, 0.01, -0.005]);
const b = Float64Array.from([0.005, -0.01, 0.01, 0.02, -0.015, 0.0, -0.02, 0.015, 0.005, 0.002]);

/** A report holding a distinct value for every catalogue figure of the metrics and relative scopes. */
function fullReport(): Report {
  const report = fixtureReport();
  report.metrics = Object.fromEntries(figuresOf('metrics').map((f, i) => [f.name, 0.01 * (i + 1) + 0.001]));
  report.benchmark = {
    ticker: 'SPY',
    periods: 4,
    metrics: Object.fromEntries(figuresOf('metrics').map((f, i) => [f.name, -0.02 * (i + 1)])),
    relative: Object.fromEntries(figuresOf('relative').map((f, i) => [f.name, 0.3 * (i + 1) + 0.004])),
  };
  report.concentration.effectiveBets = { mean: 1.734, min: 1.5, last: 1.6 };
  return report;
}

describe('the figure catalogue against the compute files', () => {
  it('lists exactly the keys computeMetrics and computeRelativeMetrics emit, in their order', () => {
    expect(figuresOf('metrics').map((f) => f.name)).toEqual([...METRIC_KEYS]);
    expect(Object.keys(computeMetrics(r, ctx).metrics)).toEqual(figuresOf('metrics').map((f) => f.name));
    expect(figuresOf('relative').map((f) => f.name)).toEqual([...RELATIVE_METRIC_KEYS]);
    expect(Object.keys(computeRelativeMetrics(r, b, ctx).metrics)).toEqual(figuresOf('relative').map((f) => f.name));
  });

  it('gives every figure a unique key, a label unique in its scope, a direction, a convention and a compute function that exists', () => {
    expect(new Set(FIGURES.map((f) => f.key)).size).toBe(FIGURES.length);
    for (const scope of ['metrics', 'relative', 'costs', 'concentration', 'sweep'] as const) {
      const labels = figuresOf(scope).map((f) => f.label);
      expect(new Set(labels).size, scope).toBe(labels.length);
    }
    for (const f of FIGURES) {
      expect(f.label.length, f.key).toBeGreaterThan(0);
      expect(['higher', 'lower', null], f.key).toContain(f.better);
      expect(f.convention.length, f.key).toBeGreaterThan(10);
      // "metrics/returnMetrics.ts cagr" (parts split by ";"): each file exists under src/ and defines the named functions.
      for (const part of f.compute.split(';')) {
        const [file, ...names] = part.trim().split(/\s+/);
        const source = path.join(root, 'src', file!);
        expect(existsSync(source) && file!.endsWith('.ts'), `${f.key}: ${source}`).toBe(true);
        const text = readFileSync(source, 'utf8');
        for (const name of names.filter((n) => /^[a-z][A-Za-z]+$/.test(n))) expect(text, `${f.key}: ${name}`).toMatch(new RegExp(`function ${name}\\b`));
      }
    }
  });

  it('names each metric, relative and concentration figure in docs/conventions.md', () => {
    const doc = readFileSync(path.join(root, 'docs/conventions.md'), 'utf8');
    for (const f of [...figuresOf('metrics'), ...figuresOf('relative'), ...figuresOf('concentration')]) {
      expect(doc, f.key).toContain(`\`${f.name.split('.')[0]}\``);
    }
  });
});

describe('one format for every command', () => {
  it('writes percentages, numbers and counts with the catalogue digits, and an en dash for a missing value', () => {
    expect(formatValue(0.123456, { unit: 'percent', digits: 2 })).toBe('12.35%'); // 12.3456 → 12.35
    expect(formatValue(-0.0101, { unit: 'percent', digits: 2 })).toBe('-1.01%'); // VaR keeps its sign
    expect(formatValue(-1e-18, { unit: 'percent', digits: 2 })).toBe('0.00%'); // no "-0.00%"
    expect(formatValue(1e308, { unit: 'percent', digits: 2 })).toBe('1.00e+310%'); // 1e308 × 100 overflows a double
    expect(formatValue(0.5196, { unit: 'number', digits: 3 })).toBe('0.520');
    expect(formatValue(996.6, { unit: 'count', digits: 0 })).toBe('997');
    expect(formatValue(null, { unit: 'number', digits: 2 })).toBe('–');
    expect(formatValue(Number.NaN, 'pct')).toBe('–');
  });
});

describe('every renderer shows every figure of its scope, as the catalogue says', () => {
  const report = fullReport();

  it('the run summary: the summary figures, strategy and benchmark side by side', () => {
    const text = renderTerminal(report, { color: false });
    const lines = text.split('\n');
    for (const f of figuresIn('summary')) {
      const value = formatFigure(f, readFigure(report, f));
      if (f.scope === 'metrics') {
        const bench = formatFigure(f, report.benchmark!.metrics[f.name]);
        // e.g. "CAGR  3.10%  -6.00%": the row starts with the label and ends with the two values.
        expect(lines.find((l) => l.startsWith(`${f.label} `)), f.key).toMatch(new RegExp(`^${escape(f.label)}\\s+${escape(value)}\\s+${escape(bench)}$`));
      } else {
        expect(text, f.key).toContain(`${f.label.replace('top-K', 'top-3')} ${value}`);
      }
    }
  });

  it('`sleeves metrics`: every metrics figure, and every relative one with a benchmark, by key', () => {
    const doc = { convention: 'standard' as const, periodsPerYear: 252, series: { s: { ...report.metrics, ...report.benchmark!.relative } }, warnings: [] };
    const table = { dates: Int32Array.from([19000, 19001]), names: ['s'], columns: [Float64Array.from([0.01, 0.02])] };
    const lines = renderMetricsTable(doc, table, { convention: 'standard', riskFree: 0, benchmark: 'b' }).split('\n');
    for (const f of [...figuresOf('metrics'), ...figuresOf('relative')]) {
      expect(lines.find((l) => l.startsWith(`${f.name} `)), f.key).toMatch(new RegExp(`^${f.name}\\s+${escape(formatFigure(f, readFigure(report, f)))}$`));
    }
  });

  it('the HTML metric tables: every metrics and relative figure with its label and display form', () => {
    const { document } = parseHTML(`<div>${metricsTableHtml(report)}${relativeTableHtml(report)}</div>`);
    const rows = [...document.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent));
    for (const f of [...figuresOf('metrics'), ...figuresOf('relative')]) {
      const row = rows.find((cells) => cells[0] === f.label);
      expect(row, f.key).toBeDefined();
      expect(row![1], f.key).toBe(formatFigure(f, readFigure(report, f)));
    }
  });

  it('compare: one row per compare figure, labelled and formatted by the catalogue, in terminal and CSV', () => {
    expect(COMPARE_METRICS.map((m) => m.key)).toEqual(figuresIn('compare').map((f) => f.key));
    const other = fullReport();
    other.strategy.name = 'B';
    const cmp = compareReports([
      { label: 'A', source: 'a.json', report, series: null },
      { label: 'B', source: 'b.json', report: other, series: null },
    ]);
    const lines = renderCompareTerminal(cmp, { color: false }).split('\n');
    const csv = renderCompareCsv(cmp).split('\n');
    for (const figure of figuresIn('compare')) {
      const f = { ...figure, label: labelIn(report, figure) }; // "top-K" → "top-3": both reports have K = 3
      const value = formatFigure(f, readFigure(report, f));
      const arrow = f.better === null ? '' : f.better === 'higher' ? ' ↑' : ' ↓';
      // Equal values in both columns: no star, so each cell is the value and a space.
      expect(lines.find((l) => l.startsWith(`${f.label}${arrow} `)), f.key).toMatch(new RegExp(`^${escape(f.label + arrow)}\\s+${escape(value)}\\s+${escape(value)}$`));
      const raw = readFigure(report, f);
      expect(csv, f.key).toContain(`${f.key},${csvCell(f.label)},${f.better ?? ''},${raw ?? ''},${raw ?? ''}`);
    }
  });

  it('the sweep: every column of variants.csv is a catalogue figure, and every sweep figure a column', () => {
    const columns = [...SWEEP_METRICS, ...SWEEP_STATS];
    for (const c of columns) expect(sweepFigure(c), c).toBeDefined();
    expect(figuresIn('sweep').map((f) => f.column ?? f.name).sort()).toEqual([...columns].sort());
    // The sweep ranks by the catalogue's direction: lower is better exactly for the "lower" figures.
    for (const m of SWEEP_METRICS) expect(isLowerBetter(m), m).toBe(sweepFigure(m)!.better === 'lower');
  });
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
