import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatIsoDate } from '../../../src/core/dates.js';
import { alignPanel } from '../../../src/data/alignPanel.js';
import type { PriceSeries } from '../../../src/data/priceSeries.js';

const D0 = 18263; // 2020-01-02

function series(ticker: string, offsets: number[], prices: number[]): PriceSeries {
  const dates = Int32Array.from(offsets, (o) => D0 + o);
  return {
    ticker,
    dates,
    prices: Float64Array.from(prices),
    info: {
      ticker,
      file: `${ticker}.csv`,
      format: 'plain',
      rows: offsets.length,
      start: formatIsoDate(dates[0] as number),
      end: formatIsoDate(dates[dates.length - 1] as number),
      priceColumn: 'close',
      sha256: '',
    },
    warnings: [],
  };
}

const col = (values: Float64Array, a: number, n: number): number[] => [...values.subarray(a * n, (a + 1) * n)];
const iso = (o: number): string => formatIsoDate(D0 + o);

describe('alignPanel', () => {
  // A trades on days 0,1,2,5; B on days 1,3.
  const A = series('A', [0, 1, 2, 5], [10, 11, 12, 15]);
  const B = series('B', [1, 3], [20, 23]);

  it('unions the dates, forward-fills and never back-fills', () => {
    const { panel, filled, droppedDates, firstDates } = alignPanel([A, B]);
    // Union calendar: days 0,1,2,3,5.
    expect([...panel.dates].map((d) => d - D0)).toEqual([0, 1, 2, 3, 5]);
    expect(col(panel.values, 0, 5)).toEqual([10, 11, 12, 12, 15]); // day 3 carries 12
    // NaN before B's first price, day 2 carries 20, and NaN after its last price (day 3): a fill
    // bridges a gap between two prices, never the unknown after a file ends.
    expect(col(panel.values, 1, 5)).toEqual([NaN, 20, 20, 23, NaN]);
    expect(filled).toEqual({ A: 1, B: 1 });
    expect(droppedDates).toEqual({ A: [], B: [] });
    expect(firstDates).toEqual({ A: iso(0), B: iso(1) });
  });

  it('the union calendar is every date of any series, ascending, each once (against a Set and a sort)', () => {
    const offsets = fc.uniqueArray(fc.integer({ min: 0, max: 60 }), { minLength: 1, maxLength: 30 }).map((a) => a.sort((x, y) => x - y));
    fc.assert(
      fc.property(fc.array(offsets, { minLength: 1, maxLength: 6 }), fc.integer({ min: 0, max: 3 }), fc.nat(), (sets, mode, cut) => {
        // mode 1: every series after the first has the first one's dates; 2: a run of consecutive
        // dates of the first one (the merge's shortcut); 3: such a run with one date left out.
        const first = sets[0]!;
        const datesOf = (o: number[], k: number): number[] => {
          if (k === 0 || mode === 0) return o;
          if (mode === 1) return first;
          const from = (cut + k) % first.length;
          const run = first.slice(from, from + 1 + ((cut * (k + 1)) % (first.length - from)));
          return mode === 3 && run.length > 2 ? run.filter((_, i) => i !== 1) : run;
        };
        const list = sets.map((o, k) => series(`S${k}`, datesOf(o, k), datesOf(o, k).map(() => 1)));
        const naive = [...new Set(list.flatMap((s) => [...s.dates]))].sort((x, y) => x - y);
        expect([...alignPanel(list).panel.dates]).toEqual(naive);
      }),
      { numRuns: 500 },
    );
  });

  it('fills at most maxFillDays consecutive rows, then NaN until the next price', () => {
    const C = series('C', [0, 5], [5, 6]);
    const { panel, filled } = alignPanel([A, C], { maxFillDays: 1 });
    // Calendar 0,1,2,5: C has 5 on day 0, one fill on day 1, NaN on day 2, 6 on day 5.
    expect(col(panel.values, 1, 4)).toEqual([5, 5, NaN, 6]);
    expect(filled.C).toBe(1);
  });

  it('keeps only common dates under "intersection" and reports the others as dropped', () => {
    const { panel, droppedDates } = alignPanel([A, series('B', [1, 2, 3], [20, 21, 23])], { calendar: 'intersection' });
    expect([...panel.dates].map((d) => d - D0)).toEqual([1, 2]);
    expect(col(panel.values, 0, 2)).toEqual([11, 12]);
    expect(droppedDates).toEqual({ A: [iso(0), iso(5)], B: [iso(3)] });
  });

  it('uses one ticker\'s dates as the calendar', () => {
    const { panel, filled, droppedDates } = alignPanel([A, B], { calendar: 'B' });
    // Rows are B's days 1 and 3. A on day 3: its day-2 price 12 arrived since day 1 (fresh,
    // but not dated day 3, so counted as filled). Days 0, 2, 5 are off the calendar.
    expect(col(panel.values, 0, 2)).toEqual([11, 12]);
    expect(filled.A).toBe(1);
    expect(droppedDates.A).toEqual([iso(0), iso(2), iso(5)]);
  });

  it('uses a market\'s dates as the calendar', () => {
    const hk = series('0700.HK', [0, 2], [300, 310]);
    const { panel } = alignPanel([A, hk], { calendar: 'HK' });
    expect([...panel.dates].map((d) => d - D0)).toEqual([0, 2]);
    expect(col(panel.values, 0, 2)).toEqual([10, 12]);
  });

  it('rejects an unknown calendar, duplicate tickers and a disjoint intersection', () => {
    expect(() => alignPanel([A, B], { calendar: 'ZZZ' })).toThrow(/calendar "ZZZ": expected union, intersection, a market/);
    expect(() => alignPanel([A, A])).toThrow(/listed twice/);
    expect(() => alignPanel([series('X', [0], [1]), series('Y', [1], [1])], { calendar: 'intersection' })).toThrow(/no date is common/);
    expect(() => alignPanel([A], { maxFillDays: -1 })).toThrow(/expected a whole number/);
  });

  it('property: each cell equals a naive "last price on or before" lookup within the fill limit, NaN after the last price', () => {
    const offsets = fc.uniqueArray(fc.integer({ min: 0, max: 60 }), { minLength: 1, maxLength: 30 }).map((a) => a.sort((x, y) => x - y));
    fc.assert(
      fc.property(fc.array(offsets, { minLength: 1, maxLength: 4 }), fc.integer({ min: 0, max: 5 }), (sets, maxFill) => {
        const list = sets.map((o, k) => series(`S${k}`, o, o.map((x) => 100 + x + k / 10)));
        const { panel } = alignPanel(list, { maxFillDays: maxFill });
        const n = panel.dates.length;
        list.forEach((s, a) => {
          for (let t = 0; t < n; t++) {
            // Naive reference: last own date ≤ row date, and how many calendar rows since it.
            const day = panel.dates[t] as number;
            let k = -1;
            for (let i = 0; i < s.dates.length; i++) if ((s.dates[i] as number) <= day) k = i;
            let rowsSince = 0;
            if (k >= 0) for (let u = t; u >= 0 && (panel.dates[u] as number) > (s.dates[k] as number); u--) rowsSince++;
            const afterEnd = k === s.dates.length - 1 && day > (s.dates[k] as number);
            const expected = k < 0 || rowsSince > maxFill || afterEnd ? NaN : (s.prices[k] as number);
            expect(panel.values[a * n + t]).toBe(expected);
          }
        });
      }),
      { numRuns: 200 },
    );
  });
});
