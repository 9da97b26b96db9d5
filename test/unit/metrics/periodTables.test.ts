import { describe, expect, it } from 'vitest';
import { dayFromYmd } from '../../../src/core/dates.js';
import { periodExtremes, periodReturnTables } from '../../../src/metrics/periodTables.js';
import { inferPeriodsPerYear } from '../../../src/metrics/periodsPerYear.js';
import { rollingOneYear } from '../../../src/metrics/rollingWindows.js';

describe('periodReturnTables', () => {
  // 2023-12-28, 2023-12-29, 2024-01-02, 2024-01-31, 2024-02-01
  const dates = Int32Array.from([
    dayFromYmd(2023, 12, 28),
    dayFromYmd(2023, 12, 29),
    dayFromYmd(2024, 1, 2),
    dayFromYmd(2024, 1, 31),
    dayFromYmd(2024, 2, 1),
  ]);
  const r = Float64Array.from([0.1, -0.05, 0.02, 0.03, -0.01]);
  it('compounds the returns inside each month and year', () => {
    const { monthly, yearly } = periodReturnTables(r, dates);
    expect(monthly.map((m) => [m.year, m.month])).toEqual([
      [2023, 12],
      [2024, 1],
      [2024, 2],
    ]);
    expect(monthly[0]?.return).toBeCloseTo(1.1 * 0.95 - 1, 15); // 0.045
    expect(monthly[1]?.return).toBeCloseTo(1.02 * 1.03 - 1, 15); // 0.0506
    expect(monthly[2]?.return).toBeCloseTo(-0.01, 15);
    expect(yearly).toHaveLength(2);
    expect(yearly[0]?.return).toBeCloseTo(0.045, 15);
    expect(yearly[1]?.return).toBeCloseTo(1.02 * 1.03 * 0.99 - 1, 15); // 0.040094
    const ext = periodExtremes({ monthly, yearly });
    expect(ext.bestMonth).toMatchObject({ year: 2024, month: 1 });
    expect(ext.worstMonth).toMatchObject({ year: 2024, month: 2 });
    expect(ext.bestYear?.year).toBe(2023);
    expect(ext.worstYear?.year).toBe(2024);
  });
});

describe('rollingOneYear', () => {
  it('is NaN before a full year and recomputes each window', () => {
    const r = Float64Array.from([0.1, -0.1, 0.2, 0.0]);
    const { rollingReturn, rollingVolatility } = rollingOneYear(r, 2); // window 2
    expect(Number.isNaN(rollingReturn[0] as number)).toBe(true);
    expect(rollingReturn[1]).toBeCloseTo(1.1 * 0.9 - 1, 15); // −0.01
    expect(rollingReturn[2]).toBeCloseTo(0.9 * 1.2 - 1, 15); // 0.08
    // sd of {−0.1, 0.2}: mean 0.05, Σd² = 0.0225·2 = 0.045, /1 → sd 0.212132; ·√2 = 0.3
    expect(rollingVolatility[2]).toBeCloseTo(0.3, 14);
  });
});

describe('inferPeriodsPerYear', () => {
  const spaced = (gaps: number[]): Int32Array => {
    const out = [19000];
    for (const g of gaps) out.push((out[out.length - 1] as number) + g);
    return Int32Array.from(out);
  };
  it('recognises daily trading, weekly, monthly, quarterly and yearly spacing', () => {
    expect(inferPeriodsPerYear(spaced([1, 1, 1, 1, 3, 1, 1, 1, 1, 3, 1]))).toBe(252);
    expect(inferPeriodsPerYear(spaced([7, 7, 7, 7, 14, 7]))).toBe(52);
    expect(inferPeriodsPerYear(spaced([31, 28, 31, 30, 31, 30]))).toBe(12);
    expect(inferPeriodsPerYear(spaced([90, 91, 92, 92]))).toBe(4);
    expect(inferPeriodsPerYear(spaced([365, 366, 365]))).toBe(1);
  });
  it('refuses irregular spacing and too few dates', () => {
    expect(() => inferPeriodsPerYear(spaced([15, 15, 16, 14]))).toThrow(/irregular spacing \(median 15 calendar days.*--periods-per-year/);
    expect(() => inferPeriodsPerYear(Int32Array.from([19000]))).toThrow(/from 1 date;/);
  });
});
