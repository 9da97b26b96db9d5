import { dayFromYmd, dayOfWeek, ymdFromDay } from '../core/dates.js';

/** The calendars of the synthetic sample: US exchanges, Hong Kong, mainland China, and FX. */
export type SampleCalendar = 'US' | 'HK' | 'CN' | 'FX';

/**
 * Lunar New Year's day, 2012..2025 (the first day of the first lunar month, as published).
 * Outside this table the sample has no lunar holidays.
 */
const LUNAR_NEW_YEAR: Readonly<Record<number, readonly [number, number]>> = {
  2012: [1, 23], 2013: [2, 10], 2014: [1, 31], 2015: [2, 19], 2016: [2, 8], 2017: [1, 28], 2018: [2, 16],
  2019: [2, 5], 2020: [1, 25], 2021: [2, 12], 2022: [2, 1], 2023: [1, 22], 2024: [2, 10], 2025: [1, 29],
};

/**
 * Whether a weekday is a holiday. Fixed, simplified rules (no weekend substitution days):
 * - US: Jan 1, Jul 4, Dec 25.
 * - HK: Jan 1, Lunar New Year's day and the 2 days after, Jul 1, Oct 1, Dec 25, Dec 26.
 * - CN: Jan 1, Lunar New Year's eve and the 5 days after (a week), May 1, Oct 1–7.
 * - FX: Jan 1, Dec 25.
 */
export function isHoliday(calendar: SampleCalendar, day: number): boolean {
  const { year, month, day: dom } = ymdFromDay(day);
  if (month === 1 && dom === 1) return true;
  switch (calendar) {
    case 'FX':
      return month === 12 && dom === 25;
    case 'US':
      return (month === 7 && dom === 4) || (month === 12 && dom === 25);
    case 'HK':
      return (
        (month === 7 && dom === 1) || (month === 10 && dom === 1) || (month === 12 && (dom === 25 || dom === 26)) ||
        lunarOffset(year, day, 0, 2)
      );
    case 'CN':
      return (month === 5 && dom === 1) || (month === 10 && dom <= 7) || lunarOffset(year, day, -1, 5);
  }
}

/** Whether `day` lies in [LNY + from, LNY + to] of its year. */
function lunarOffset(year: number, day: number, from: number, to: number): boolean {
  const lny = LUNAR_NEW_YEAR[year];
  if (lny === undefined) return false;
  const d0 = dayFromYmd(year, lny[0], lny[1]);
  return day >= d0 + from && day <= d0 + to;
}

/** Trading days (Mon–Fri, not a holiday) in [start, end], as day numbers. */
export function tradingDays(calendar: SampleCalendar, start: number, end: number): Int32Array {
  const out: number[] = [];
  for (let d = start; d <= end; d++) {
    const w = dayOfWeek(d);
    if (w !== 0 && w !== 6 && !isHoliday(calendar, d)) out.push(d);
  }
  return Int32Array.from(out);
}
