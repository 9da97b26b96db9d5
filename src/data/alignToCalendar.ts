/** One series placed on a calendar: its values on the calendar rows and what it took. */
export interface AlignedSeries {
  /** One value per calendar row; NaN before the first price and after a gap beyond the limit. */
  readonly values: Float64Array;
  /** Rows whose value is not an observation dated that very day (carried forward). */
  readonly filled: number;
  /** The series' own dates that are not calendar rows (day numbers, ascending). */
  readonly dropped: number[];
}

/**
 * Places a series (strictly increasing `dates`, `prices`) on a calendar (strictly increasing
 * day numbers). Row t takes the series' last observation dated ≤ calendar[t] ("as of" the
 * close of that day; never a later one, so no look-ahead and no back-fill). When no new
 * observation arrived since row t−1, the previous value is carried forward for at most
 * `maxFillDays` consecutive rows; after that the row is NaN until the next observation. Rows
 * after the series' last observation are NaN: a fill bridges a gap between two prices, never
 * the unknown after the file ends (so a run's default end is each file's last real price).
 * An observation dated between two calendar rows (a dropped date) counts as new for the
 * next row, which is then counted as filled because its value is not dated that day.
 */
export function alignToCalendar(
  calendar: Int32Array,
  dates: Int32Array,
  prices: Float64Array,
  maxFillDays: number,
  out?: Float64Array,
): AlignedSeries {
  const nCal = calendar.length;
  const nObs = dates.length;
  // `out` (length nCal): the values are written there, e.g. straight into a panel's column.
  const values = (out ?? new Float64Array(nCal)).fill(Number.NaN);
  const dropped: number[] = [];
  let j = 0; // next observation not yet consumed
  let last = Number.NaN;
  let stale = 0; // consecutive rows without a new observation
  let filled = 0;
  for (let t = 0; t < nCal; t++) {
    const day = calendar[t] as number;
    let fresh = false;
    let exact = false;
    while (j < nObs && (dates[j] as number) <= day) {
      const d = dates[j] as number;
      // Observations up to calendar[t−1] were consumed by earlier rows, so d is either this
      // row's day or a day strictly between two rows (not on the calendar).
      if (d === day) exact = true;
      else dropped.push(d);
      last = prices[j] as number;
      fresh = true;
      j++;
    }
    if (fresh) {
      stale = 0;
      values[t] = last;
      if (!exact) filled++;
    } else if (!Number.isNaN(last) && stale < maxFillDays && j < nObs) {
      stale++;
      values[t] = last;
      filled++;
    } else if (!Number.isNaN(last)) {
      stale++;
    }
  }
  for (; j < nObs; j++) dropped.push(dates[j] as number);
  return { values, filled, dropped };
}
