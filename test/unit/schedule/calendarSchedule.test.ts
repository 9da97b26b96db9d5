import { describe, expect, it } from 'vitest';
import { parseIsoDate } from '../../../src/core/dates.js';
import { calendarSchedule } from '../../../src/schedule/calendarSchedule.js';

const days = (...iso: string[]) => Int32Array.from(iso.map(parseIsoDate));
const rows = (mask: Uint8Array) => Array.from(mask.keys()).filter((t) => mask[t] === 1);

describe('calendarSchedule', () => {
  const dates = days('2024-01-30', '2024-01-31', '2024-02-01', '2024-02-29', '2024-03-01', '2024-04-02');
  it('monthly on the last trading day (row 0 is the initial decision)', () => {
    expect(rows(calendarSchedule(dates, { schedule: 'monthly', on: 'last' }))).toEqual([0, 1, 3, 4]);
  });
  it('monthly on the first trading day', () => {
    expect(rows(calendarSchedule(dates, { schedule: 'monthly', on: 'first' }))).toEqual([0, 2, 4, 5]);
  });
  it('quarterly and yearly', () => {
    expect(rows(calendarSchedule(dates, { schedule: 'quarterly', on: 'last' }))).toEqual([0, 4]);
    expect(rows(calendarSchedule(dates, { schedule: 'yearly', on: 'first' }))).toEqual([0]);
  });
  it('weekly weeks start on Monday', () => {
    // 2024-01-05 is a Friday, 2024-01-08 a Monday.
    const d = days('2024-01-04', '2024-01-05', '2024-01-08', '2024-01-09');
    expect(rows(calendarSchedule(d, { schedule: 'weekly', on: 'last' }))).toEqual([0, 1]);
    expect(rows(calendarSchedule(d, { schedule: 'weekly', on: 'first' }))).toEqual([0, 2]);
  });
  it('every N trading days, daily and never', () => {
    expect(rows(calendarSchedule(dates, { schedule: 'monthly', on: 'last', everyDays: 2 }))).toEqual([0, 2, 4]);
    expect(rows(calendarSchedule(dates, { schedule: 'daily', on: 'last' }))).toEqual([0, 1, 2, 3, 4, 5]);
    expect(rows(calendarSchedule(dates, { schedule: 'never', on: 'last' }))).toEqual([0]);
  });
});
