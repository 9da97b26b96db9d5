import { UserError } from '../core/errors.js';
import { formatIsoDate } from '../core/dates.js';
import { parsePriceTable } from './parsePriceTable.js';
import type { DailyBar } from './providers/types.js';

export const UNIFORM_HEADER = 'date,open,high,low,close,adj_close,volume';

export interface MergeResult {
  /** The whole new file, uniform format. */
  readonly text: string;
  readonly rows: number;
  /** Rows whose date the file did not have. */
  readonly added: number;
  /** Dates where the file and the provider disagree (the file's row is kept), one sentence each. */
  readonly conflicts: string[];
  readonly start: string;
  readonly end: string;
}

/** Relative difference above which two prices of the same day conflict (10 significant digits). */
const TOLERANCE = 1e-6;

/**
 * Merges downloaded bars into a uniform-format file's text (null when there is no file yet):
 * existing rows are kept verbatim, bars on new dates are added, and bars on existing dates are
 * compared on close and adj_close; a relative difference above 1e-6 is a conflict (reported,
 * the file's row kept: the provider may have re-adjusted its history for a new dividend or split).
 * New numbers are written with 10 significant digits; an empty cell means no value.
 */
export function mergeBars(existing: string | null, fileLabel: string, bars: readonly DailyBar[]): MergeResult {
  const rows = new Map<number, string>();
  const known = new Map<number, { close: number; adj: number }>();
  if (existing !== null) {
    const table = parsePriceTable(existing, fileLabel, (p) => {
      throw new UserError(p.message);
    }, 'all');
    if (table.format !== 'uniform' || table.fields.join(',') !== UNIFORM_HEADER) {
      throw new UserError(`${fileLabel}:1: fetch writes the uniform format (${UNIFORM_HEADER}), this file is ${table.format}; expected a uniform file or none (choose another --out)`);
    }
    const lines = existing.replace(/^\uFEFF/, '').split('\n');
    for (let i = 0; i < table.n; i++) {
      const d = table.dates[i] as number;
      rows.set(d, (lines[(table.lines[i] as number) - 1] as string).replace(/\r$/, ''));
      known.set(d, { close: table.close?.[i] ?? Number.NaN, adj: table.priceColumn === 'adj_close' ? (table.prices[i] as number) : Number.NaN });
    }
  }
  const conflicts: string[] = [];
  let added = 0;
  const incoming = new Map<number, DailyBar>();
  for (const b of bars) incoming.set(b.date, b); // a repeated date: the later bar wins
  for (const [date, bar] of [...incoming].sort((a, b) => a[0] - b[0])) {
    const have = known.get(date);
    if (have === undefined) {
      rows.set(date, formatBar(bar));
      added++;
      continue;
    }
    const diffs: string[] = [];
    if (differs(have.close, bar.close)) diffs.push(`close ${have.close} in the file, ${bar.close} downloaded`);
    if (!Number.isNaN(bar.adjClose) && differs(have.adj, bar.adjClose)) diffs.push(`adj_close ${have.adj} in the file, ${bar.adjClose} downloaded`);
    if (diffs.length > 0) conflicts.push(`${fileLabel} ${formatIsoDate(date)}: ${diffs.join('; ')}`);
  }
  if (rows.size === 0) throw new UserError(`${fileLabel}: nothing to write, expected downloaded rows`);
  const dates = [...rows.keys()].sort((a, b) => a - b);
  const text = `${UNIFORM_HEADER}\n${dates.map((d) => rows.get(d)).join('\n')}\n`;
  return { text, rows: dates.length, added, conflicts, start: formatIsoDate(dates[0] as number), end: formatIsoDate(dates[dates.length - 1] as number) };
}

function differs(a: number, b: number): boolean {
  if (Number.isNaN(a) || Number.isNaN(b)) return false;
  return Math.abs(a - b) > TOLERANCE * Math.max(Math.abs(a), Math.abs(b));
}

function formatBar(b: DailyBar): string {
  const f = (x: number): string => (Number.isFinite(x) ? String(Number(x.toPrecision(10))) : '');
  return [formatIsoDate(b.date), f(b.open), f(b.high), f(b.low), f(b.close), f(b.adjClose), f(b.volume)].join(',');
}
