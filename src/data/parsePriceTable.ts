import { UserError } from '../core/errors.js';
import { dayFromYmd, formatIsoDate, parseIsoDate } from '../core/dates.js';
import { detectPriceFormat, type PriceField } from './detectPriceFormat.js';
import { NOT_A_NUMBER, parseDecimal } from './parseDecimal.js';
import type { PriceProblem } from './priceProblem.js';
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

/** Columns whose numbers are kept (volume is not read). */
const STORED: readonly PriceField[] = ['open', 'high', 'low', 'close', 'adj_close'];
const PRICE_CANDIDATES: readonly PriceField[] = ['close', 'adj_close'];

/**
 * Parses a price CSV by hand (split on `\n` and `,` by offsets; no quoting beyond a pair of
 * double quotes around a cell). The volume column is checked for presence only, not read. A UTF-8 BOM and CRLF line ends are accepted; blank lines are
 * skipped. Every problem is passed to `onProblem` in line order: a strict reader throws from it,
 * a validator collects. Rows with a problem are left out of the table, so the table is always
 * strictly increasing in date with finite, positive prices.
 *
 * `read: 'price'` parses only the date and price columns (the reader's fast path); `'all'` also
 * open/high/low/close, for validation. The price column is `adj_close` when the file has one and its first row's cell is non-empty,
 * else `close`. Header problems (unknown columns, wrong delimiter) throw a UserError at once.
 */
export function parsePriceTable(
  text: string,
  fileLabel: string,
  onProblem: (p: PriceProblem) => void,
  read: 'price' | 'all' = 'all',
): PriceTable {
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const len = text.length;
  if (pos >= len || text.slice(pos).trim() === '') {
    throw new UserError(`${fileLabel}:1: empty file, expected a header such as date,close and data rows`);
  }
  let capacity = 1;
  for (let i = text.indexOf('\n', pos); i !== -1; i = text.indexOf('\n', i + 1)) capacity++;

  let end = text.indexOf('\n', pos);
  if (end === -1) end = len;
  const header = detectPriceFormat(stripCr(text, pos, end), fileLabel);
  const fields = header.fields;
  const ncols = fields.length;
  const colOf = (f: PriceField): number => fields.indexOf(f);
  const dateCol = colOf('date');
  const adjCol = colOf('adj_close');
  const closeCol = colOf('close');
  const expectCols = fields.join(',');

  const columns = new Map<PriceField, Float64Array>();
  for (const f of read === 'all' ? STORED : PRICE_CANDIDATES) if (colOf(f) >= 0) columns.set(f, new Float64Array(capacity));
  const dates = new Int32Array(capacity);
  const prices = new Float64Array(capacity);
  const lines = new Int32Array(capacity);
  const cellStart = new Int32Array(ncols);
  const cellEnd = new Int32Array(ncols);
  // Numeric columns to parse (volume is never read), with their storage.
  let parsedCols = fields.flatMap((f, k) => (columns.has(f) ? [k] : []));
  let parsedTargets = parsedCols.map((k) => columns.get(fields[k] as PriceField) as Float64Array);

  let priceCol = -1; // decided by the first well-formed row
  let priceTarget: Float64Array = prices;
  let adjEmpty = false;
  let n = 0;
  let nullRows = 0;
  let lineNo = 1;
  let lastDate = Number.NaN;
  let lastLine = 0;
  pos = end + 1;
  const report = (line: number, kind: PriceProblem['kind'], what: string): void =>
    onProblem({ kind, line, message: `${fileLabel}:${line}: ${what}` });
  const cellText = (k: number): string => text.slice(cellStart[k] as number, cellEnd[k] as number);

  while (pos <= len) {
    end = text.indexOf('\n', pos);
    if (end === -1) end = len;
    let lineEnd = end;
    if (lineEnd > pos && text.charCodeAt(lineEnd - 1) === 13) lineEnd--;
    lineNo++;
    const start = pos;
    pos = end + 1;
    if (lineEnd === start) continue;

    // Split the line into cells (offsets only).
    let count = 0;
    for (let p = start; ; ) {
      let c = text.indexOf(',', p);
      if (c === -1 || c > lineEnd) c = lineEnd;
      if (count < ncols) {
        cellStart[count] = p;
        cellEnd[count] = c;
      }
      count++;
      if (c === lineEnd) break;
      p = c + 1;
    }
    if (count !== ncols) {
      const line = text.slice(start, lineEnd);
      if (count === 1 && line.trim() === '') continue;
      const hint = count === 1 && line.includes(';') ? ' (separated by semicolons?)' : '';
      report(lineNo, 'fieldCount', `${count} field${count === 1 ? '' : 's'}${hint}, expected ${ncols} (${expectCols})`);
      continue;
    }

    let day = isoDayAt(text, cellStart[dateCol] as number, cellEnd[dateCol] as number);
    if (Number.isNaN(day)) day = parseIsoDate(unquote(cellText(dateCol)));
    if (Number.isNaN(day)) {
      const dateText = unquote(cellText(dateCol));
      const hint = /^\d{1,2}[/.-]\d{1,2}[/.-]\d{4}$/.test(dateText) ? ' (day-first or month-first dates are ambiguous)' : '';
      report(lineNo, 'badDate', `unparseable date "${dateText}"${hint}, expected YYYY-MM-DD`);
      continue;
    }

    if (priceCol === -1) {
      priceCol = adjCol >= 0 && cellText(adjCol).trim() !== '' ? adjCol : closeCol;
      adjEmpty = adjCol >= 0 && priceCol !== adjCol;
      priceTarget = columns.get(fields[priceCol] as PriceField) as Float64Array;
      if (read === 'price') {
        parsedCols = [priceCol];
        parsedTargets = [priceTarget];
      }
    }
    if (unquote(cellText(priceCol)) === 'null') {
      nullRows++;
      continue;
    }

    let bad = false;
    for (let q = 0; q < parsedCols.length; q++) {
      const k = parsedCols[q] as number;
      let v = parseDecimal(text, cellStart[k] as number, cellEnd[k] as number);
      if (v === NOT_A_NUMBER) {
        report(lineNo, 'nonNumeric', `${fields[k]} is "${cellText(k)}", expected a number`);
        bad = true;
        v = Number.NaN;
      }
      (parsedTargets[q] as Float64Array)[n] = v;
    }
    if (bad) continue;

    const price = priceTarget[n] as number;
    const priceName = fields[priceCol] as string;
    if (Number.isNaN(price)) {
      const why =
        priceCol === adjCol
          ? `empty adj_close, expected a price on every row (the first row has one, so adj_close is the price column)`
          : `empty ${priceName}, expected a price`;
      report(lineNo, 'missingPrice', why);
      continue;
    }
    if (price <= 0) {
      report(lineNo, 'nonPositive', `${priceName} is ${unquote(cellText(priceCol))}, expected a price > 0`);
      continue;
    }
    if (adjEmpty && cellText(adjCol).trim() !== '') {
      report(lineNo, 'missingPrice', `adj_close is filled here but empty on the first row, expected it on every row or on none`);
      continue;
    }
    if (day <= lastDate) {
      const kind = day === lastDate ? 'duplicate' : 'unsorted';
      const dateText = unquote(cellText(dateCol));
      const what =
        day === lastDate
          ? `duplicate date ${dateText} (also on line ${lastLine}), expected each date once`
          : `date ${dateText} comes after ${formatIsoDate(lastDate)} (line ${lastLine}), expected dates in ascending order` +
            (n === 1 ? ' (the file looks newest-first: reverse it)' : '');
      report(lineNo, kind, what);
      continue;
    }
    dates[n] = day;
    prices[n] = price;
    lines[n] = lineNo;
    lastDate = day;
    lastLine = lineNo;
    n++;
  }

  if (n === 0) {
    onProblem({
      kind: 'noData',
      line: 0,
      message: `${fileLabel}: no data rows${nullRows > 0 ? ` (${nullRows} null rows)` : ''}, expected at least one row of date and price after the header`,
    });
  }
  const col = (f: PriceField): Float64Array | null => columns.get(f)?.slice(0, n) ?? null;
  return {
    format: header.format,
    fields,
    priceColumn: priceCol === adjCol && adjCol >= 0 ? 'adj_close' : 'close',
    adjEmpty,
    n,
    dates: dates.slice(0, n),
    prices: prices.slice(0, n),
    lines: lines.slice(0, n),
    open: col('open'),
    high: col('high'),
    low: col('low'),
    close: read === 'all' ? (col('close') as Float64Array) : null,
    nullRows,
  };
}

