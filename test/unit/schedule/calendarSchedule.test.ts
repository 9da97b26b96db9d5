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
  it('the last row closes its period when the next trading day (or, without one, the next weekday) is in another', () => {
    // Data ending 2024-12-31 (a Tuesday): the next weekday 2025-01-01 is in January → a decision.
    const dec = days('2024-12-27', '2024-12-30', '2024-12-31');
    expect(rows(calendarSchedule(dec, { schedule: 'monthly', on: 'last' }))).toEqual([0, 2]);
    // Data ending Friday 2024-05-24: the next weekday is Monday 2024-05-27, still May → none.
    const may = days('2024-05-23', '2024-05-24');
    expect(rows(calendarSchedule(may, { schedule: 'monthly', on: 'last' }))).toEqual([0]);
    // ...but Friday closes its week (Monday starts the next one).
    expect(rows(calendarSchedule(may, { schedule: 'weekly', on: 'last' }))).toEqual([0, 1]);
    // A known next trading day decides: 2024-05-28 is still May (none), 2024-06-03 is June (a decision).
    expect(rows(calendarSchedule(may, { schedule: 'monthly', on: 'last' }, parseIsoDate('2024-05-28')))).toEqual([0]);
    expect(rows(calendarSchedule(may, { schedule: 'monthly', on: 'last' }, parseIsoDate('2024-06-03')))).toEqual([0, 1]);
    // A Wednesday 2024-12-31 style year end closes the year and the quarter too.
    expect(rows(calendarSchedule(dec, { schedule: 'yearly', on: 'last' }))).toEqual([0, 2]);
    expect(rows(calendarSchedule(dec, { schedule: 'quarterly', on: 'last' }))).toEqual([0, 2]);
  });
  it('every N trading days, daily and never', () => {
    expect(rows(calendarSchedule(dates, { schedule: 'monthly', on: 'last', everyDays: 2 }))).toEqual([0, 2, 4]);
    expect(rows(calendarSchedule(dates, { schedule: 'daily', on: 'last' }))).toEqual([0, 1, 2, 3, 4, 5]);
    expect(rows(calendarSchedule(dates, { schedule: 'never', on: 'last' }))).toEqual([0]);
  });
});
