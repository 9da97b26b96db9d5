import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { UserError } from '../core/errors.js';
import { readPriceCsv } from './readPriceCsv.js';
import type { PriceSeries } from './priceSeries.js';

/**
 * Reads a price file from disk: the raw bytes are hashed (SHA-256, hex) for provenance, decoded
 * as UTF-8 and parsed by readPriceCsv. Messages name the file by its base name.
 */
export function readPriceFile(path: string, ticker: string): PriceSeries {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UserError(`${path}: cannot read the price file (${code ?? 'unknown error'}), expected a readable CSV file`);
  }
  const series = readPriceCsv(bytes.toString('utf8'), basename(path), ticker);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return { ...series, info: { ...series.info, sha256 } };
}
