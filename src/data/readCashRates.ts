/**
 * Reads a table of annual cash rates (readCashRates: text in, no I/O; readCashRateFile: from disk): a header `date,rate` and one row per
 * change, `YYYY-MM-DD,0.0525` (an annual rate as a fraction, e.g. a 3-month T-bill yield).
 * Dates strictly increasing; a rate holds from its date until the next row's. Each violation
 * is a UserError `file:line: ...`.
 */
import { readFileSync } from 'node:fs';
import { formatIsoDate, parseIsoDate } from '../core/dates.js';
import { UserError } from '../core/errors.js';

export interface CashRates {
  readonly dates: Int32Array;
  /** Annual rates, as fractions. */
  readonly rates: Float64Array;
  readonly file: string;
}

export function readCashRates(text: string, file: string): CashRates {
  const lines = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).split(/\r?\n/);
  const header = (lines[0] ?? '').split(',').map((s) => s.trim().toLowerCase());
  if (header.length !== 2 || header[0] !== 'date' || header[1] !== 'rate') {
    throw new UserError(`${file}:1: expected the header date,rate, got "${(lines[0] ?? '').trim()}"`);
  }
  const dates: number[] = [];
  const rates: number[] = [];
  for (let l = 1; l < lines.length; l++) {
    const line = (lines[l] as string).trim();
    if (line === '') continue;
    const fields = line.split(',').map((s) => s.trim());
    if (fields.length !== 2) throw new UserError(`${file}:${l + 1}: expected 2 fields date,rate, got ${fields.length}`);
    const day = parseIsoDate(fields[0] as string);
    if (!Number.isFinite(day) || (fields[0] as string).length !== 10) throw new UserError(`${file}:${l + 1}: "${fields[0]}" is not a date YYYY-MM-DD`);
    const rate = Number(fields[1]);
    if (fields[1] === '' || !Number.isFinite(rate) || rate < -0.5 || rate > 1) {
      throw new UserError(`${file}:${l + 1}: rate "${fields[1]}" must be an annual rate as a fraction in [−0.5, 1] (e.g. 0.0525 for 5.25%)`);
    }
    if (dates.length > 0 && day <= (dates[dates.length - 1] as number)) {
      throw new UserError(`${file}:${l + 1}: ${fields[0]} is not after ${formatIsoDate(dates[dates.length - 1] as number)}; dates must increase`);
    }
    dates.push(day);
    rates.push(rate);
  }
  if (dates.length === 0) throw new UserError(`${file}: no rates (expected rows date,rate after the header)`);
  return { dates: Int32Array.from(dates), rates: Float64Array.from(rates), file };
}

/** Reads and parses a cash rate file (cash.rateFile, already made relative to the working directory). */
export function readCashRateFile(file: string): CashRates {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new UserError(`${file}: cannot read the cash rate file (does it exist? paths are relative to the strategy file)`);
  }
  return readCashRates(text, file);
}
