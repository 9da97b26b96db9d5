import { describe, expect, it } from 'vitest';
import { parseIsoDate } from '../../../src/core/dates.js';
import { distribution } from '../../../src/robust/percentiles.js';
import { startDateCases, startDateSummaries } from '../../../src/robust/startDates.js';

const dates = Int32Array.from(
  ['2019-12-30', '2019-12-31', '2020-01-02', '2020-01-03', '2020-02-03', '2020-02-04', '2021-01-04', '2021-02-01', '2021-02-02', '2023-01-03', '2023-02-01'],
  parseIsoDate,
);

describe('startDateCases', () => {
  it('starts on the first trading day of each month, to the end when a year is left, and for 3/5 years when they fit', () => {
    // Month starts: 2020-01-02, 2020-02-03, 2021-01-04, 2021-02-01, 2023-01-03, 2023-02-01 (2019-12-30 is day 30).
    // To the end (last date 2023-02-01) needs start + 1 year − 1 day ≤ 2023-02-01: the first four.
    // 3 years: 2020-01-02 → 2023-01-01 fits; 2020-02-03 → 2023-02-02 does not. 5 years: none.
    expect(startDateCases(dates, 0, dates.length)).toEqual([
      { horizon: 'to end', from: '2020-01-02', to: '2023-02-01' },
      { horizon: '3 years', from: '2020-01-02', to: '2023-01-01' },
      { horizon: 'to end', from: '2020-02-03', to: '2023-02-01' },
      { horizon: 'to end', from: '2021-01-04', to: '2023-02-01' },
      { horizon: 'to end', from: '2021-02-01', to: '2023-02-01' },
    ]);
  });

  it('does not count a period starting mid-month as a month start', () => {
    // From row 3 (2020-01-03, the second trading day of January): the first start is 2020-02-03.
    expect(startDateCases(dates, 3, dates.length)[0]).toEqual({ horizon: 'to end', from: '2020-02-03', to: '2023-02-01' });
  });
});

describe('startDateSummaries', () => {
  it('groups by horizon with percentiles, worst and best starts', () => {
    const cases = [
      { horizon: 'to end' as const, from: '2020-01-02', to: '2023-02-01' },
      { horizon: '3 years' as const, from: '2020-01-02', to: '2023-01-01' },
      { horizon: 'to end' as const, from: '2020-02-03', to: '2023-02-01' },
      { horizon: 'to end' as const, from: '2021-01-04', to: '2023-02-01' },
    ];
    const f = (cagr: number | null, maxDrawdown: number) => ({ totalReturn: 0, cagr, sharpe: 0, maxDrawdown });
    const out = startDateSummaries(cases, [f(0.1, 0.2), f(0.05, 0.3), f(0.3, 0.1), f(null, 0.15)]);
    expect(out.map((h) => [h.horizon, h.starts])).toEqual([
      ['to end', 3],
      ['3 years', 1],
    ]);
    const end = out[0]!;
    expect(end.cagr.count).toBe(2);
    expect(end.cagr.undefinedCount).toBe(1);
    // Type 7 on [0.1, 0.3]: p25 = 0.1 + 0.25 · 0.2 = 0.15; p50 = 0.2.
    expect(end.cagr.percentiles['25']).toBeCloseTo(0.15, 15);
    expect(end.cagr.percentiles['50']).toBeCloseTo(0.2, 15);
    expect(end.worst?.from).toBe('2020-01-02');
    expect(end.best?.from).toBe('2020-02-03');
    // Max drawdown over [0.2, 0.1, 0.15] sorted [0.1, 0.15, 0.2]: p75 = 0.15 + 0.5 · 0.05 = 0.175.
    expect(end.maxDrawdown.percentiles['75']).toBeCloseTo(0.175, 15);
  });
});

describe('distribution', () => {
  it('type 7 percentiles of the defined values, nulls counted apart', () => {
    const d = distribution([null, 5, 1, 4, 2, 3]);
    expect(d.count).toBe(5);
    expect(d.undefinedCount).toBe(1);
    // Sorted 1..5: h = 4p; p5 → 1 + 0.2 = 1.2, p25 → 2, p50 → 3, p75 → 4, p95 → 4 + 0.8 = 4.8.
    expect(d.percentiles).toEqual({ '5': expect.closeTo(1.2, 14), '25': 2, '50': 3, '75': 4, '95': expect.closeTo(4.8, 14) });
    expect(d.mean).toBe(3);
    expect(distribution([null]).percentiles['50']).toBeNull();
  });
});
