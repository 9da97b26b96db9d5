/**
 * A missing-ticker error from loading, prefixed with the place in the strategy file that names
 * the ticker (file:line:col), when the run comes from a strategy file.
 */
import { readFileSync } from 'node:fs';
import { UserError } from '../core/errors.js';
import { MissingTickerError } from '../data/loadPanel.js';
import { locateTicker } from '../strategy/locateTicker.js';

export function locateMissingTicker<T>(file: string | null, load: () => T): T {
  try {
    return load();
  } catch (error) {
    if (file === null || !(error instanceof MissingTickerError)) throw error;
    const where = locateTicker({ file, text: readFileSync(file, 'utf8') }, error.ticker);
    throw where ? new UserError(`${where}: ${error.message}`) : error;
  }
}
