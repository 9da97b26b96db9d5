/**
 * A missing-ticker error from loading, pointed at the strategy file's lines that name each
 * missing ticker (file:line:col), when the run comes from a strategy file.
 */
import { readFileSync } from 'node:fs';
import { MissingTickerError } from '../data/missingTickerError.js';
import { locateMissingTickers } from '../strategy/locateMissingTickers.js';

export function locateMissingTicker<T>(file: string | null, load: () => T): T {
  try {
    return load();
  } catch (error) {
    if (file === null || !(error instanceof MissingTickerError)) throw error;
    throw locateMissingTickers(error, { file, text: readFileSync(file, 'utf8') });
  }
}
