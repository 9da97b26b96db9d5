/**
 * Calendar rebalancing: on which rows a decision is taken (at that row's close).
 *
 * Rules: daily; weekly (Monday-start weeks), monthly, quarterly, yearly on the first or last
 * trading day of each period present in the date index; every N trading days; never (only the
 * initial allocation). The first row of the period is always a decision (the initial allocation).
 * "Last trading day of the month" is read from the trading calendar (the next row's date), which
 * is public in advance; no price is looked at, so the schedule is causal.
 *
 * The last row closes its period when the next trading day is known (`nextDate`: the data go on
 * after the backtest period) and falls in another period. When the data end at the last row, the
 * next trading day is at the earliest the next weekday: if that weekday falls in another period,
 * the last row closes its period for certain (a holiday cannot move a later trading day back
 * into it); otherwise it is not known to, and does not trigger. So with `lag: 0` a decision on
 * the period's last close (e.g. 2024-12-31, monthly on last) trades at that close.
 *
 * `offset: k` (calendar and every-N-days rules) moves each rule day k trading days later: the
 * decision is taken at the close of the k-th row after the rule's day (monthly on last with
 * offset 1 is the first trading day of the next month). Row 0 stays a decision (the initial
 * allocation); a moved decision past the last row is dropped, and rule days before the first
 * row (not in `dates`) are not moved into the period. Daily and never ignore it. Rebalance
 * timing luck (Hoffstein, Sibears & Faber 2019) is the spread of results across offsets.
 */
import { dayFromYmd, dayOfWeek, ymdFromDay } from '../core/dates.js';

export type CalendarRule = 'daily' | 'weekly' | 'monthly' | 'quarterly' | 'yearly' | 'never';

export interface CalendarSpec {
  schedule: CalendarRule;
  on: 'first' | 'last';
  everyDays?: number | undefined;
  /** Trading days between the rule's day and the decision (default 0). */
  offset?: number | undefined;
}

/**
 * 1 where a decision is taken, over rows 0..dates.length−1 (row 0 always). `nextDate` is the
 * date of the trading day after the last row, when the data have one.
 */
export function calendarSchedule(dates: Int32Array, spec: CalendarSpec, nextDate?: number): Uint8Array {
  const mask = ruleDays(dates, spec, nextDate);
  const k = spec.offset ?? 0;
  if (k === 0 || spec.schedule === 'daily' || spec.schedule === 'never') return mask;
  const moved = new Uint8Array(mask.length);
  if (mask.length > 0) moved[0] = 1;
  for (let t = 1; t + k < mask.length; t++) if (mask[t] === 1) moved[t + k] = 1;
  return moved;
}

function ruleDays(dates: Int32Array, spec: CalendarSpec, nextDate?: number): Uint8Array {
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
  const keys = periodKeys(dates, spec.schedule, periodOf);
  if (spec.on === 'first') {
    for (let t = 1; t < n; t++) if (keys[t] !== keys[t - 1]) mask[t] = 1;
  } else {
    for (let t = 0; t < n - 1; t++) if (keys[t] !== keys[t + 1]) mask[t] = 1;
    const last = dates[n - 1]!;
    if (periodOf(nextDate ?? nextWeekday(last)) !== keys[n - 1]) mask[n - 1] = 1;
  }
  return mask;
}

/**
 * The period key of every row. Dates ascend, so a month's (quarter's, year's) key is computed
 * once: rows inside the days [from, to) of the last computed month reuse it.
 */
function periodKeys(dates: Int32Array, rule: Exclude<CalendarRule, 'daily' | 'never'>, periodOf: (day: number) => number): Int32Array {
  const n = dates.length;
  const keys = new Int32Array(n);
  if (rule === 'weekly') {
    for (let t = 0; t < n; t++) keys[t] = periodOf(dates[t]!);
    return keys;
  }
  let from = 1;
  let to = 0;
  let key = 0;
  for (let t = 0; t < n; t++) {
    const day = dates[t]!;
    if (day < from || day >= to) {
      const { year, month } = ymdFromDay(day);
      key = periodOf(day);
      // The calendar month holding `day`; its key is the key of every day in it.
      from = dayFromYmd(year, month, 1);
      to = month === 12 ? dayFromYmd(year + 1, 1, 1) : dayFromYmd(year, month + 1, 1);
    }
    keys[t] = key;
  }
  return keys;
}

/** The first Monday-to-Friday day after `day`. */
export function nextWeekday(day: number): number {
  const dow = dayOfWeek(day); // 0 = Sunday .. 6 = Saturday
  return day + (dow === 5 ? 3 : dow === 6 ? 2 : 1);
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
