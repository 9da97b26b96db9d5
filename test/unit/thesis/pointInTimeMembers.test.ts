import { describe, expect, it } from 'vitest';
import { parseIsoDate } from '../../../src/core/dates.js';
import { datedMembers, selectPointInTime } from '../../../src/thesis/pointInTimeMembers.js';

// Three candidates on five rows (NaN: no price yet).
//   A: 100 110 121 121 100     B: 100 100 130 130 130     C: NaN NaN 50 60 90
const panel = {
  dates: Int32Array.from(['2020-01-02', '2020-01-03', '2020-01-06', '2020-01-07', '2020-01-08'], parseIsoDate),
  assets: ['A', 'B', 'C'],
  values: Float64Array.from([100, 110, 121, 121, 100, 100, 100, 130, 130, 130, NaN, NaN, 50, 60, 90]),
};

describe('selectPointInTime', () => {
  it('ranks by P_d / P_{d−N} − 1 with prices up to d only; a candidate without both prices is not ranked', () => {
    const s = selectPointInTime(panel, [2, 4], { candidates: ['A', 'B', 'C'], select: 2, lookback: 2 });
    // Row 2: A 121/100 − 1 = 0.21, B 130/100 − 1 = 0.30, C no price 2 rows back → B, A.
    expect(s[0]!.tickers).toEqual(['B', 'A']);
    expect(s[0]!.returns['A']).toBeCloseTo(0.21, 14);
    expect(s[0]!.returns['C']).toBeNull();
    // Row 4: A 100/121 − 1 = −0.1736, B 130/130 − 1 = 0, C 90/50 − 1 = 0.8 → C, B.
    expect(s[1]!.tickers).toEqual(['C', 'B']);
    expect(s[1]!.date).toBe('2020-01-08');
  });

  it('ties go to the earlier candidate', () => {
    expect(selectPointInTime(panel, [3], { candidates: ['B', 'A'], select: 1, lookback: 1 })[0]!.tickers).toEqual(['B']); // both 0
    expect(selectPointInTime(panel, [3], { candidates: ['A', 'B'], select: 1, lookback: 1 })[0]!.tickers).toEqual(['A']);
  });
});

describe('datedMembers', () => {
  it('a pick lasts to the day before the next selection; consecutive picks merge; the last is open-ended', () => {
    const members = datedMembers([
      { date: '2020-01-02', tickers: ['A', 'B'], returns: {} },
      { date: '2020-03-02', tickers: ['B', 'C'], returns: {} },
      { date: '2021-01-04', tickers: ['A', 'B'], returns: {} },
    ]);
    expect(members).toEqual([
      { ticker: 'A', from: '2020-01-02', to: '2020-03-01' }, // the day before 2020-03-02
      { ticker: 'B', from: '2020-01-02' },
      { ticker: 'C', from: '2020-03-02', to: '2021-01-03' },
      { ticker: 'A', from: '2021-01-04' },
    ]);
  });
});
