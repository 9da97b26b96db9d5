import { describe, expect, it } from 'vitest';
import { parseIsoDate } from '../../../src/core/dates.js';
import { calendarSchedule } from '../../../src/schedule/calendarSchedule.js';

const rows = (mask: Uint8Array) => Array.from(mask.keys()).filter((t) => mask[t] === 1);
// Every weekday of January to March 2024 (no holidays: a calendar written out by hand).
const dates: number[] = [];
for (let d = parseIsoDate('2024-01-02'); d <= parseIsoDate('2024-03-28'); d++) {
  const dow = new Date(d * 86_400_000).getUTCDay();
  if (dow !== 0 && dow !== 6) dates.push(d);
}
const cal = Int32Array.from(dates);
const rowOf = (iso: string) => dates.indexOf(parseIsoDate(iso));

describe('rebalance.offset', () => {
  it('monthly on last, offset k: the k-th trading day after each month end', () => {
    // Month ends: 2024-01-31 (Wed), 2024-02-29 (Thu); 2024-03-28 is the last row (the next weekday
    // 2024-03-29 is still March, so it closes no period).
    expect(rows(calendarSchedule(cal, { schedule: 'monthly', on: 'last' }))).toEqual([0, rowOf('2024-01-31'), rowOf('2024-02-29')]);
    // Offset 1: 2024-02-01 and 2024-03-01, the first trading days of February and March (= on first).
    expect(rows(calendarSchedule(cal, { schedule: 'monthly', on: 'last', offset: 1 }))).toEqual([0, rowOf('2024-02-01'), rowOf('2024-03-01')]);
    expect(rows(calendarSchedule(cal, { schedule: 'monthly', on: 'last', offset: 1 }))).toEqual(rows(calendarSchedule(cal, { schedule: 'monthly', on: 'first' })));
    // Offset 3: Feb 1 (Thu), Feb 2 (Fri), Feb 5 (Mon) → 2024-02-05; Mar 1 (Fri), Mar 4, Mar 5 → 2024-03-05.
    expect(rows(calendarSchedule(cal, { schedule: 'monthly', on: 'last', offset: 3 }))).toEqual([0, rowOf('2024-02-05'), rowOf('2024-03-05')]);
  });

  it('a moved decision past the last row is dropped; row 0 stays', () => {
    // Rows: January has 22 weekdays (rows 0–21), February 21 (rows 22–42), March 1–28 has 20 (rows 43–62).
    expect([rowOf('2024-01-31'), rowOf('2024-02-29'), cal.length - 1]).toEqual([21, 42, 62]);
    // Offset 20: 21 + 20 = 41 (2024-02-28) and 42 + 20 = 62 (2024-03-28, the last row): both kept.
    expect(rows(calendarSchedule(cal, { schedule: 'monthly', on: 'last', offset: 20 }))).toEqual([0, 41, 62]);
    expect(dates[41]).toBe(parseIsoDate('2024-02-28'));
    // Offset 21: 21 + 21 = 42 kept, 42 + 21 = 63 past the last row: dropped.
    expect(rows(calendarSchedule(cal, { schedule: 'monthly', on: 'last', offset: 21 }))).toEqual([0, 42]);
  });

  it('every N days and daily', () => {
    expect(rows(calendarSchedule(cal.subarray(0, 12), { schedule: 'monthly', on: 'last', everyDays: 5, offset: 2 }))).toEqual([0, 7]);
    expect(rows(calendarSchedule(cal.subarray(0, 4), { schedule: 'daily', on: 'last', offset: 2 }))).toEqual([0, 1, 2, 3]);
  });
});
