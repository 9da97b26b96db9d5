/**
 * `YYYY-MM-DD` of a day number, remembered: every run (and every variant of a sweep) names its
 * trade dates and its assets' first and last prices, mostly the same few thousand days.
 */
import { formatIsoDate } from '../core/dates.js';

const isoDays = new Map<number, string>();

export function isoDay(day: number): string {
  let text = isoDays.get(day);
  if (text === undefined) {
    text = formatIsoDate(day);
    if (isoDays.size < 100_000) isoDays.set(day, text);
  }
  return text;
}
