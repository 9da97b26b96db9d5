/**
 * Decisions from a weights schedule: each file row becomes the target decided on the first
 * trading day on or after its date (snapped forward, with a warning, when the date is not a
 * trading day of the data). Rows before the period start: the latest one is the initial target
 * at the start; rows after the period end are ignored (with a warning).
 */
import { formatIsoDate } from '../core/dates.js';
import { lowerBound } from '../core/panel.js';
import type { WeightsSchedule } from '../data/readWeightsCsv.js';

export function scheduleDecisions(
  schedule: WeightsSchedule,
  dates: Int32Array,
  assets: readonly string[],
  warnings: string[],
): { calendar: Uint8Array; decide: (t: number, out: Float64Array) => void } {
  const n = dates.length;
  const calendar = new Uint8Array(n);
  const rowAt = new Int32Array(n).fill(-1);
  const columns = schedule.tickers.map((t) => assets.indexOf(t));
  const k = schedule.tickers.length;
  let snapped = 0;
  let late = 0;
  for (let row = 0; row < schedule.dates.length; row++) {
    const day = schedule.dates[row]!;
    let t = lowerBound(dates, day);
    if (day < dates[0]!) t = 0; // before the start: the latest such row is the initial target
    else if (t >= n) {
      late++;
      continue;
    } else if (dates[t] !== day) snapped++;
    calendar[t] = 1;
    rowAt[t] = row; // a later file row on the same trading day wins
  }
  if (snapped > 0) warnings.push(`${schedule.file}: ${snapped} rebalance date(s) are not trading days of the data; each moved to the next trading day`);
  if (late > 0) warnings.push(`${schedule.file}: ${late} row(s) dated after the period end ${formatIsoDate(dates[n - 1]!)} are ignored`);
  if (calendar[0] !== 1) warnings.push(`${schedule.file}: the first row is dated after the period start; the portfolio is in cash until ${formatIsoDate(schedule.dates[0]!)}`);
  return {
    calendar,
    decide: (t, out) => {
      out.fill(0);
      const row = rowAt[t]!;
      for (let j = 0; j < k; j++) out[columns[j]!] = schedule.weights[row * k + j]!;
    },
  };
}
