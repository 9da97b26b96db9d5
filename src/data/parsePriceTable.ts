import { UserError } from '../core/errors.js';
import { formatIsoDate, parseIsoDate } from '../core/dates.js';
import { detectPriceFormat, type PriceField } from './detectPriceFormat.js';
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
  /** Optional columns (NaN where the cell is empty), null when the file lacks the column. */
  readonly open: Float64Array | null;
  readonly high: Float64Array | null;
  readonly low: Float64Array | null;
  readonly close: Float64Array;
  readonly volume: Float64Array | null;
  /** Yahoo placeholder rows (`null` prices, on holidays) that were skipped. */
  readonly nullRows: number;
}

const FIELD_LIST: readonly PriceField[] = ['open', 'high', 'low', 'close', 'adj_close', 'volume'];

/**
 * Parses a price CSV by hand (split on `\n` and `,`; no quoting beyond stripping a pair of
 * double quotes around a cell). A UTF-8 BOM and CRLF line ends are accepted; blank lines are
 * skipped. Every problem is passed to `onProblem` in line order: a strict reader throws from it,
 * a validator collects. Rows with a problem are left out of the table, so the table is always
 * strictly increasing in date with finite, positive prices.
 *
 * The price column is `adj_close` when the file has one and its first row's cell is non-empty,
 * else `close`. Header problems (unknown columns, wrong delimiter) throw a UserError at once.
 */
export function parsePriceTable(text: string, fileLabel: string, onProblem: (p: PriceProblem) => void): PriceTable {
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
  for (const f of FIELD_LIST) if (colOf(f) >= 0) columns.set(f, new Float64Array(capacity));
  const dates = new Int32Array(capacity);
  const prices = new Float64Array(capacity);
  const lines = new Int32Array(capacity);
  const cells: string[] = new Array<string>(ncols).fill('');
  const numeric = fields.map((f) => (f === 'date' ? null : columns.get(f) ?? null));

  let priceCol = -1; // decided by the first well-formed row
  let adjEmpty = false;
  let n = 0;
  let nullRows = 0;
  let lineNo = 1;
  let lastDate = Number.NaN;
  let lastLine = 0;
  pos = end + 1;
  const report = (line: number, kind: PriceProblem['kind'], what: string): void =>
    onProblem({ kind, line, message: `${fileLabel}:${line}: ${what}` });

  while (pos <= len) {
    end = text.indexOf('\n', pos);
    if (end === -1) end = len;
    let lineEnd = end;
    if (lineEnd > pos && text.charCodeAt(lineEnd - 1) === 13) lineEnd--;
    lineNo++;
    const start = pos;
    pos = end + 1;
    if (lineEnd === start) continue;

    // Split the line into cells.
    let count = 0;
    for (let p = start; ; ) {
      let c = text.indexOf(',', p);
      if (c === -1 || c > lineEnd) c = lineEnd;
      if (count < ncols) cells[count] = text.slice(p, c);
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

    const dateText = unquote(cells[dateCol] as string);
    const day = parseIsoDate(dateText);
    if (Number.isNaN(day)) {
      const hint = /^\d{1,2}[/.-]\d{1,2}[/.-]\d{4}$/.test(dateText) ? ' (day-first or month-first dates are ambiguous)' : '';
      report(lineNo, 'badDate', `unparseable date "${dateText}"${hint}, expected YYYY-MM-DD`);
      continue;
    }

    if (priceCol === -1) {
      priceCol = adjCol >= 0 && (cells[adjCol] as string).trim() !== '' ? adjCol : closeCol;
      adjEmpty = adjCol >= 0 && priceCol !== adjCol;
    }
    const priceName = fields[priceCol] as string;
    const priceText = unquote(cells[priceCol] as string);
    if (priceText === 'null') {
      nullRows++;
      continue;
    }

    let bad = false;
    for (let k = 0; k < ncols; k++) {
      const target = numeric[k];
      if (target === null || target === undefined) continue;
      const s = cells[k] as string;
      let v = s.length === 0 ? Number.NaN : Number(s);
      if (!Number.isFinite(v) || (v === 0 && s.trim() === '')) {
        const t = unquote(s);
        if (t === '' || t === 'null') v = Number.NaN;
        else {
          v = Number(t);
          if (!Number.isFinite(v)) {
            report(lineNo, 'nonNumeric', `${fields[k]} is "${s}", expected a number`);
            bad = true;
            v = Number.NaN;
          }
        }
      }
      target[n] = v;
    }
    if (bad) continue;

    const price = (columns.get(fields[priceCol] as PriceField) as Float64Array)[n] as number;
    if (Number.isNaN(price)) {
      const why =
        priceCol === adjCol
          ? `empty adj_close, expected a price on every row (the first row has one, so adj_close is the price column)`
          : `empty ${priceName}, expected a price`;
      report(lineNo, 'missingPrice', why);
      continue;
    }
    if (price <= 0) {
      report(lineNo, 'nonPositive', `${priceName} is ${priceText}, expected a price > 0`);
      continue;
    }
    if (adjEmpty && adjCol >= 0 && !Number.isNaN((columns.get('adj_close') as Float64Array)[n] as number)) {
      report(lineNo, 'missingPrice', `adj_close is filled here but empty on the first row, expected it on every row or on none`);
      continue;
    }
    if (day <= lastDate) {
      const kind = day === lastDate ? 'duplicate' : 'unsorted';
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
    close: col('close') as Float64Array,
    volume: col('volume'),
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
