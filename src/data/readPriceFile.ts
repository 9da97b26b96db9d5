import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { basename } from 'node:path';
import { UserError } from '../core/errors.js';
import { readPriceCsv } from './readPriceCsv.js';
import type { PriceSeries } from './priceSeries.js';

/**
 * Reads a price file from disk: the raw bytes are hashed (SHA-256, hex) for provenance, decoded
 * as UTF-8 and parsed by readPriceCsv. Messages name the file by its base name.
 *
 * The bytes are read into one buffer reused from file to file (grown when a file is larger):
 * a folder of 200 files is 90 MB read, and fresh memory is slow to touch the first time.
 */
export function readPriceFile(path: string, ticker: string): PriceSeries {
  let bytes: Buffer;
  try {
    bytes = readIntoScratch(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UserError(`${path}: cannot read the price file (${code ?? 'unknown error'}), expected a readable CSV file`);
  }
  const series = readPriceCsv(bytes.toString('utf8'), basename(path), ticker);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return { ...series, info: { ...series.info, sha256 } };
}

let scratch = Buffer.allocUnsafe(0);

/** The whole file, in (a view of) the shared scratch buffer: valid until the next call. */
function readIntoScratch(path: string): Buffer {
  const fd = openSync(path, 'r');
  try {
    // Sized from fstat and read to the end (one spare byte, so the last read returns 0).
    const size = fstatSync(fd).size;
    if (scratch.length < size + 1) scratch = Buffer.allocUnsafe(Math.max(size + 1, 1 << 16));
    let length = 0;
    for (;;) {
      if (length === scratch.length) {
        // The file grew since fstat: keep reading into a larger buffer.
        const bigger = Buffer.allocUnsafe(2 * scratch.length);
        scratch.copy(bigger, 0, 0, length);
        scratch = bigger;
      }
      const got = readSync(fd, scratch, length, scratch.length - length, null);
      if (got === 0) return scratch.subarray(0, length);
      length += got;
    }
  } finally {
    closeSync(fd);
  }
}
