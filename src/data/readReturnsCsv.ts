import { basename } from 'node:path';
import { formatIsoDate, parseIsoDate } from '../core/dates.js';
import { UserError } from '../core/errors.js';
import { isPriceTableHeader, looksLikePrices } from './looksLikePrices.js';
import { pricesToReturns, type ReturnsTable } from './pricesToReturns.js';
import { readPriceCsv } from './readPriceCsv.js';
import { fileNameToTicker } from './tickerToFileName.js';
import { quoteCell } from '../core/terminalText.js';
import { isReservedKey, reservedKeyMessage } from '../core/reservedKeys.js';

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Reads a wide CSV of periodic simple returns (text in, no I/O): a header `date,<name>...` and
 * one row per period, the return of each series realised on that row's date (close to close).
 *
 * Rules (each violation is a UserError `file:line: ...` or `file:line:column: ...`, with
 * 1-based lines counting the header as line 1 and 1-based columns counting fields):
 * - the first header field is `date` (any case); names are non-empty and unique; a UTF-8 BOM,
 *   CRLF line ends, surrounding double quotes and blank lines are accepted;
 * - dates are `YYYY-MM-DD`, strictly increasing;
 * - every row has as many fields as the header;
 * - a cell is a plain decimal number (`0.01`, `-1.5e-3`) and ≥ −1 (a simple return cannot lose
 *   more than everything);
 * - missing values: empty cells are allowed only at the START of a column (a series that begins
 *   later than the file; they become NaN and callers trim them). An empty cell after a column's
 *   first value is an error, because silently skipping a period would change every compounded
 *   figure. A column with no value at all is an error.
 * - a table that looks like prices (looksLikePrices: a price-table header, or a column all > 0
 *   with a median above 0.5) is refused, naming the column and suggesting --prices.
 *
 * With `prices: true` the cells are prices (> 0) and each column becomes simple returns
 * (pricesToReturns: the first row is dropped). A price file (a price-table header, or any
 * header with a close or adj close column: uniform, Yahoo, Stooq or plain date,close) is read as
 * one series by readPriceCsv (adjusted close, else close) and named after the file
 * (`SPY.csv` → SPY, `IDX_GSPC.csv` → ^GSPC).
 */
export function readReturnsCsv(text: string, fileLabel: string, options: { prices?: boolean } = {}): ReturnsTable & { warnings?: string[] } {
  const lines = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).split(/\r?\n/);
  let h = 0;
  while (h < lines.length && (lines[h] as string).trim() === '') h++;
  if (h === lines.length) throw new UserError(`${fileLabel}: the file is empty; expected a header date,<name>...`);
  const header = splitFields(lines[h] as string);
  if (options.prices) return readPrices(text, lines, h, header, fileLabel);
  const table = readTable(lines, h, header, fileLabel, 'return');
  const suspect = looksLikePrices(table.names, table.columns);
  if (suspect) {
    throw new UserError(
      `${fileLabel}: column "${suspect.column}" looks like prices, not returns (${suspect.reason}); run again with --prices to convert prices to simple returns`,
    );
  }
  return table;
}

function readPrices(text: string, lines: string[], h: number, header: string[], fileLabel: string): ReturnsTable & { warnings?: string[] } {
  if (isPriceTableHeader(header.slice(1)) || header.slice(1).some((n) => /^(adj[ _]?)?close$/i.test(n.trim()))) {
    const name = fileNameToTicker(basename(fileLabel));
    const series = readPriceCsv(text, fileLabel, name);
    if (series.dates.length < 2) throw new UserError(`${fileLabel}: ${series.dates.length} price row, expected at least 2 to make a return`);
    return { ...pricesToReturns({ dates: series.dates, names: [name], columns: [series.prices] }), warnings: series.warnings };
  }
  const prices = readTable(lines, h, header, fileLabel, 'price');
  const returns = pricesToReturns(prices);
  returns.names.forEach((name, c) => {
    if ((returns.columns[c] as Float64Array).every(Number.isNaN)) throw new UserError(`${fileLabel}: column "${name}" has a single price, expected at least 2 to make a return`);
  });
  return returns;
}

