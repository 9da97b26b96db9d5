import { formatIsoDate } from '../core/dates.js';
import type { PriceSeries } from './priceSeries.js';

/** A quick look at one series for `sleeves data show` (not a metric of the report). */
export interface SeriesSummary {
  readonly first: { date: string; price: number };
  readonly last: { date: string; price: number };
  readonly min: { date: string; price: number };
  readonly max: { date: string; price: number };
  /** last / first − 1. */
  readonly change: number;
  /** The largest one-day fall and rise, price[t]/price[t−1] − 1 (null with one row). */
  readonly worstDay: { date: string; move: number } | null;
  readonly bestDay: { date: string; move: number } | null;
  /** The last `tail` rows. */
  readonly tail: { date: string; price: number }[];
}

export function describeSeries(s: PriceSeries, tail = 5): SeriesSummary {
  const n = s.prices.length;
  const row = (i: number) => ({ date: formatIsoDate(s.dates[i] as number), price: s.prices[i] as number });
  let lo = 0;
  let hi = 0;
  let worst = -1;
  let best = -1;
  for (let i = 0; i < n; i++) {
    if ((s.prices[i] as number) < (s.prices[lo] as number)) lo = i;
    if ((s.prices[i] as number) > (s.prices[hi] as number)) hi = i;
    if (i === 0) continue;
    const m = (s.prices[i] as number) / (s.prices[i - 1] as number) - 1;
    if (worst < 0 || m < move(s, worst)) worst = i;
    if (best < 0 || m > move(s, best)) best = i;
  }
  const day = (i: number) => (i < 0 ? null : { date: formatIsoDate(s.dates[i] as number), move: move(s, i) });
  return {
    first: row(0),
    last: row(n - 1),
    min: row(lo),
    max: row(hi),
    change: (s.prices[n - 1] as number) / (s.prices[0] as number) - 1,
    worstDay: day(worst),
    bestDay: day(best),
    tail: Array.from({ length: Math.min(tail, n) }, (_, k) => row(n - Math.min(tail, n) + k)),
  };
}

function move(s: PriceSeries, i: number): number {
  return (s.prices[i] as number) / (s.prices[i - 1] as number) - 1;
}
