import { describe, expect, it } from 'vitest';
import { compareFairness } from '../../../src/report/compareFairness.js';
import { bestColumns, compareReports, uniqueLabels } from '../../../src/report/compareReports.js';
import { csvCell, renderCompareCsv } from '../../../src/report/renderCompareCsv.js';
import { renderCompareTerminal } from '../../../src/report/renderCompareTerminal.js';
import { fixtureReport } from './fixtureReport.js';

describe('bestColumns', () => {
  it('marks the highest or the lowest, all ties, and skips nulls', () => {
    expect(bestColumns([0.1, 0.3, null, 0.2], 'higher')).toEqual([1]);
    expect(bestColumns([0.1, 0.3, null, 0.1], 'lower')).toEqual([0, 3]);
  });
  it('marks nothing for unranked rows, a single known value, or when every value is equal', () => {
    expect(bestColumns([0.1, 0.3], null)).toEqual([]);
    expect(bestColumns([null, 0.3], 'higher')).toEqual([]);
    expect(bestColumns([0.3, 0.3], 'higher')).toEqual([]);
  });
});

describe('uniqueLabels', () => {
  it('numbers repeated names in order', () => {
    expect(uniqueLabels(['a', 'b', 'a', 'a'])).toEqual(['a', 'b', 'a #2', 'a #3']);
  });
});

describe('compareReports', () => {
  const a = fixtureReport({ name: 'A' });
  const b = fixtureReport({ name: 'B' });
  b.metrics = { ...b.metrics, cagr: 0.5, maxDrawdown: 0.05, sharpe: 3 };
  const cmp = compareReports([
    { label: 'A', source: 'a.json', report: a, series: null },
    { label: 'B', source: 'b.json', report: b, series: null },
  ]);
  const row = (key: string) => cmp.rows.find((r) => r.key === key)!;

  it('reads each figure from its report and marks the better one by direction', () => {
    // A: cagr 90.5, maxDrawdown 0.1, sharpe 2.25 (fixture); B: 0.5, 0.05, 3.
    expect(row('metrics.cagr')).toMatchObject({ values: [90.5, 0.5], best: [0] });
    expect(row('metrics.maxDrawdown')).toMatchObject({ values: [0.1, 0.05], best: [1] });
    expect(row('metrics.sharpe')).toMatchObject({ values: [2.25, 3], best: [1] });
    // Same volatility in both (1.5): no mark. Beta is not ranked.
    expect(row('metrics.annualizedVolatility').best).toEqual([]);
    expect(row('benchmark.relative.beta')).toMatchObject({ values: [1.2, 1.2], best: [], better: null });
    expect(row('concentration.maxWeight.max').values).toEqual([0.5, 0.5]);
    expect(row('metrics.sortino').values).toEqual([null, null]);
  });

  it('finds no unfairness between two runs with the same settings and data', () => {
    expect(cmp.warnings).toEqual([]);
  });

  it('prints the table with the best value starred and a dash for a missing value', () => {
    const text = renderCompareTerminal(cmp, { color: false });
    const lines = text.split('\n');
    expect(lines.find((l) => l.startsWith('CAGR'))).toMatch(/^CAGR ↑\s+9050\.00%\*\s+50\.00%$/);
    expect(lines.find((l) => l.startsWith('Sortino'))).toMatch(/^Sortino ↑\s+–\s+–$/);
  });

  it('writes CSV with full-precision numbers and empty cells for null', () => {
    const csv = renderCompareCsv(cmp).split('\n');
    expect(csv[0]).toBe('key,label,better,A,B');
    expect(csv).toContain('metrics.cagr,CAGR,higher,90.5,0.5');
    expect(csv).toContain('metrics.sortino,Sortino,higher,,');
    expect(csvCell('a,"b"')).toBe('"a,""b"""');
  });
});

describe('compareFairness', () => {
  it('names every difference that makes a comparison unfair', () => {
    const a = fixtureReport({ name: 'A' });
    const b = fixtureReport({ name: 'B', synthetic: true });
    b.period = { ...b.period, start: '2024-01-03' };
    b.costs = { ...b.costs, bps: 10 };
    b.timing = { ...b.timing, lag: 0 };
    b.convention = { ...b.convention, name: 'performanceanalytics' };
    b.data = { ...b.data, files: [b.data.files[0]!, { ...b.data.files[1]!, sha256: 'c'.repeat(64) }] };
    const w = compareFairness([a, b], ['A', 'B']);
    expect(w).toHaveLength(6);
    expect(w[0]).toBe('period differs (A: 2024-01-02 → 2024-01-08; B: 2024-01-03 → 2024-01-08): returns and drawdowns cover different markets');
    expect(w.some((x) => x.startsWith('data kind differs (A: market data; B: synthetic sample)'))).toBe(true);
    expect(w.some((x) => x.startsWith('costs differs (A: 5 bps + 0 bps slippage; B: 10 bps + 0 bps slippage)'))).toBe(true);
    expect(w.some((x) => x.startsWith('lag differs (A: 1; B: 0)'))).toBe(true);
    expect(w.some((x) => x.startsWith('convention profile differs (A: standard; B: performanceanalytics)'))).toBe(true);
    expect(w.some((x) => x.startsWith('data file for BBB differs (A: sha256 bbbbbbbbbbbb; B: sha256 cccccccccccc)'))).toBe(true);
    expect(w.some((x) => x.startsWith('data folder'))).toBe(false);
  });

  it('names a different risk-free rate (e.g. cash as the risk-free rate against a 0 rate)', () => {
    const a = fixtureReport({ name: 'A' });
    const b = fixtureReport({ name: 'B' });
    b.convention = { ...b.convention, riskFree: 'cash, 2% a year, accrued per period as (1 + rate)^(1/252) − 1; Sharpe, alpha and Sortino are measured in excess of it' };
    expect(compareFairness([a, b], ['A', 'B'])).toEqual([
      'risk-free rate differs (A: 0% a year (reporting.riskFreeRate); B: cash, 2% a year, accrued per period as (1 + rate)^(1/252) − 1; Sharpe, alpha and Sortino are measured in excess of it): Sharpe, Sortino and alpha measure returns in excess of different rates',
    ]);
  });
});
