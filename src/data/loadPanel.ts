import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { UserError } from '../core/errors.js';
import { formatIsoDate } from '../core/dates.js';
import { lowerBound, slicePanel, type PricePanel } from '../core/panel.js';
import { alignPanel, type CalendarPolicy } from './alignPanel.js';
import { closestNames } from './closestNames.js';
import { MissingTickerError, type MissingTicker } from './missingTickerError.js';
import type { PriceFileInfo, PriceSeries } from './priceSeries.js';
import { readPriceFile } from './readPriceFile.js';
import { fileNameToTicker, tickerToFileName } from './tickerToFileName.js';
import { emptyRecord } from '../core/reservedKeys.js';
import { panelValues } from '../wasm/panelValues.js';

export { MissingTickerError } from './missingTickerError.js';

export interface LoadRequest {
  readonly tickers: readonly string[];
  /** First and last day (day numbers, inclusive) of the panel's rows. */
  readonly from?: number;
  readonly to?: number;
  readonly maxFillDays?: number;
  readonly calendar?: CalendarPolicy;
  /** Reads one price file (default readPriceFile); the run boundary passes one that remembers each file it read. */
  readonly readSeries?: (file: string, ticker: string) => PriceSeries;
}

export interface LoadedPanel {
  /** Rows restricted to [from, to] after filling, so a fill may use a price before `from`. */
  readonly panel: PricePanel;
  readonly files: PriceFileInfo[];
  /** Per asset, kept rows whose price was carried forward (not dated that day). */
  readonly filled: Record<string, number>;
  /** Per asset, its own dates inside the kept period that are not calendar rows. */
  readonly droppedDates: Record<string, string[]>;
  /** Assets whose first price comes after the panel's first row. */
  readonly lateStarts: { ticker: string; firstDate: string }[];
  /** True when the folder's manifest.json says `"synthetic": true` (the offline sample). */
  readonly synthetic: boolean;
  /** The folder as the user gave it (never resolved to an absolute path). */
  readonly directory: string;
  readonly warnings: string[];
}

/**
 * Loads `DIR/<file of ticker>.csv` for each ticker (see tickerToFileName), aligns them
 * (alignPanel: union calendar and 5-day forward fill by default) and keeps the rows in
 * [from, to]. Fill counts and dropped dates are those of the kept period only.
 */
