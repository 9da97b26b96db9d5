/**
 * The prices of `reporting.factors` from the data folder, placed on the run panel's calendar
 * (alignToCalendar: the last price dated on or before each row, forward-filled at most
 * `maxFillDays` rows, as the strategy's own prices are). Loaded beside the strategy's panel, not
 * into it, so that naming factors cannot change the backtest's calendar. The caller converts
 * them to the base currency like the benchmark. A factor without a price file is one
 * MissingTickerError naming it (placed at `reporting.factors`, or at its line in the strategy
 * file when the run boundary locates it). `read` reads a price file (the run boundary's reader
 * hands back the series of a file the strategy's panel already read: a factor that is also an
 * asset or the benchmark is not parsed twice).
 */
import { alignToCalendar } from '../data/alignToCalendar.js';
import { findMissingTickers, MissingTickerError, priceFilePath, type LoadedPanel } from '../data/loadPanel.js';
import { readPriceFile } from '../data/readPriceFile.js';
import type { PriceSeries } from '../data/priceSeries.js';

export function loadFactorPanel(
  tickers: readonly string[],
  dataDir: string,
  calendar: Int32Array,
  maxFillDays: number,
  synthetic: boolean,
  read: (file: string, ticker: string) => PriceSeries = readPriceFile,
): LoadedPanel {
  const missing = findMissingTickers(dataDir, tickers);
  if (missing.length > 0) throw new MissingTickerError(dataDir, missing, Object.fromEntries(missing.map((m) => [m.ticker, 'reporting.factors'])));
  const n = calendar.length;
  const values = new Float64Array(n * tickers.length);
  const filled: Record<string, number> = {};
  const warnings: string[] = [];
  const series = tickers.map((ticker, f) => {
    const s = read(priceFilePath(dataDir, ticker), ticker);
    const aligned = alignToCalendar(calendar, s.dates, s.prices, maxFillDays);
    values.set(aligned.values, f * n);
    filled[ticker] = aligned.filled;
    warnings.push(...s.warnings);
    return s;
  });
  return {
    panel: { dates: calendar, assets: [...tickers], values },
    files: series.map((s) => s.info),
    filled,
    droppedDates: {},
    lateStarts: [],
    synthetic,
    directory: dataDir,
    warnings,
  };
}
