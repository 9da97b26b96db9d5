/**
 * Start-date sensitivity: the strategy started on the first trading day of every month of the
 * period and held (a) to the end of the period, (b) for fixed horizons of 3 and 5 years where
 * they fit. Each start is a fresh backtest (initial allocation on the start day).
 *
 * - A start is the first row of a calendar month in the data; the period's first row counts only
 *   when it is the first trading day of its month (so every start is a true month start; the
 *   data's very first row counts when it falls on day 1–7 of its month).
 * - "To the end" runs need at least one year to the end (start + 1 year ≤ last date): CAGR of
 *   shorter spans annualises a few weeks and would dominate the tails.
 * - A horizon of H years ends on the last trading day before the same calendar date H years
 *   later (to = start + H years − 1 day); it fits when that day is not after the period's last date.
 */
import { dayFromYmd, formatIsoDate, ymdFromDay } from '../core/dates.js';
import { distribution, type Distribution } from './percentiles.js';
import type { SeriesFigures } from './runFigures.js';

export type HorizonName = 'to end' | '3 years' | '5 years';

export interface StartDateCase {
  readonly horizon: HorizonName;
  readonly from: string;
  readonly to: string;
}

export interface StartDatePoint {
  readonly from: string;
  readonly to: string;
  readonly cagr: number | null;
  readonly maxDrawdown: number | null;
}

export interface HorizonSummary {
  readonly horizon: HorizonName;
  readonly starts: number;
  readonly cagr: Distribution;
  readonly maxDrawdown: Distribution;
  /** The start with the lowest and the highest CAGR (null when no start). */
  readonly worst: StartDatePoint | null;
  readonly best: StartDatePoint | null;
  readonly points: readonly StartDatePoint[];
}

const HORIZONS: readonly { name: HorizonName; years: number | null }[] = [
  { name: 'to end', years: null },
  { name: '3 years', years: 3 },
  { name: '5 years', years: 5 },
];

/**
 * The cases for a period given as rows lo..hi−1 of `dates` (the loaded data's dates, so that
 * the month of the period's first row can be checked against the row before it).
 */
export function startDateCases(dates: Int32Array, lo: number, hi: number): StartDateCase[] {
  const last = dates[hi - 1] as number;
  const cases: StartDateCase[] = [];
  for (let t = lo; t < hi; t++) {
    const day = dates[t] as number;
    if (t > 0 ? sameMonth(dates[t - 1] as number, day) : ymdFromDay(day).day > 7) continue;
    const { year, month, day: d } = ymdFromDay(day);
    for (const h of HORIZONS) {
      const years = h.years ?? 1;
      const end = addYears(year, month, d, years) - 1;
      if (end > last) continue;
      cases.push({ horizon: h.name, from: formatIsoDate(day), to: formatIsoDate(h.years === null ? last : end) });
    }
  }
  return cases;
}

/** The summary per horizon (horizons without any start are left out). */
export function startDateSummaries(cases: readonly StartDateCase[], figures: readonly (SeriesFigures | null)[]): HorizonSummary[] {
  const out: HorizonSummary[] = [];
  for (const h of HORIZONS) {
    const points: StartDatePoint[] = [];
    cases.forEach((c, i) => {
      if (c.horizon !== h.name) return;
      const f = figures[i] ?? null;
      points.push({ from: c.from, to: c.to, cagr: f?.cagr ?? null, maxDrawdown: f?.maxDrawdown ?? null });
    });
    if (points.length === 0) continue;
    let worst: StartDatePoint | null = null;
    let best: StartDatePoint | null = null;
    for (const p of points) {
      if (p.cagr === null) continue;
      if (worst === null || p.cagr < (worst.cagr as number)) worst = p;
      if (best === null || p.cagr > (best.cagr as number)) best = p;
    }
    out.push({
      horizon: h.name,
      starts: points.length,
      cagr: distribution(points.map((p) => p.cagr)),
      maxDrawdown: distribution(points.map((p) => p.maxDrawdown)),
      worst,
      best,
      points,
    });
  }
  return out;
}

/** Day number of the same calendar date `years` later (29 February → 1 March when not a leap year). */
function addYears(year: number, month: number, day: number, years: number): number {
  return dayFromYmd(year + years, month, 1) + day - 1;
}

function sameMonth(a: number, b: number): boolean {
  const x = ymdFromDay(a);
  const y = ymdFromDay(b);
  return x.year === y.year && x.month === y.month;
}
