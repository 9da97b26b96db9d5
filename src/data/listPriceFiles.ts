import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { UserError } from '../core/errors.js';
import { currencyOf } from './currency.js';
import { readSyntheticFlag } from './loadPanel.js';
import type { PriceFileInfo } from './priceSeries.js';
import { readPriceFile } from './readPriceFile.js';
import { fileNameToTicker } from './tickerToFileName.js';

export interface InventoryRow {
  readonly ticker: string;
  readonly file: string;
  /** Null for FX tickers. */
  readonly currency: string | null;
  /** Null when the file could not be read; `error` then says why. */
  readonly info: PriceFileInfo | null;
  readonly error: string | null;
}

export interface Inventory {
  readonly directory: string;
  readonly synthetic: boolean;
  readonly rows: InventoryRow[];
}

/** Every price file of a folder, read (rows, span, price column, sha256), sorted by ticker. */
export function listPriceFiles(dir: string): Inventory {
  requireDirectory(dir);
  const rows = readdirSync(dir)
    .filter((f) => f.toLowerCase().endsWith('.csv'))
    .sort()
    .map((file): InventoryRow => {
      const ticker = fileNameToTicker(file);
      try {
        return { ticker, file, currency: currencyOf(ticker), info: readPriceFile(path.join(dir, file), ticker).info, error: null };
      } catch (error) {
        if (!(error instanceof UserError)) throw error;
        return { ticker, file, currency: currencyOf(ticker), info: null, error: error.message };
      }
    });
  return { directory: dir, synthetic: readSyntheticFlag(dir), rows };
}

/** Expands folders into their `.csv` files (sorted); files are kept as given. */
export function collectPriceFiles(paths: readonly string[]): string[] {
  const out: string[] = [];
  for (const p of paths) {
    if (!existsSync(p)) throw new UserError(`${p}: no such file or folder, expected a price CSV or a folder of them`);
    if (statSync(p).isDirectory()) {
      const files = readdirSync(p).filter((f) => f.toLowerCase().endsWith('.csv')).sort();
      if (files.length === 0) throw new UserError(`${p}: no .csv files in this folder, expected price files such as SPY.csv`);
      out.push(...files.map((f) => path.join(p, f)));
    } else out.push(p);
  }
  return out;
}

export function requireDirectory(dir: string): void {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new UserError(`data folder "${dir}" does not exist, expected a folder of price files (e.g. data/sample)`);
  }
}
