/**
 * periodReturnTables works a row's calendar month out only when the row leaves the last month's
 * days; the tables must be those of the row-by-row reference below (every row's year and month,
 * compounded in order, a new entry whenever they differ from the last entry's), to the bit, on
 * daily dates across month and year ends, on gaps of months, and on dates that go backwards.
 */
import { describe, expect, it } from 'vitest';
import { dayFromYmd, ymdFromDay } from '../../../src/core/dates.js';
import { periodReturnTables } from '../../../src/metrics/periodTables.js';

function reference(returns: Float64Array, endDates: Int32Array) {
  const monthly: { year: number; month: number; return: number }[] = [];
  const yearly: { year: number; return: number }[] = [];
  let monthGrowth = 1;
  let yearGrowth = 1;
  for (let k = 0; k < returns.length; k++) {
    const { year, month } = ymdFromDay(endDates[k]!);
    const g = 1 + returns[k]!;
    const lastMonth = monthly[monthly.length - 1];
    if (lastMonth && lastMonth.year === year && lastMonth.month === month) monthGrowth *= g;
    else {
      monthGrowth = g;
      monthly.push({ year, month, return: 0 });
    }
    monthly[monthly.length - 1]!.return = monthGrowth - 1;
    const lastYear = yearly[yearly.length - 1];
    if (lastYear && lastYear.year === year) yearGrowth *= g;
    else {
      yearGrowth = g;
      yearly.push({ year, return: 0 });
    }
    yearly[yearly.length - 1]!.return = yearGrowth - 1;
  }
  return { monthly, yearly };
}

function generator(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 16807) % 2147483647) / 2147483647;
}

describe('periodReturnTables against the row-by-row reference', () => {
  it('daily weekdays over three years (month and year ends, a leap February)', () => {
    const rnd = generator(11);
    const days: number[] = [];
    for (let d = dayFromYmd(2019, 12, 20); d < dayFromYmd(2023, 1, 10); d++) if ((d + 4) % 7 < 5 && rnd() > 0.03) days.push(d);
    const dates = Int32Array.from(days);
    const returns = Float64Array.from(days, () => (rnd() - 0.5) * 0.04);
    expect(periodReturnTables(returns, dates)).toEqual(reference(returns, dates));
  });

  it('gaps of whole months and years, and dates that go backwards', () => {
    const dates = Int32Array.from([
      dayFromYmd(2020, 1, 31), dayFromYmd(2020, 3, 1), dayFromYmd(2020, 3, 31), dayFromYmd(2021, 3, 2),
      dayFromYmd(2021, 2, 27), dayFromYmd(2021, 3, 5), dayFromYmd(2021, 12, 31), dayFromYmd(2022, 1, 1), dayFromYmd(1969, 12, 31),
    ]);
    const returns = Float64Array.from([0.01, -0.02, 0.03, 0.04, -0.05, 0.06, -0.07, 0.08, 0.09]);
    const got = periodReturnTables(returns, dates);
    expect(got).toEqual(reference(returns, dates));
    // 2021-02-27 between two March 2021 rows opens a new entry, and March 2021 again after it.
    expect(got.monthly.map((m) => `${m.year}-${m.month}`)).toEqual(['2020-1', '2020-3', '2021-3', '2021-2', '2021-3', '2021-12', '2022-1', '1969-12']);
  });
});
