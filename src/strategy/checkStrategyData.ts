/**
 * `strategies validate --data DIR`: does the folder hold what the strategy needs? Every ticker
 * of strategyTickers (sleeve assets, benchmark, FX files for base USD) must have a readable
 * price file, and when the strategy states `period.from` / `period.to`, its prices must cover
 * them; each `reporting.factors` ticker must have a price file. Returns every problem, one line each, at the place in the strategy file that names
 * the ticker (an FX ticker at the first asset it converts).
 *
 * Covering allows a grace of COVER_GRACE_DAYS calendar days at each end, so that a period
 * starting or ending on a weekend or a market holiday (up to a Lunar New Year or Golden Week
 * closure) is not flagged: the first price must be on or before from + 10 days and the last on
 * or after to − 10 days.
 */
import { formatIsoDate, parseIsoDate } from '../core/dates.js';
import { findMissingTickers, priceFilePath } from '../data/loadPanel.js';
import { missingTickersMessage } from '../data/missingTickerError.js';
import { readPriceFile } from '../data/readPriceFile.js';
import type { LoadedStrategy } from './loadStrategy.js';
import { locateTickers } from './locateTicker.js';
import type { StrategySpec } from './schema.js';
import { strategyTickers } from './strategyTickers.js';

export const COVER_GRACE_DAYS = 10;

export function checkStrategyData(spec: StrategySpec, strategy: Pick<LoadedStrategy, 'file' | 'text'>, dir: string): string[] {
  const needed = strategyTickers(spec);
  const places = locateTickers(strategy, needed.all);
  for (const { ticker, converts } of needed.fx) {
    const first = converts.map((t) => places[t]).find((p) => p !== undefined);
    places[ticker] = first ?? strategy.file;
  }
  const placeOf = (t: string) => places[t] ?? strategy.file;
  const errors: string[] = [];
  const missing = findMissingTickers(dir, needed.all);
  for (const m of missing) {
    const fx = needed.fx.find((f) => f.ticker === m.ticker);
    const why = fx ? `; it holds the FX rates (local currency per USD) that convert ${fx.converts.join(', ')} to USD: add it, or set currency.base: local` : '';
    errors.push(`${placeOf(m.ticker)}: ${missingTickersMessage(dir, [m])}${why}`);
  }
  // reporting.factors need a price file (not the period: the regression uses the common periods).
  const factors = (spec.reporting.factors ?? []).filter((t) => !needed.all.includes(t));
  const factorPlaces = locateTickers(strategy, factors);
  for (const m of findMissingTickers(dir, factors)) errors.push(`${factorPlaces[m.ticker] ?? strategy.file}: ${missingTickersMessage(dir, [m])} (a reporting.factors ticker)`);
  const from = spec.period.from !== undefined ? parseIsoDate(spec.period.from) : undefined;
  const to = spec.period.to !== undefined ? parseIsoDate(spec.period.to) : undefined;
  for (const ticker of needed.all) {
    if (missing.some((m) => m.ticker === ticker)) continue;
    const file = priceFilePath(dir, ticker);
    let dates: Int32Array;
    try {
      dates = readPriceFile(file, ticker).dates;
    } catch (error) {
      errors.push(`${placeOf(ticker)}: the price file of ${ticker} is invalid: ${error instanceof Error ? error.message : String(error)}`);
      continue;
    }
    const uncovered = uncoveredBounds(dates, from, to, spec.period);
    if (uncovered.length === 0) continue;
    const span = `${formatIsoDate(dates[0] as number)} to ${formatIsoDate(dates[dates.length - 1] as number)}`;
    errors.push(`${placeOf(ticker)}: ${ticker} has prices from ${span} (${file}), which does not cover ${uncovered.join(' and ')}`);
  }
  return errors;
}

/** The stated period bounds a series of dates (non-empty, increasing) misses by more than the grace. */
function uncoveredBounds(dates: Int32Array, from: number | undefined, to: number | undefined, period: StrategySpec['period']): string[] {
  const out: string[] = [];
  if (from !== undefined && (dates[0] as number) > from + COVER_GRACE_DAYS) out.push(`period.from ${period.from}`);
  if (to !== undefined && (dates[dates.length - 1] as number) < to - COVER_GRACE_DAYS) out.push(`period.to ${period.to}`);
  return out;
}
