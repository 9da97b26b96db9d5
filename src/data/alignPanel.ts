import { UserError } from '../core/errors.js';
import { formatIsoDate } from '../core/dates.js';
import type { PricePanel } from '../core/panel.js';
import { alignToCalendar } from './alignToCalendar.js';
import { marketOf, type Market } from './currency.js';
import { panelValues } from '../wasm/panelValues.js';
import type { PriceSeries } from './priceSeries.js';
import { emptyRecord } from '../core/reservedKeys.js';

/**
 * Which dates are the panel's rows: `union` (every date any series has; the default),
 * `intersection` (dates every series has), a ticker of one of the series (its dates), or a
 * market `US` | `HK` | `CN` (the union of the dates of that market's series).
 */
export type CalendarPolicy = 'union' | 'intersection' | Market | (string & {});

export interface AlignOptions {
  /** Longest run of consecutive calendar rows filled from the last price (default 5). */
  readonly maxFillDays?: number;
  readonly calendar?: CalendarPolicy;
}

export interface AlignedPanel {
  readonly panel: PricePanel;
  /** Per asset, rows whose price was carried forward (see alignToCalendar). */
  readonly filled: Record<string, number>;
  /** Per asset, its own dates that are not calendar rows (ISO), e.g. HK holidays under `US`. */
  readonly droppedDates: Record<string, string[]>;
  /** Per asset, the date of its first price (ISO). */
  readonly firstDates: Record<string, string>;
}

export const DEFAULT_MAX_FILL_DAYS = 5;

/**
 * Aligns price series on one calendar into a column-major PricePanel (values[a·nDates + t]).
 * Each asset is forward-filled at most `maxFillDays` consecutive rows, never back-filled:
 * before its first price it is NaN, and after a longer gap it is NaN until it trades again.
 */
export function alignPanel(series: readonly PriceSeries[], opts: AlignOptions = {}): AlignedPanel {
  const maxFillDays = opts.maxFillDays ?? DEFAULT_MAX_FILL_DAYS;
  if (!Number.isInteger(maxFillDays) || maxFillDays < 0) {
    throw new UserError(`max fill days: got ${maxFillDays}, expected a whole number ≥ 0`);
  }
  if (series.length === 0) throw new UserError('no price series to align, expected at least one ticker');
  const seen = new Set<string>();
  for (const s of series) {
    if (seen.has(s.ticker)) throw new UserError(`ticker "${s.ticker}" is listed twice, expected each ticker once`);
    seen.add(s.ticker);
  }
  const dates = buildCalendar(series, opts.calendar ?? 'union');
  const n = dates.length;
  const values = panelValues(series.length * n);
  const filled = emptyRecord<number>();
  const droppedDates = emptyRecord<string[]>();
  const firstDates = emptyRecord<string>();
  series.forEach((s, a) => {
    // Written straight into the asset's column (no per-series array to allocate and copy).
    const aligned = alignToCalendar(dates, s.dates, s.prices, maxFillDays, values.subarray(a * n, (a + 1) * n));
    filled[s.ticker] = aligned.filled;
    droppedDates[s.ticker] = aligned.dropped.map(formatIsoDate);
    firstDates[s.ticker] = formatIsoDate(s.dates[0] as number);
  });
  return { panel: { dates, assets: series.map((s) => s.ticker), values }, filled, droppedDates, firstDates };
}

function buildCalendar(series: readonly PriceSeries[], policy: CalendarPolicy): Int32Array {
  if (policy === 'union') return unionDates(series);
  if (policy === 'intersection') {
    const counts = new Map<number, number>();
    for (const s of series) for (const d of s.dates) counts.set(d, (counts.get(d) ?? 0) + 1);
    const common = [...counts].filter(([, c]) => c === series.length).map(([d]) => d);
    if (common.length === 0) {
      const spans = series.map((s) => `${s.ticker} ${s.info.start}..${s.info.end}`).join(', ');
      throw new UserError(`calendar "intersection": no date is common to all ${series.length} series (${spans}), expected overlapping spans`);
    }
    return Int32Array.from(common).sort();
  }
  const owner = series.find((s) => s.ticker === policy);
  if (owner !== undefined) return owner.dates.slice();
  if (policy === 'US' || policy === 'HK' || policy === 'CN') {
    const members = series.filter((s) => marketOf(s.ticker) === policy);
    if (members.length === 0) {
      throw new UserError(`calendar "${policy}": none of the tickers trades in that market, expected a market of one of ${series.map((s) => s.ticker).join(', ')}`);
    }
    return unionDates(members);
  }
  throw new UserError(
    `calendar "${policy}": expected union, intersection, a market (US, HK, CN) or one of the tickers (${series.map((s) => s.ticker).join(', ')})`,
  );
}

/**
 * Every date of any series, ascending, each once: the series' dates (each strictly increasing)
 * merged into the union one series at a time, a series whose dates are a run of consecutive
 * dates of the union so far costing one comparison pass (the common case: files of one market
 * that start or end on different days).
 */
function unionDates(series: readonly PriceSeries[]): Int32Array {
  let union: Int32Array = (series[0] as PriceSeries).dates;
  for (let k = 1; k < series.length; k++) {
    const next = (series[k] as PriceSeries).dates;
    if (!runOf(union, next)) union = mergeDates(union, next);
  }
  return union.slice();
}

/** True when `b` (strictly increasing) equals a run of consecutive entries of `a` (strictly increasing): then a ∪ b = a. */
function runOf(a: Int32Array, b: Int32Array): boolean {
  if (b.length === 0) return true;
  // The first entry of a not below b[0].
  let lo = 0;
  let hi = a.length;
  const first = b[0] as number;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((a[mid] as number) < first) lo = mid + 1;
    else hi = mid;
  }
  if (lo + b.length > a.length) return false;
  for (let i = 0; i < b.length; i++) if (a[lo + i] !== b[i]) return false;
  return true;
}

/** The sorted union of two strictly increasing arrays. */
function mergeDates(a: Int32Array, b: Int32Array): Int32Array {
  const out = new Int32Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let m = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as number;
    const y = b[j] as number;
    if (x <= y) {
      out[m++] = x;
      i++;
      if (x === y) j++;
    } else {
      out[m++] = y;
      j++;
    }
  }
  while (i < a.length) out[m++] = a[i++] as number;
  while (j < b.length) out[m++] = b[j++] as number;
  return out.subarray(0, m);
}
