/**
 * `sleeves metrics` on prices: readReturnsCsv refuses a table that looks like prices (the
 * stated looksLikePrices heuristic) and, with `prices: true`, converts prices to simple returns.
 */
import { describe, expect, it } from 'vitest';
import { dayFromYmd } from '../../../src/core/dates.js';
import { UserError } from '../../../src/core/errors.js';
import { isPriceTableHeader, looksLikePrices } from '../../../src/data/looksLikePrices.js';
import { pricesToReturns } from '../../../src/data/pricesToReturns.js';
import { readReturnsCsv } from '../../../src/data/readReturnsCsv.js';

const col = (...v: number[]) => Float64Array.from(v);

describe('looksLikePrices', () => {
  it('flags a price-table header (two or more of open/high/low/close/adj close/volume)', () => {
    expect(isPriceTableHeader(['Open', 'High', 'Low', 'Close', 'Adj Close', 'Volume'])).toBe(true);
    expect(isPriceTableHeader(['close', 'volume'])).toBe(true);
    expect(isPriceTableHeader(['close'])).toBe(false);
    expect(isPriceTableHeader(['SPY', 'High'])).toBe(false);
    const r = looksLikePrices(['open', 'close', 'adj_close'], [col(0.1), col(0.1), col(0.1)]);
    expect(r?.column).toBe('adj_close');
  });

  it('flags a column all > 0 with a median above 0.5, and nothing else', () => {
    // Median of 0.4, 0.6, 0.7 is 0.6 > 0.5; all positive.
    expect(looksLikePrices(['A'], [col(0.4, 0.6, 0.7)])).toEqual({
      column: 'A',
      reason: 'every value is positive and the median is 0.6, a gain of over 50% per period',
    });
    // Median of 0.4, 0.5, 0.6, 0.7 is (0.5 + 0.6)/2 = 0.55 > 0.5; leading NaN ignored.
    expect(looksLikePrices(['R', 'P'], [col(0.01, -0.02, 0.03, 0.01), col(NaN, 0.4, 0.5, 0.6, 0.7)])?.column).toBe('P');
    // Median exactly 0.5 (0.4, 0.5, 0.6): not above the threshold.
    expect(looksLikePrices(['A'], [col(0.4, 0.5, 0.6)])).toBeUndefined();
    // One loss (a non-positive value) means returns, however large the others.
    expect(looksLikePrices(['A'], [col(2, 3, -0.1, 4)])).toBeUndefined();
  });
});

describe('pricesToReturns', () => {
  it('makes p_t/p_{t-1} − 1 per column, drops the first row, keeps a late start empty', () => {
    const d = [dayFromYmd(2024, 1, 2), dayFromYmd(2024, 1, 3), dayFromYmd(2024, 1, 4)];
    const r = pricesToReturns({ dates: Int32Array.from(d), names: ['A', 'B'], columns: [col(100, 110, 99), col(NaN, 50, 40)] });
    expect(Array.from(r.dates)).toEqual(d.slice(1));
    // A: 110/100 − 1 = 0.1, 99/110 − 1 = −0.1; B: no price before 01-03, then 40/50 − 1 = −0.2.
    expect(Array.from(r.columns[0]!)).toEqual([110 / 100 - 1, 99 / 110 - 1]);
    expect(r.columns[0]![0]).toBeCloseTo(0.1, 15);
    expect(r.columns[0]![1]).toBeCloseTo(-0.1, 15);
    expect(Array.from(r.columns[1]!)).toEqual([NaN, 40 / 50 - 1]);
  });
});

describe('readReturnsCsv and prices', () => {
  const wide = 'date,A,B\n2024-01-02,100,\n2024-01-03,110,50\n2024-01-04,99,40\n';

  it('refuses prices read as returns, naming the file and column and suggesting --prices', () => {
    expect(() => readReturnsCsv(wide, 'p.csv')).toThrow(UserError);
    // A: 100, 110, 99, all > 0, median 100.
    expect(() => readReturnsCsv(wide, 'p.csv')).toThrow(
      'p.csv: column "A" looks like prices, not returns (every value is positive and the median is 100, a gain of over 50% per period); run again with --prices to convert prices to simple returns',
    );
    expect(() => readReturnsCsv('Date,Open,High,Low,Close,Adj Close,Volume\n2024-01-02,1,1,1,1,1,0\n', 'SPY.csv')).toThrow(
      /^SPY\.csv: column "Adj Close" looks like prices, not returns \(the header names a price table \(Open, High, Low, Close, Adj Close, Volume\)\); run again with --prices/,
    );
  });

  it('with prices: converts a wide table', () => {
    const t = readReturnsCsv(wide, 'p.csv', { prices: true });
    expect(t.names).toEqual(['A', 'B']);
    // A: 110/100 − 1 = 0.1, 99/110 − 1 = −0.1; B: empty on 01-03 (its first price), 40/50 − 1 = −0.2.
    expect(t.columns[0]![0]).toBeCloseTo(0.1, 14);
    expect(t.columns[0]![1]).toBeCloseTo(-0.1, 14);
    expect(t.columns[1]![0]).toBeNaN();
    expect(t.columns[1]![1]).toBeCloseTo(-0.2, 14);
  });

  it('with prices: reads a price file as one series named after it, from its adjusted close', () => {
    // Adjusted closes 10, 11, 12.1: returns 0.1, 0.1 (closes 20, 21, 22 are not used).
    const text = 'date,open,high,low,close,adj_close,volume\n2024-01-02,1,1,1,20,10,5\n2024-01-03,1,1,1,21,11,5\n2024-01-04,1,1,1,22,12.1,5\n';
    const t = readReturnsCsv(text, 'some/dir/IDX_GSPC.csv', { prices: true });
    expect(t.names).toEqual(['^GSPC']);
    expect(t.columns[0]![0]).toBeCloseTo(0.1, 14);
    expect(t.columns[0]![1]).toBeCloseTo(0.1, 14);
    expect(Array.from(t.dates)).toEqual([dayFromYmd(2024, 1, 3), dayFromYmd(2024, 1, 4)]);
  });

  it('with prices: a plain date,close file is one series named after the file', () => {
    // 50 → 55 → 44: returns 55/50 − 1 = 0.1, 44/55 − 1 = −0.2.
    const t = readReturnsCsv('date,close\n2024-01-02,50\n2024-01-03,55\n2024-01-04,44\n', 'GC_F.csv', { prices: true });
    expect(t.names).toEqual(['GC=F']);
    expect(t.columns[0]![0]).toBeCloseTo(0.1, 14);
    expect(t.columns[0]![1]).toBeCloseTo(-0.2, 14);
  });

  it('with prices: refuses a non-positive price and a column with one price', () => {
    expect(() => readReturnsCsv('date,A\n2024-01-02,100\n2024-01-03,0\n', 'p.csv', { prices: true })).toThrow(
      'p.csv:3:2: price 0 in "A" is not positive; expected prices > 0 with --prices',
    );
    expect(() => readReturnsCsv('date,A,B\n2024-01-02,100,\n2024-01-03,101,5\n', 'p.csv', { prices: true })).toThrow(
      'p.csv: column "B" has a single price, expected at least 2 to make a return',
    );
  });
});
