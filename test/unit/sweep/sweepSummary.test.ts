/**
 * The streaming summary (ranking, variance of the trials' Sharpe ratios, deflated Sharpe of the
 * best) against a naive sort and two-pass variance written here, and the CSV row round trip.
 */
import { describe, expect, it } from 'vitest';
import { parseGrid } from '../../../src/sweep/parseGrid.js';
import { parseSweepCsvRow, splitCsvLine, sweepCsvHeader, sweepCsvRow } from '../../../src/sweep/sweepCsv.js';
import { sweepSummarizer } from '../../../src/sweep/sweepSummary.js';
import type { VariantResult } from '../../../src/sweep/variantMetrics.js';

// values: cagr, vol, sharpe, sortino, maxDrawdown, calmar, totalReturn, turnoverPerYear, periods, skewness, excessKurtosis, periodSharpe
function variant(index: number, sharpe: number | null, maxDrawdown: number, periodSharpe: number | null): VariantResult {
  const values = [0.1, 0.2, sharpe, 1, maxDrawdown, 0.5, 2, 0.3, 1001, 0, 0, periodSharpe];
  return { index, values, nullCount: values.filter((v) => v === null).length };
}

describe('sweepSummarizer', () => {
  const rows = [variant(0, 0.5, 0.3, 0.03), variant(1, 0.9, 0.2, 0.06), variant(2, null, 0.1, null), variant(3, 0.9, 0.25, 0.06), variant(4, 0.7, 0.4, 0.045)];

  it('ranks by the metric (ties to the lower index, undefined last), and lower-is-better metrics upward', () => {
    const s = sweepSummarizer({ rankBy: 'sharpe', topN: 3 });
    rows.forEach((r) => s.add(r));
    const out = s.finish();
    expect(out.top.map((r) => r.index)).toEqual([1, 3, 4]);
    expect(out.variantsWithNulls).toBe(1);
    const dd = sweepSummarizer({ rankBy: 'maxDrawdown' });
    rows.forEach((r) => dd.add(r));
    expect(dd.finish().top.map((r) => r.index)).toEqual([2, 1, 3, 0, 4]);
  });

  it('uses the sample variance of the defined per-period Sharpe ratios and the best variant', () => {
    const s = sweepSummarizer({ rankBy: 'sharpe' });
    rows.forEach((r) => s.add(r));
    const o = s.finish().overfitting;
    // Defined: 0.03, 0.06, 0.06, 0.045 → mean 0.04875; squared deviations 0.00034..., sum / 3.
    const xs = [0.03, 0.06, 0.06, 0.045];
    const m = xs.reduce((a, b) => a + b) / 4;
    const v = xs.reduce((a, x) => a + (x - m) ** 2, 0) / 3;
    expect(o.variantsTried).toBe(5);
    expect(o.trials).toBe(4);
    expect(o.sharpeVariance).toBeCloseTo(v, 15);
    expect(o.best).toEqual({ variant: 1, periodSharpe: 0.06, periods: 1001 });
    expect(o.deflatedSharpe).toBeGreaterThan(0);
    expect(o.deflatedSharpe).toBeLessThan(1);
  });

  it('keeps the ranking metric per variant for a heat map', () => {
    const s = sweepSummarizer({ rankBy: 'sharpe', heatCells: 5 });
    rows.forEach((r) => s.add(r));
    expect(s.finish().heat).toEqual([0.5, 0.9, null, 0.9, 0.7]);
  });
});

describe('variants.csv rows', () => {
  it('round-trip exact doubles, empty cells for undefined values, and quoted text', () => {
    const grid = parseGrid(['a.b=1,2', 'c=x"y,z']);
    expect(sweepCsvHeader(grid)).toBe('variant,a.b,c,cagr,annualizedVolatility,sharpe,sortino,maxDrawdown,calmar,totalReturn,turnoverPerYear,periods,skewness,excessKurtosis,periodSharpe\n');
    const r: VariantResult = { index: 2, values: [0.1 + 0.2, 1 / 3, null, -0, 5e-324, 1e21, 2, 0, 10, -1.5, 3, null], nullCount: 2 };
    const line = sweepCsvRow(grid, r);
    // Variant 2 = (a.b=2, c=x"y); the quote is doubled inside a quoted cell.
    expect(line).toBe('2,2,"x""y",0.30000000000000004,0.3333333333333333,,0,5e-324,1e+21,2,0,10,-1.5,3,\n');
    expect(splitCsvLine(line.trimEnd()).slice(0, 3)).toEqual(['2', '2', 'x"y']);
    expect(parseSweepCsvRow(line.trimEnd(), 2)).toEqual({ ...r, values: r.values.map((v) => (Object.is(v, -0) ? 0 : v)) });
    expect(() => parseSweepCsvRow('1,2,3', 2)).toThrow(/expected 15 cells, got 3/);
  });
});
