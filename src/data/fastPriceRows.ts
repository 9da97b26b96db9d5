import type { PriceField } from './detectPriceFormat.js';
import { parseDecimal } from './parseDecimal.js';
import { isoDayAt } from './priceRowReader.js';

/** The kept rows of a clean price file (see fastPriceRows). */
export interface CleanPriceRows {
  readonly n: number;
  readonly dates: Int32Array;
  readonly prices: Float64Array;
  readonly lines: Int32Array;
  /** Index (in `fields`) of the price column: adj_close when the file has one, else close. */
  readonly priceCol: number;
}

/**
 * The fast path of parsePriceTable for `read: 'price'`: one pass over the data lines that
 * accepts a file only when every non-blank line is clean (the expected field count, an
 * unquoted `YYYY-MM-DD` date, a positive price in the price column, dates strictly
 * increasing); it returns null at the first line that is not, and the caller then parses the
 * whole file with PriceRowReader, which reports the problem. On a clean file every line takes
 * the same branch in both readers (the same isoDayAt and parseDecimal calls on the same
 * cells), so the table is the same, value for value: what this skips is the per-row work the
 * general reader does for files with problems (substrings for `null` checks, per-cell calls).
 *
 * `pos` is the first character after the header line. The row arrays are sized from the first
 * line's length (no counting pass over the text) and doubled if that falls short.
 */
export function fastPriceRows(text: string, pos: number, fields: readonly PriceField[]): CleanPriceRows | null {
  const ncols = fields.length;
  const dateCol = fields.indexOf('date');
  const adjCol = fields.indexOf('adj_close');
  const closeCol = fields.indexOf('close');
  const len = text.length;
  const first = text.indexOf('\n', pos);
  let capacity = Math.ceil((1.125 * (len - pos)) / Math.max(first === -1 ? len - pos : first - pos + 1, 8)) + 8;
  let dates = new Int32Array(capacity);
  let prices = new Float64Array(capacity);
  let lines = new Int32Array(capacity);
  let priceCol = -1;
  let n = 0;
  let lastDate = Number.NaN;
  let lineNo = 1;
  for (let end = 0; pos <= len; pos = end + 1) {
    end = text.indexOf('\n', pos);
    if (end === -1) end = len;
    const lineEnd = end > pos && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
    lineNo++;
    if (lineEnd <= pos) continue; // blank line, skipped by both readers
    // Cells by offsets: the date and price cells' bounds, and the field count.
    let count = 0;
    let dateStart = 0;
    let dateEnd = 0;
    let adjStart = 0;
    let adjEnd = 0;
    let closeStart = 0;
    let closeEnd = 0;
    for (let p = pos; ; ) {
      let c = text.indexOf(',', p);
      if (c === -1 || c > lineEnd) c = lineEnd;
      if (count === dateCol) {
        dateStart = p;
        dateEnd = c;
      } else if (count === adjCol) {
        adjStart = p;
        adjEnd = c;
      } else if (count === closeCol) {
        closeStart = p;
        closeEnd = c;
      }
      count++;
      if (c === lineEnd) break;
      p = c + 1;
    }
    if (count !== ncols) return null;
    const day = isoDayAt(text, dateStart, dateEnd);
    if (Number.isNaN(day)) return null;
    // The general reader takes adj_close when the first row's adj_close cell is not blank; an
    // empty one there (close used, with a warning) is left to it.
    if (priceCol === -1) priceCol = adjCol >= 0 ? (adjEnd > adjStart ? adjCol : -2) : closeCol;
    if (priceCol === -2) return null;
    const price = priceCol === adjCol ? parseDecimal(text, adjStart, adjEnd) : parseDecimal(text, closeStart, closeEnd);
    // NaN (an empty cell, null), NOT_A_NUMBER (−∞) and prices ≤ 0 fail here.
    if (!(price > 0)) return null;
    if (day <= lastDate) return null;
    if (n === capacity) {
      capacity *= 2;
      dates = grown(dates, new Int32Array(capacity));
      prices = grown(prices, new Float64Array(capacity));
      lines = grown(lines, new Int32Array(capacity));
    }
    dates[n] = day;
    prices[n] = price;
    lines[n] = lineNo;
    lastDate = day;
    n++;
  }
  return { n, dates, prices, lines, priceCol };
}

function grown<T extends Int32Array | Float64Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
