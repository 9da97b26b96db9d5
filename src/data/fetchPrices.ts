import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { UserError } from '../core/errors.js';
import { formatIsoDate, parseIsoDate } from '../core/dates.js';
import { mergeBars } from './mergeBars.js';
import { parsePriceTable } from './parsePriceTable.js';
import { fetchStooq } from './providers/stooq.js';
import type { DailyBar, ProviderName, ProviderOptions, ProviderRequest } from './providers/types.js';
import { fetchYahoo } from './providers/yahoo.js';
import { tickerToFileName } from './tickerToFileName.js';
import { replaceFilesAtomic, type FileToWrite } from '../core/replaceFilesAtomic.js';
import { quoteCell } from '../core/terminalText.js';

/** A ticker as strategy files accept it (schema.ts); never a path. */
const TICKER = /^[A-Za-z0-9^=._-]+$/;

export interface FetchRequest {
  readonly tickers: readonly string[];
  readonly provider: ProviderName;
  /** Inclusive day range; see fetchPrices for the defaults. */
  readonly from?: number;
  readonly to?: number;
  readonly dir: string;
  readonly timeoutMs?: number;
  /** Transport overrides (tests: a local server's base URL). */
  readonly providerOptions?: ProviderOptions;
  /** Today's day number (default: the clock's UTC date). */
  readonly today?: number;
}

export interface FetchResult {
  readonly ticker: string;
  readonly file: string;
  readonly rows: number;
  readonly added: number;
  readonly conflicts: string[];
  readonly start: string;
  readonly end: string;
}

const PROVIDERS: Record<ProviderName, (r: ProviderRequest, o: ProviderOptions) => Promise<DailyBar[]>> = {
  yahoo: fetchYahoo,
  stooq: fetchStooq,
};

/** Days re-downloaded before a file's last date, to check that they still agree. */
export const OVERLAP_DAYS = 10;
export const DEFAULT_FROM = '2000-01-01';

/**
 * Downloads each ticker into `dir/<file of ticker>.csv` (uniform format), one after the other.
 * From: `from`, else 10 days before the existing file's last date, else 2000-01-01. To: `to`,
 * else today. Existing files are extended (mergeBars); the files are replaced all-or-nothing once
 * every download has succeeded (replaceFilesAtomic).
 */
export async function fetchPrices(request: FetchRequest): Promise<FetchResult[]> {
  const today = request.today ?? Math.floor(Date.now() / 86_400_000);
  const options: ProviderOptions = { timeoutMs: request.timeoutMs, ...request.providerOptions };
  const results: FetchResult[] = [];
  const files: FileToWrite[] = [];
  for (const ticker of request.tickers) {
    if (!TICKER.test(ticker) || ticker.startsWith('.')) {
      throw new UserError(`data fetch: ${quoteCell(ticker)} is not a ticker; expected letters, digits and ^ = . _ - (e.g. NVDA, 0700.HK, ^HSI, GC=F)`);
    }
    const name = tickerToFileName(ticker);
    if (files.some((f) => f.name === name)) continue; // a ticker given twice is fetched once
    const file = path.join(request.dir, name);
    const existing = existsSync(file) ? readFileSync(file, 'utf8') : null;
    const from = request.from ?? (existing === null ? parseIsoDate(DEFAULT_FROM) : lastDate(existing, name) - OVERLAP_DAYS);
    const to = request.to ?? today;
    if (from > to) throw new UserError(`--from ${formatIsoDate(from)} is after --to ${formatIsoDate(to)}, expected from ≤ to`);
    const bars = await PROVIDERS[request.provider]({ ticker, from, to }, options);
    const merged = mergeBars(existing, name, bars.filter((b) => b.date >= from && b.date <= to));
    files.push({ name, text: merged.text });
    results.push({ ticker, file, rows: merged.rows, added: merged.added, conflicts: merged.conflicts, start: merged.start, end: merged.end });
  }
  // All tickers or none: a failed download leaves every file as it was.
  replaceFilesAtomic(request.dir, files);
  return results;
}

function lastDate(text: string, label: string): number {
  const table = parsePriceTable(text, label, (p) => {
    throw new UserError(p.message);
  }, 'price');
  return table.dates[table.n - 1] as number;
}