function stripCr(text: string, start: number, end: number): string {
  return text.slice(start, end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end);
}

function unquote(s: string): string {
  const t = s.trim();
  return t.length >= 2 && t.charCodeAt(0) === 34 && t.charCodeAt(t.length - 1) === 34 ? t.slice(1, -1) : t;
}

/**
 * Fast path for an unquoted `YYYY-MM-DD` cell (optionally followed by `T…` or ` …`), read in
 * place; NaN for anything else (the caller then tries parseIsoDate on the trimmed text).
 */
function isoDayAt(text: string, s: number, e: number): number {
  if (e - s < 10 || text.charCodeAt(s + 4) !== 45 || text.charCodeAt(s + 7) !== 45) return Number.NaN;
  if (e - s > 10) {
    const c = text.charCodeAt(s + 10);
    if (c !== 84 && c !== 32) return Number.NaN;
  }
  let y = 0;
  for (let i = s; i < s + 4; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return Number.NaN;
    y = y * 10 + d;
  }
  const m1 = text.charCodeAt(s + 5) - 48;
  const m2 = text.charCodeAt(s + 6) - 48;
  const d1 = text.charCodeAt(s + 8) - 48;
  const d2 = text.charCodeAt(s + 9) - 48;
  if (m1 < 0 || m1 > 9 || m2 < 0 || m2 > 9 || d1 < 0 || d1 > 9 || d2 < 0 || d2 > 9) return Number.NaN;
  const m = m1 * 10 + m2;
  const d = d1 * 10 + d2;
  if (m < 1 || m > 12 || d < 1) return Number.NaN;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const dim = m === 2 ? (leap ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
  return d > dim ? Number.NaN : dayFromYmd(y, m, d);
}
