/**
 * The folds of a walk-forward test (Pardo 2008, "The Evaluation and Optimization of Trading
 * Strategies", ch. 11): training windows followed by test windows on a trading calendar.
 *
 * Boundaries are calendar offsets from the first date D₀, each mapped to the last trading day on
 * or before it: B(m) = last date ≤ D₀ + m months (B(0) = D₀). Fold i (0-based), with train = T
 * and test = S months:
 *   train [B(i·S), B(T + i·S)]   (anchored: [B(0), B(T + i·S)]),
 *   test  [B(T + i·S), min(B(T + (i+1)·S), last date)].
 * A test window starts on the last day of its training window and ends on the first day of the
 * next test window: a run with `--from X` puts its capital in at the close of X and earns its
 * first return on the day after, so the test segments, laid end to end, cover every day after
 * the first training window once, and training never sees a return of its test window.
 * Folds stop when a test window would have no return (its start is the last date).
 */
import { dayFromYmd, parseIsoDate, ymdFromDay } from '../core/dates.js';
import { UserError } from '../core/errors.js';

export interface Window {
  readonly from: string;
  readonly to: string;
}

export interface Fold {
  readonly train: Window;
  readonly test: Window;
}

/** `3y` → 36, `18m` → 18: a whole number of years or months (a positive length in months). */
export function parseDuration(text: string, flag: string): number {
  const m = /^(\d+)([ym])$/.exec(text.trim());
  const n = m ? Number(m[1]) : Number.NaN;
  if (!m || !(n >= 1) || n > 1200) throw new UserError(`${flag} ${text}: expected a whole number of years or months, e.g. 3y or 18m`);
  return m[2] === 'y' ? n * 12 : n;
}

/** The date `months` calendar months after `iso` (the day clamped to the month's length). */
export function addMonths(iso: string, months: number): number {
  const { year, month, day } = ymdFromDay(parseIsoDate(iso));
  const k = year * 12 + (month - 1) + months;
  const y = Math.floor(k / 12);
  const mo = (k % 12) + 1;
  const last = ymdFromDay(dayFromYmd(mo === 12 ? y + 1 : y, mo === 12 ? 1 : mo + 1, 1) - 1).day;
  return dayFromYmd(y, mo, Math.min(day, last));
}

export interface FoldOptions {
  readonly trainMonths: number;
  readonly testMonths: number;
  readonly anchored: boolean;
}

/** The folds over a sorted trading calendar (ISO dates), or a UserError when none fits. */
export function walkForwardFolds(dates: readonly string[], o: FoldOptions): Fold[] {
  const n = dates.length;
  if (n < 2) throw new UserError('walkforward: the period has fewer than two trading days');
  const days = dates.map((d) => parseIsoDate(d));
  const boundary = (months: number): number => {
    const limit = addMonths(dates[0]!, months);
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (days[mid]! <= limit) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const folds: Fold[] = [];
  for (let i = 0; ; i++) {
    const testStart = o.trainMonths + i * o.testMonths;
    if (addMonths(dates[0]!, testStart) > days[n - 1]!) break;
    const b = boundary(testStart);
    if (b >= n - 1) break;
    const a = o.anchored ? 0 : boundary(i * o.testMonths);
    // At least one return per test window (a month without a trading day would give none).
    const c = Math.max(b + 1, boundary(testStart + o.testMonths));
    folds.push({ train: { from: dates[a]!, to: dates[b]! }, test: { from: dates[b]!, to: dates[c]! } });
  }
  if (folds.length === 0) {
    throw new UserError(
      `walkforward: the period ${dates[0]} → ${dates[n - 1]} is shorter than the training window (${o.trainMonths} months) plus a test day; use a longer period or a shorter --train`,
    );
  }
  return folds;
}
