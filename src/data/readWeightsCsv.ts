/**
 * Reads a weights schedule (text in, no I/O): a header `date,<ticker>...` and one row per
 * rebalance; each row is the target traded at that date's close (plus the run's lag).
 *
 * Rules (each violation is a UserError `file:line[:column]: ...`): dates `YYYY-MM-DD`, strictly
 * increasing; every row as many fields as the header; a cell is a number in [0, 1] or empty
 * (= 0); each row sums to at most 1 (+1e-9); the rest of a row is cash. Tickers are unique.
 */
import { formatIsoDate, parseIsoDate } from '../core/dates.js';
import { UserError } from '../core/errors.js';
import { isReservedKey } from '../core/reservedKeys.js';
import { quoteCell } from '../core/terminalText.js';

export interface WeightsSchedule {
  readonly dates: Int32Array;
  readonly tickers: readonly string[];
  /** Row-major: weights[row * tickers.length + k]. */
  readonly weights: Float64Array;
  /** Line number of each row in the file, for messages. */
  readonly lines: Int32Array;
  readonly file: string;
}

/** A ticker as strategy files accept it (schema.ts). */
const TICKER = /^[A-Za-z0-9^=._-]+$/;
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

export function readWeightsCsv(text: string, file: string): WeightsSchedule {
  const lines = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).split(/\r?\n/);
  const header = (lines[0] ?? '').split(',').map((s) => s.trim());
  if ((header[0] ?? '').toLowerCase() !== 'date' || header.length < 2) {
    throw new UserError(`${file}:1: expected a header date,<ticker>... (first field "date"), got ${quoteCell((lines[0] ?? '').trim())}`);
  }
  const tickers = header.slice(1);
  const seen = new Set<string>();
  tickers.forEach((t, i) => {
    if (t === '') throw new UserError(`${file}:1:${i + 2}: empty ticker in the header`);
    if (!TICKER.test(t) || isReservedKey(t)) throw new UserError(`${file}:1:${i + 2}: ${quoteCell(t)} is not a ticker; expected letters, digits and ^ = . _ - (e.g. NVDA, 0700.HK, ^HSI, GC=F)`);
    if (seen.has(t)) throw new UserError(`${file}:1:${i + 2}: ticker "${t}" appears twice`);
    seen.add(t);
  });
  const dates: number[] = [];
  const rowLines: number[] = [];
  const weights: number[] = [];
  for (let l = 1; l < lines.length; l++) {
    const line = lines[l] as string;
    if (line.trim() === '') continue;
    const where = `${file}:${l + 1}`;
    const fields = line.split(',').map((s) => s.trim());
    if (fields.length !== header.length) throw new UserError(`${where}: ${fields.length} fields, expected ${header.length} as in the header`);
    const day = parseIsoDate(fields[0]!);
    if (Number.isNaN(day) || fields[0]!.length !== 10) throw new UserError(`${where}:1: expected a date as YYYY-MM-DD, got ${quoteCell(fields[0]!)}`);
    const prev = dates[dates.length - 1];
    if (prev !== undefined && day <= prev) throw new UserError(`${where}:1: date ${fields[0]} is not after the previous row's ${formatIsoDate(prev)}`);
    let sum = 0;
    for (let k = 1; k < fields.length; k++) {
      const cell = fields[k]!;
      if (cell !== '' && !NUMBER.test(cell)) throw new UserError(`${where}:${k + 1}: expected a weight between 0 and 1 for ${tickers[k - 1]}, got ${quoteCell(cell)}`);
      const w = cell === '' ? 0 : Number(cell);
      if (w < 0 || w > 1) throw new UserError(`${where}:${k + 1}: weight ${cell} for ${tickers[k - 1]} is outside [0, 1] (long-only; weights are fractions, not percent)`);
      sum += w;
      weights.push(w);
    }
    if (sum > 1 + 1e-9) throw new UserError(`${where}: weights sum to ${sum}, more than 1 (the rest of a row is cash, so a row sums to at most 1)`);
    dates.push(day);
    rowLines.push(l + 1);
  }
  if (dates.length === 0) throw new UserError(`${file}: no rows after the header; expected one row per rebalance`);
  return { dates: Int32Array.from(dates), tickers, weights: Float64Array.from(weights), lines: Int32Array.from(rowLines), file };
}
