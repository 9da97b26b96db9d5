/**
 * Tickers without a price file in a data folder, all of them in one error: the first line says
 * how many are missing and in which folder; with more than one, each follows on its own line
 * with the file expected, the closest tickers the folder has, and (when a caller located it)
 * the place in the strategy file that names it (`file:line:col`).
 */
import { UserError } from '../core/errors.js';

export interface MissingTicker {
  readonly ticker: string;
  /** The file that was looked for, e.g. `data/sample/NVDX.csv`. */
  readonly expected: string;
  /** The folder's closest tickers (closestNames), best first; empty when none is close. */
  readonly closest: readonly string[];
}

export class MissingTickerError extends UserError {
  /** The first missing ticker, for callers that handle one. */
  readonly ticker: string;
  /** Every missing ticker, in the order requested. */
  readonly tickers: readonly string[];

  constructor(
    readonly directory: string,
    readonly missing: readonly MissingTicker[],
    /** `file:line:col` of each located ticker. */
    readonly places: Readonly<Record<string, string>> = {},
    /** The strategy file the tickers come from, named on the first line when known. */
    readonly strategyFile?: string,
  ) {
    super(missingTickersMessage(directory, missing, places, strategyFile));
    if (missing.length === 0) throw new Error('MissingTickerError needs at least one ticker');
    this.ticker = (missing[0] as MissingTicker).ticker;
    this.tickers = missing.map((m) => m.ticker);
  }

  /** The same error with the tickers' places in `strategyFile`. */
  located(strategyFile: string, places: Readonly<Record<string, string>>): MissingTickerError {
    return new MissingTickerError(this.directory, this.missing, places, strategyFile);
  }
}

/**
 * One ticker: `[place: ]no price file for ticker "X" in DIR (expected DIR/X.csv); <hint>`.
 * Several: `[strategy: ]N tickers have no price file in DIR: A, B, C` and then one line per
 * ticker, indented: `[place: ]A (expected DIR/A.csv); <hint>`.
 */
export function missingTickersMessage(
  dir: string,
  missing: readonly MissingTicker[],
  places: Readonly<Record<string, string>> = {},
  strategyFile?: string,
): string {
  const hint = (m: MissingTicker) => (m.closest.length > 0 ? `closest tickers there: ${m.closest.join(', ')}` : `no close match; run "sleeves data list ${dir}"`);
  const prefix = (m: MissingTicker) => (places[m.ticker] !== undefined ? `${places[m.ticker]}: ` : '');
  if (missing.length === 1) {
    const m = missing[0] as MissingTicker;
    return `${prefix(m)}no price file for ticker "${m.ticker}" in ${dir} (expected ${m.expected}); ${hint(m)}`;
  }
  const head = `${strategyFile !== undefined ? `${strategyFile}: ` : ''}${missing.length} tickers have no price file in ${dir}: ${missing.map((m) => m.ticker).join(', ')}`;
  return [head, ...missing.map((m) => `  ${prefix(m)}${m.ticker} (expected ${m.expected}); ${hint(m)}`)].join('\n');
}