/** The wide table of returns or prices after the header line `h`. */
function readTable(lines: string[], h: number, header: string[], fileLabel: string, kind: 'return' | 'price'): ReturnsTable {
  if ((header[0] ?? '').toLowerCase() !== 'date' || header.length < 2) {
    throw new UserError(`${fileLabel}:${h + 1}: expected a header date,<name>... (first field "date"), got ${quoteCell((lines[h] as string).trim())}`);
  }
  const names = header.slice(1);
  const seen = new Set<string>();
  names.forEach((name, i) => {
    if (name === '') throw new UserError(`${fileLabel}:${h + 1}:${i + 2}: empty series name in the header`);
    if (isReservedKey(name)) throw new UserError(`${fileLabel}:${h + 1}:${i + 2}: ${reservedKeyMessage('series name', name)}`);
    if (seen.has(name)) throw new UserError(`${fileLabel}:${h + 1}:${i + 2}: series name ${quoteCell(name)} appears twice`);
    seen.add(name);
  });
  const dates: number[] = [];
  const values: number[][] = names.map(() => []);
  const started = names.map(() => false);
  for (let l = h + 1; l < lines.length; l++) {
    const line = lines[l] as string;
    if (line.trim() === '') continue;
    const where = `${fileLabel}:${l + 1}`;
    const fields = splitFields(line);
    if (fields.length !== header.length) throw new UserError(`${where}: ${fields.length} fields, expected ${header.length} as in the header`);
    const day = parseIsoDate(fields[0] as string);
    if (Number.isNaN(day) || (fields[0] as string).length !== 10) throw new UserError(`${where}:1: expected a date as YYYY-MM-DD, got ${quoteCell(fields[0] as string)}`);
    const previous = dates[dates.length - 1];
    if (previous !== undefined && day <= previous) {
      throw new UserError(`${where}:1: date ${fields[0]} is not after the previous row's ${formatIsoDate(previous)}; dates must be strictly increasing`);
    }
    dates.push(day);
    for (let c = 0; c < names.length; c++) {
      const cell = fields[c + 1] as string;
      (values[c] as number[]).push(parseCell(cell, started[c] as boolean, `${where}:${c + 2}`, names[c] as string, kind));
      if (cell !== '') started[c] = true;
    }
  }
  if (dates.length === 0) throw new UserError(`${fileLabel}: no rows after the header; expected one row per period`);
  names.forEach((name, c) => {
    if (!started[c]) throw new UserError(`${fileLabel}: column "${name}" has no values`);
  });
  return { dates: Int32Array.from(dates), names, columns: values.map((v) => Float64Array.from(v)) };
}

function parseCell(cell: string, started: boolean, where: string, name: string, kind: 'return' | 'price'): number {
  if (cell === '') {
    if (!started) return Number.NaN;
    throw new UserError(`${where}: empty cell in "${name}" after its first value; only a series' leading cells may be empty`);
  }
  const example = kind === 'price' ? 'a price such as 101.25' : 'a simple return such as 0.0123';
  if (!NUMBER.test(cell)) throw new UserError(`${where}: expected a number (${example}) in ${quoteCell(name)}, got ${quoteCell(cell)}`);
  const value = Number(cell);
  if (kind === 'price') {
    if (!(value > 0)) throw new UserError(`${where}: price ${cell} in "${name}" is not positive; expected prices > 0 with --prices`);
    return value;
  }
  if (value < -1) throw new UserError(`${where}: return ${cell} in "${name}" is below −1 (a loss over 100%); expected simple returns, not percentages`);
  return value;
}

function splitFields(line: string): string[] {
  return line.split(',').map((f) => {
    const t = f.trim();
    return t.length >= 2 && t.startsWith('"') && t.endsWith('"') ? t.slice(1, -1).trim() : t;
  });
}
