/**
 * Calendar rebalancing: on which rows a decision is taken (at that row's close).
 *
 * Rules: daily; weekly (Monday-start weeks), monthly, quarterly, yearly on the first or last
 * trading day of each period present in the date index; every N trading days; never (only the
 * initial allocation). The first row of the period is always a decision (the initial allocation).
 * "Last trading day of the month" is read from the trading calendar (the next row's date), which
 * is public in advance; no price is looked at, so the schedule is causal.
 */
import { ymdFromDay } from '../core/dates.js';

export type CalendarRule = 'daily' | 'weekly' | 'monthly' | 'quarterly' | 'yearly' | 'never';

export interface CalendarSpec {
  schedule: CalendarRule;
  on: 'first' | 'last';
  everyDays?: number | undefined;
}

/** 1 where a decision is taken, over rows 0..dates.length−1 (row 0 always). */
export function calendarSchedule(dates: Int32Array, spec: CalendarSpec): Uint8Array {
  const n = dates.length;
  const mask = new Uint8Array(n);
  if (n === 0) return mask;
  mask[0] = 1;
  if (spec.everyDays !== undefined) {
    for (let t = spec.everyDays; t < n; t += spec.everyDays) mask[t] = 1;
    return mask;
  }
  if (spec.schedule === 'never') return mask;
  if (spec.schedule === 'daily') return mask.fill(1);
  const periodOf = periodKey(spec.schedule);
  const keys = new Int32Array(n);
  for (let t = 0; t < n; t++) keys[t] = periodOf(dates[t]!);
  if (spec.on === 'first') {
    for (let t = 1; t < n; t++) if (keys[t] !== keys[t - 1]) mask[t] = 1;
  } else {
    // The last row of the data is not known to close its period, so it never triggers.
    for (let t = 0; t < n - 1; t++) if (keys[t] !== keys[t + 1]) mask[t] = 1;
  }
  return mask;
}

function periodKey(rule: Exclude<CalendarRule, 'daily' | 'never'>): (day: number) => number {
  switch (rule) {
    case 'weekly':
      // 1970-01-05 (day 4) was a Monday: weeks start on Mondays.
      return (day) => Math.floor((day + 3) / 7);
    case 'monthly':
      return (day) => {
        const { year, month } = ymdFromDay(day);
        return year * 12 + month;
      };
    case 'quarterly':
      return (day) => {
        const { year, month } = ymdFromDay(day);
        return year * 4 + Math.floor((month - 1) / 3);
      };
    case 'yearly':
      return (day) => ymdFromDay(day).year;
  }
}
