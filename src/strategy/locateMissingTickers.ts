/**
 * Points a missing-ticker error at the strategy file: each missing ticker the file writes (a
 * sleeve's asset or the benchmark) gets its `file:line:col`, and a message about several names
 * the file on its first line. Tickers the file does not write (an FX file, a --benchmark flag)
 * stay unlocated.
 */
import type { MissingTickerError } from '../data/missingTickerError.js';
import type { LoadedStrategy } from './loadStrategy.js';
import { locateTickers } from './locateTicker.js';

export function locateMissingTickers(error: MissingTickerError, strategy: Pick<LoadedStrategy, 'file' | 'text'>): MissingTickerError {
  return error.located(strategy.file, locateTickers(strategy, error.tickers));
}
