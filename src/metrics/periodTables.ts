import { dayFromYmd, ymdFromDay } from '../core/dates.js';

/** A compounded calendar-month return. */
export interface MonthlyReturn {
  year: number;
  month: number;
  return: number;
}

/** A compounded calendar-year return. */
export interface YearlyReturn {
  year: number;
  return: number;
}

/**
 * Calendar tables: each month's (year's) return is ∏(1 + r_k) − 1 over the periods whose end
 * date falls in that month (year), in chronological order. The first and last month or year may
 * be partial (only the periods inside the data); a month with no period is absent.
 */
export function periodReturnTables(
  returns: Float64Array,
  endDates: Int32Array,
): { monthly: MonthlyReturn[]; yearly: YearlyReturn[] } {
  if (endDates.length !== returns.length) throw new RangeError(`periodReturnTables: ${returns.length} returns but ${endDates.length} dates`);
  const monthly: MonthlyReturn[] = [];
  const yearly: YearlyReturn[] = [];
  let monthGrowth = 1;
  let yearGrowth = 1;
  // The days [monthStart, monthEnd) of the last month in the table: a row dated inside them
  // belongs to it without working out its date (the calendar fields only at a month's first row).
  let monthStart = 0;
  let monthEnd = 0;
  for (let k = 0; k < returns.length; k++) {
    const day = endDates[k] as number;
    const g = 1 + (returns[k] as number);
    if (day >= monthStart && day < monthEnd) {
      monthGrowth *= g;
      yearGrowth *= g;
      continue;
    }
    const { year, month } = ymdFromDay(day);
    const lastMonth = monthly[monthly.length - 1];
    if (lastMonth && lastMonth.year === year && lastMonth.month === month) monthGrowth *= g;
    else {
      if (lastMonth) lastMonth.return = monthGrowth - 1;
      monthGrowth = g;
      monthly.push({ year, month, return: 0 });
      monthStart = dayFromYmd(year, month, 1);
      monthEnd = month === 12 ? dayFromYmd(year + 1, 1, 1) : dayFromYmd(year, month + 1, 1);
    }
    const lastYear = yearly[yearly.length - 1];
    if (lastYear && lastYear.year === year) yearGrowth *= g;
    else {
      if (lastYear) lastYear.return = yearGrowth - 1;
      yearGrowth = g;
      yearly.push({ year, return: 0 });
    }
  }
  const lastMonth = monthly[monthly.length - 1];
  if (lastMonth) lastMonth.return = monthGrowth - 1;
  const lastYear = yearly[yearly.length - 1];
  if (lastYear) lastYear.return = yearGrowth - 1;
  return { monthly, yearly };
}

/**
 * Best and worst month and year of the tables (the first occurrence wins ties); null when the
 * table is empty.
 */
export function periodExtremes(tables: { monthly: MonthlyReturn[]; yearly: YearlyReturn[] }): {
  bestMonth: MonthlyReturn | null;
  worstMonth: MonthlyReturn | null;
  bestYear: YearlyReturn | null;
  worstYear: YearlyReturn | null;
} {
  const pick = <T extends { return: number }>(rows: T[], better: (a: number, b: number) => boolean): T | null =>
    rows.reduce<T | null>((best, row) => (best === null || better(row.return, best.return) ? row : best), null);
  return {
    bestMonth: pick(tables.monthly, (a, b) => a > b),
    worstMonth: pick(tables.monthly, (a, b) => a < b),
    bestYear: pick(tables.yearly, (a, b) => a > b),
    worstYear: pick(tables.yearly, (a, b) => a < b),
  };
}
