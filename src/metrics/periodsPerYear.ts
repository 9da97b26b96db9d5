import { UserError } from '../core/errors.js';

/**
 * Periods per year from the median spacing (calendar days) between consecutive dates:
 * 1–4 days → 252 (daily trading data; weekends and holidays give gaps of 3–4), 5–10 → 52
 * (weekly), 25–35 → 12 (monthly), 85–95 → 4 (quarterly), 360–370 → 1 (yearly). Anything else,
 * or fewer than 2 dates, is a UserError asking for --periods-per-year: sleeves never guesses.
 */
export function inferPeriodsPerYear(dates: Int32Array): number {
  const n = dates.length;
  if (n < 2) throw new UserError(`cannot infer periods per year from ${n} date${n === 1 ? '' : 's'}; pass --periods-per-year`);
  const gaps = new Float64Array(n - 1);
  for (let i = 1; i < n; i++) gaps[i - 1] = (dates[i] as number) - (dates[i - 1] as number);
  gaps.sort();
  const mid = (n - 1) >> 1;
  const median = (n - 1) % 2 === 1 ? (gaps[mid] as number) : ((gaps[mid - 1] as number) + (gaps[mid] as number)) / 2;
  const bands: Array<[number, number, number]> = [
    [1, 4, 252],
    [5, 10, 52],
    [25, 35, 12],
    [85, 95, 4],
    [360, 370, 1],
  ];
  for (const [lo, hi, periods] of bands) if (median >= lo && median <= hi) return periods;
  throw new UserError(
    `cannot infer periods per year from irregular spacing (median ${median} calendar days between dates); pass --periods-per-year`,
  );
}
