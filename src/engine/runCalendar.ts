/**
 * A run's decision calendar (schedule/calendarSchedule.ts) over the period rows lo..hi−1 of a
 * panel, remembered per panel dates array: repeated runs on one panel (a bench, robustness jobs,
 * the sweep's general path) ask for the same few calendars, and computing one converts every
 * date to year, month and day. The calendar returned is shared: its readers (the simulation
 * kernel) never write it.
 */
import { calendarSchedule, type CalendarSpec } from '../schedule/calendarSchedule.js';

const byDates = new WeakMap<Int32Array, Map<string, Uint8Array>>();

/** At most this many calendars per dates array (then the oldest half is dropped). */
const KEEP = 64;

/** The last call's arguments and calendar: a run repeated on one panel asks for it again. */
let last: { dates: Int32Array; lo: number; hi: number; schedule: CalendarSpec['schedule']; on: CalendarSpec['on']; everyDays: CalendarSpec['everyDays']; offset: CalendarSpec['offset']; calendar: Uint8Array } | undefined;

export function runCalendar(dates: Int32Array, lo: number, hi: number, spec: CalendarSpec): Uint8Array {
  const l = last;
  if (l !== undefined && l.dates === dates && l.lo === lo && l.hi === hi && l.schedule === spec.schedule && l.on === spec.on && l.everyDays === spec.everyDays && l.offset === spec.offset) return l.calendar;
  const calendar = remembered(dates, lo, hi, spec);
  last = { dates, lo, hi, schedule: spec.schedule, on: spec.on, everyDays: spec.everyDays, offset: spec.offset, calendar };
  return calendar;
}

function remembered(dates: Int32Array, lo: number, hi: number, spec: CalendarSpec): Uint8Array {
  let known = byDates.get(dates);
  if (known === undefined) byDates.set(dates, (known = new Map()));
  const key = `${lo}:${hi}:${spec.schedule}:${spec.on}:${spec.everyDays ?? ''}:${spec.offset ?? ''}`;
  let calendar = known.get(key);
  if (calendar === undefined) {
    // The trading day after the period (when the data have one) tells whether its last row closes a period.
    calendar = calendarSchedule(dates.subarray(lo, hi), spec, dates[hi]);
    if (known.size >= KEEP) [...known.keys()].slice(0, KEEP / 2).forEach((k) => known!.delete(k));
    known.set(key, calendar);
  }
  return calendar;
}
