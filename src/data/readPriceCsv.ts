import { UserError } from '../core/errors.js';
import { formatIsoDate } from '../core/dates.js';
import { parsePriceTable } from './parsePriceTable.js';
import { priceSanityWarnings } from './priceSanity.js';
import type { PriceSeries } from './priceSeries.js';

/**
 * Reads one price CSV (text in, no I/O) into a PriceSeries, stopping at the first problem with a
 * UserError `file:line: what was wrong, what was expected`.
 *
 * Formats, detected from the header (case-insensitive, any column order):
 * uniform `date,open,high,low,close,adj_close,volume`, Yahoo `Date,Open,High,Low,Close,Adj Close,Volume`,
 * Stooq `Date,Open,High,Low,Close,Volume`, plain `date,close`.
 * Price column: `adj_close` (dividend- and split-adjusted) when present and filled, else `close`
 * with a warning when an empty `adj_close` column had to be ignored. Yahoo `null` rows are skipped
 * with a warning. Only the date and price columns are read (validatePriceFile checks the rest).
 * `info.sha256` is left empty: the loader, which has the bytes, fills it. Price sanity findings
 * (one-day jumps, dates after `today`, non-decimal numbers, subnormal prices: priceSanity.ts)
 * are warnings.
 */
export function readPriceCsv(text: string, fileLabel: string, ticker: string, today = Math.floor(Date.now() / 86_400_000)): PriceSeries {
  const table = parsePriceTable(
    text,
    fileLabel,
    (problem) => {
      throw new UserError(problem.message);
    },
    'price',
  );
  const warnings: string[] = [];
  if (table.adjEmpty) {
    warnings.push(`${fileLabel}: the adj_close column is empty, so close is used (not adjusted for dividends or splits)`);
  }
  if (table.nullRows > 0) {
    warnings.push(`${fileLabel}: skipped ${table.nullRows} row${table.nullRows === 1 ? '' : 's'} with null prices`);
  }
  warnings.push(...priceSanityWarnings(table, text, fileLabel, today));
  return {
    ticker,
    dates: table.dates,
    prices: table.prices,
    info: {
      ticker,
      file: baseName(fileLabel),
      format: table.format,
      rows: table.n,
      start: formatIsoDate(table.dates[0] as number),
      end: formatIsoDate(table.dates[table.n - 1] as number),
      priceColumn: table.priceColumn,
      sha256: '',
    },
    warnings,
  };
}

function baseName(label: string): string {
  const i = Math.max(label.lastIndexOf('/'), label.lastIndexOf('\\'));
  return i >= 0 ? label.slice(i + 1) : label;
}
