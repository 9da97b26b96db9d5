import { UserError } from '../core/errors.js';
import { detectPriceFormat, type PriceField, type PriceHeader } from './detectPriceFormat.js';
import type { PriceProblem } from './priceProblem.js';
import { fastPriceRows, type CleanPriceRows } from './fastPriceRows.js';
import { PriceRowReader } from './priceRowReader.js';
import type { PriceColumn, PriceFormat } from './priceSeries.js';

/** The rows of a price file that passed every row-level check, column by column. */
export interface PriceTable {
  readonly format: PriceFormat;
  readonly fields: readonly PriceField[];
  readonly priceColumn: PriceColumn;
  /** True when an `adj_close` column exists but is empty, so `close` was used instead. */
  readonly adjEmpty: boolean;
  /** Rows kept: strictly increasing dates and a finite, positive price. */
  readonly n: number;
  readonly dates: Int32Array;
  readonly prices: Float64Array;
  /** 1-based file line of each kept row. */
  readonly lines: Int32Array;
  /**
   * Optional columns (NaN where the cell is empty), null when the file lacks the column or when
   * only the price column was read (`read: 'price'`).
   */
  readonly open: Float64Array | null;
  readonly high: Float64Array | null;
  readonly low: Float64Array | null;
  readonly close: Float64Array | null;
  /** Yahoo placeholder rows (`null` prices, on holidays) that were skipped. */
  readonly nullRows: number;
}

/**
 * Parses a price CSV by hand (split on `\n` and `,` by offsets; no quoting beyond a pair of
 * double quotes around a cell). A UTF-8 BOM and CRLF line ends are accepted; blank lines are
 * skipped. Every problem is passed to `onProblem` in line order: a strict reader throws from it,
 * a validator collects. Rows with a problem are left out of the table, so the table is always
 * strictly increasing in date with finite, positive prices.
 *
 * `read: 'price'` parses only the date and price columns (and a file whose every line is clean
 * in one pass, fastPriceRows, before the general reader); `'all'` also
 * open/high/low/close, for validation. Volume is never read. The price column is `adj_close`
 * when the file has one and its first row's cell is non-empty, else `close`.
 * Header problems (unknown columns, wrong delimiter) throw a UserError at once.
 * `fast: false` skips fastPriceRows (the tests compare the two readers with it).
 */
export function parsePriceTable(
  text: string,
  fileLabel: string,
  onProblem: (p: PriceProblem) => void,
  read: 'price' | 'all' = 'all',
  fast = true,
): PriceTable {
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const len = text.length;
  if (pos >= len || text.slice(pos).trim() === '') {
    throw new UserError(`${fileLabel}:1: empty file, expected a header such as date,close and data rows`);
  }
  let end = text.indexOf('\n', pos);
  if (end === -1) end = len;
  const headerEnd = end > pos && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
  const header = detectPriceFormat(text.slice(pos, headerEnd), fileLabel);
  if (read === 'price' && fast) {
    const clean = fastPriceRows(text, end + 1, header.fields);
    if (clean !== null && clean.n > 0) return cleanTable(header, clean);
  }
  let capacity = 1;
  for (let i = text.indexOf('\n', pos); i !== -1; i = text.indexOf('\n', i + 1)) capacity++;
  const reader = new PriceRowReader(text, fileLabel, header.fields, capacity, read, onProblem);
  let lineNo = 1;
  for (pos = end + 1; pos <= len; pos = end + 1) {
    end = text.indexOf('\n', pos);
    if (end === -1) end = len;
    const lineEnd = end > pos && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
    lineNo++;
    if (lineEnd > pos) reader.readLine(pos, lineEnd, lineNo);
  }
  const n = reader.n;
  if (n === 0) {
    const nulls = reader.nullRows > 0 ? ` (${reader.nullRows} null rows)` : '';
    onProblem({ kind: 'noData', line: 0, message: `${fileLabel}: no data rows${nulls}, expected at least one row of date and price after the header` });
  }
  const col = (f: PriceField): Float64Array | null => (read === 'all' ? reader.columns.get(f)?.slice(0, n) ?? null : null);
  const adjCol = header.fields.indexOf('adj_close');
  return {
    format: header.format,
    fields: header.fields,
    priceColumn: adjCol >= 0 && reader.priceCol === adjCol ? 'adj_close' : 'close',
    adjEmpty: reader.adjEmpty,
    n,
    dates: reader.dates.slice(0, n),
    prices: reader.prices.slice(0, n),
    lines: reader.lines.slice(0, n),
    open: col('open'),
    high: col('high'),
    low: col('low'),
    close: col('close'),
    nullRows: reader.nullRows,
  };
}

/** The table of a file every line of which is clean (fastPriceRows). */
function cleanTable(header: PriceHeader, rows: CleanPriceRows): PriceTable {
  const { n } = rows;
  return {
    format: header.format,
    fields: header.fields,
    priceColumn: header.fields[rows.priceCol] === 'adj_close' ? 'adj_close' : 'close',
    adjEmpty: false,
    n,
    dates: rows.dates.subarray(0, n),
    prices: rows.prices.subarray(0, n),
    lines: rows.lines.subarray(0, n),
    open: null,
    high: null,
    low: null,
    close: null,
    nullRows: 0,
  };
}
