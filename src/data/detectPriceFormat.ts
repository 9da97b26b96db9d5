import { UserError } from '../core/errors.js';
import type { PriceFormat } from './priceSeries.js';
import { quoteCell } from '../core/terminalText.js';

/** Canonical column names sleeves understands. */
export type PriceField = 'date' | 'open' | 'high' | 'low' | 'close' | 'adj_close' | 'volume';

export interface PriceHeader {
  readonly format: PriceFormat;
  /** Canonical field of each column, in file order. */
  readonly fields: readonly PriceField[];
}

const ALIASES: Record<string, PriceField> = {
  date: 'date',
  open: 'open',
  high: 'high',
  low: 'low',
  close: 'close',
  adj_close: 'adj_close',
  'adj close': 'adj_close',
  volume: 'volume',
};

export const EXPECTED_HEADERS =
  'date,open,high,low,close,adj_close,volume (uniform), Date,Open,High,Low,Close,Adj Close,Volume (Yahoo), ' +
  'Date,Open,High,Low,Close,Volume (Stooq) or date,close (plain)';

/**
 * Reads a header line (BOM and CR already removed) and names its format. Column names are
 * matched case-insensitively and may come in any order; `date` and `close` are required.
 * Format: `Adj Close` → yahoo, `adj_close` → uniform, otherwise any of open/high/low/volume →
 * stooq, otherwise plain.
 */
export function detectPriceFormat(headerLine: string, fileLabel: string): PriceHeader {
  const where = `${fileLabel}:1`;
  if (headerLine.trim() === '') throw new UserError(`${where}: empty header, expected ${EXPECTED_HEADERS}`);
  if (!headerLine.includes(',')) {
    for (const [sep, name] of [[';', 'semicolons'], ['\t', 'tabs'], ['|', 'bars']] as const) {
      if (headerLine.includes(sep)) {
        throw new UserError(`${where}: columns are separated by ${name}, expected commas (${EXPECTED_HEADERS})`);
      }
    }
  }
  const names = headerLine.split(',').map((s) => s.trim().replace(/^"(.*)"$/, '$1'));
  const fields: PriceField[] = [];
  let yahooStyle = false;
  for (const name of names) {
    const key = name.toLowerCase();
    const field = ALIASES[key];
    if (field === undefined) {
      throw new UserError(`${where}: unknown column ${quoteCell(name)} in header ${quoteCell(headerLine)}, expected ${EXPECTED_HEADERS}`);
    }
    if (fields.includes(field)) throw new UserError(`${where}: column ${quoteCell(name)} appears twice, expected each column once`);
    if (key === 'adj close') yahooStyle = true;
    fields.push(field);
  }
  for (const required of ['date', 'close'] as const) {
    if (!fields.includes(required)) {
      throw new UserError(`${where}: no "${required}" column in header ${quoteCell(headerLine)}, expected ${EXPECTED_HEADERS}`);
    }
  }
  let format: PriceFormat;
  if (fields.includes('adj_close')) format = yahooStyle ? 'yahoo' : 'uniform';
  else if (fields.length > 2) format = 'stooq';
  else format = 'plain';
  return { format, fields };
}