export function loadPanel(dir: string, request: LoadRequest): LoadedPanel {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new UserError(`data folder "${dir}" does not exist, expected a folder of price files (e.g. data/sample)`);
  }
  if (request.tickers.length === 0) throw new UserError('no tickers requested, expected at least one');
  const missing = findMissingTickers(dir, request.tickers);
  if (missing.length > 0) throw new MissingTickerError(dir, missing);
  const read = request.readSeries ?? readPriceFile;
  const series: PriceSeries[] = request.tickers.map((ticker) => read(priceFilePath(dir, ticker), ticker));
  const aligned = alignPanel(series, { maxFillDays: request.maxFillDays, calendar: request.calendar });
  const full = aligned.panel;
  const lo = request.from === undefined ? 0 : lowerBound(full.dates, request.from);
  const hi = request.to === undefined ? full.dates.length : lowerBound(full.dates, request.to + 1);
  if (hi <= lo) {
    const span = `${formatIsoDate(full.dates[0] as number)} to ${formatIsoDate(full.dates[full.dates.length - 1] as number)}`;
    const want = `${request.from === undefined ? '…' : formatIsoDate(request.from)} to ${request.to === undefined ? '…' : formatIsoDate(request.to)}`;
    throw new UserError(`no prices between ${want} in ${dir}; the data span ${span}, expected --from/--to inside it`);
  }
  // The whole panel when every row is kept (no copy of its values).
  const panel = lo === 0 && hi === full.dates.length ? full : slicePanel(full, lo, hi, undefined, panelValues);
  const start = panel.dates[0] as number;
  const end = panel.dates[panel.dates.length - 1] as number;
  const filled = emptyRecord<number>();
  const droppedDates = emptyRecord<string[]>();
  const [startIso, endIso] = [formatIsoDate(start), formatIsoDate(end)];
  series.forEach((s, a) => {
    // Every row kept: the aligner's own count is this one (rows holding a price not dated that day).
    filled[s.ticker] = panel === full ? (aligned.filled[s.ticker] as number) : countFilledRows(panel, a, s.dates);
    droppedDates[s.ticker] = (aligned.droppedDates[s.ticker] ?? []).filter((d) => d >= startIso && d <= endIso);
  });
  const warnings = series.flatMap((s) => s.warnings);
  const lateStarts: { ticker: string; firstDate: string }[] = [];
  for (const s of series) {
    const first = s.dates[0] as number;
    const last = s.dates[s.dates.length - 1] as number;
    if (first > start) {
      lateStarts.push({ ticker: s.ticker, firstDate: s.info.start });
      // Only a requested range makes a late start or an early end worth a warning; without one the
      // panel spans the union of the files and the engine reports against its own period.
      if (request.from !== undefined) warnings.push(`${s.ticker} starts ${s.info.start}, after the period start ${formatIsoDate(start)}: no price before then`);
    }
    if (last < end && request.to !== undefined) warnings.push(`${s.ticker} ends ${s.info.end}, before the period end ${formatIsoDate(end)}`);
  }
  const synthetic = readSyntheticFlag(dir);
  if (synthetic) warnings.unshift(`${dir} holds SYNTHETIC prices (generated, not market data)`);
  return {
    panel,
    files: series.map((s) => s.info),
    filled,
    droppedDates,
    lateStarts,
    synthetic,
    directory: dir,
    warnings,
  };
}

/** The tickers a folder has price files for (by file name), sorted. */
export function listTickers(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.toLowerCase().endsWith('.csv'))
    .map(fileNameToTicker)
    .sort();
}

/** True when `dir/manifest.json` exists and says `"synthetic": true`. */
export function readSyntheticFlag(dir: string): boolean {
  const file = path.join(dir, 'manifest.json');
  if (!existsSync(file)) return false;
  try {
    const manifest = JSON.parse(readFileSync(file, 'utf8')) as { synthetic?: unknown };
    return manifest.synthetic === true;
  } catch {
    throw new UserError(`${file}: not valid JSON, expected a manifest such as {"synthetic": true}`);
  }
}

/**
 * The path of a ticker's price file in `dir`, or a MissingTickerError naming the expected file
 * and the closest tickers the folder has.
 */
export function priceFilePath(dir: string, ticker: string): string {
  const file = path.join(dir, tickerToFileName(ticker));
  if (!existsSync(file)) throw new MissingTickerError(dir, findMissingTickers(dir, [ticker]));
  return file;
}

/** The tickers (each once, in the order given) that have no price file in `dir`, with the closest tickers it has. */
export function findMissingTickers(dir: string, tickers: readonly string[]): MissingTicker[] {
  const absent = [...new Set(tickers)].filter((t) => !existsSync(path.join(dir, tickerToFileName(t))));
  if (absent.length === 0) return [];
  const present = listTickers(dir);
  return absent.map((ticker) => ({ ticker, expected: path.join(dir, tickerToFileName(ticker)), closest: closestNames(ticker, present) }));
}

/** Rows of column `a` holding a price that is not an observation dated that row's day. */
function countFilledRows(panel: PricePanel, a: number, own: Int32Array): number {
  const n = panel.dates.length;
  let j = 0;
  let count = 0;
  for (let t = 0; t < n; t++) {
    const day = panel.dates[t] as number;
    while (j < own.length && (own[j] as number) < day) j++;
    if (!Number.isNaN(panel.values[a * n + t] as number) && own[j] !== day) count++;
  }
  return count;
}
