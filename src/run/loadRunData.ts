/**
 * Loads the prices a strategy needs (its assets and its benchmark) from a data folder,
 * converted to the strategy's base currency. Called only by the run boundary.
 * All rows up to the period end are kept, so lookback windows can use history before `from`.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseUserDate } from '../core/dates.js';
import { UserError } from '../core/errors.js';
import { readWeightsCsv, type WeightsSchedule } from '../data/readWeightsCsv.js';
import { readCashRateFile, type CashRates } from '../data/readCashRates.js';
import { convertPanelToBase, type CurrencyNote } from '../data/convertCurrency.js';
import { currencyOf, FX_TICKERS, type Currency } from '../data/currency.js';
import { loadPanel, type LoadedPanel } from '../data/loadPanel.js';
import { tickerToFileName } from '../data/tickerToFileName.js';
import { readPriceFile } from '../data/readPriceFile.js';
import type { PriceSeries } from '../data/priceSeries.js';
import type { StrategySpec } from '../strategy/schema.js';
import { strategyLayout } from '../engine/strategyLayout.js';
import type { PricePanel } from '../core/panel.js';
import { loadFactorPanel } from './loadFactorPanel.js';

export interface RunInputs extends LoadedPanel {
  /** The weights schedule named by spec.weightsFile, when there is one. */
  readonly schedule?: WeightsSchedule;
  /** The annual rates of cash.rateFile, when the strategy names one. */
  readonly cashRates?: CashRates;
  /** What the currency conversion did (null when every price is in USD or base is local). */
  readonly currency: CurrencyNote | null;
  /** Prices of `reporting.factors` on the panel's dates, in the base currency (loadFactorPanel). */
  readonly factors?: PricePanel;
}


export function loadRunData(spec: StrategySpec, dataDir: string): RunInputs {
  const tickers = [...strategyLayout(spec).assets];
  if (spec.benchmark && !tickers.includes(spec.benchmark)) tickers.push(spec.benchmark);
  if (spec.cash && 'ticker' in spec.cash && !tickers.includes(spec.cash.ticker)) tickers.push(spec.cash.ticker);
  const schedule = spec.weightsFile === undefined ? undefined : readSchedule(spec.weightsFile, tickers);
  const to = spec.period.to !== undefined ? { to: parseUserDate(spec.period.to, 'period.to') } : {};
  // Each price file parsed once: a factor that is also an asset or the benchmark reuses its series.
  const readSeries = rememberedReads();
  const loaded = loadPanel(dataDir, { tickers, ...to, maxFillDays: spec.data.maxFillDays, calendar: spec.data.calendar, readSeries });
  const withCurrency = convertCurrency(spec, dataDir, loaded);
  const cashRates = spec.cash && 'rateFile' in spec.cash ? readCashRateFile(spec.cash.rateFile) : undefined;
  const factors = spec.reporting.factors ? withFactors(spec, dataDir, withCurrency, readSeries) : {};
  return { ...withCurrency, ...factors, ...(schedule ? { schedule } : {}), ...(cashRates ? { cashRates } : {}) };
}

/**
 * readPriceFile that hands back the series it already read for the same file and ticker (the
 * series is never modified after reading: alignment and currency conversion write new arrays).
 */
function rememberedReads(): (file: string, ticker: string) => PriceSeries {
  const read = new Map<string, PriceSeries>();
  return (file, ticker) => {
    const key = `${ticker}\u0000${file}`;
    let series = read.get(key);
    if (series === undefined) read.set(key, (series = readPriceFile(file, ticker)));
    return series;
  };
}

/** The factor prices, converted like the benchmark; their files join the provenance. */
function withFactors(spec: StrategySpec, dataDir: string, run: RunInputs, readSeries: (file: string, ticker: string) => PriceSeries): Pick<RunInputs, 'factors' | 'files' | 'warnings'> {
  const loaded = convertCurrency(spec, dataDir, loadFactorPanel(spec.reporting.factors ?? [], dataDir, run.panel.dates, spec.data.maxFillDays, run.synthetic, readSeries));
  const known = new Set(run.files.map((f) => f.file));
  return { factors: loaded.panel, files: [...run.files, ...loaded.files.filter((f) => !known.has(f.file))], warnings: [...run.warnings, ...loaded.warnings.map((w) => `factors: ${w}`)] };
}

/**
 * Prices in the strategy's base currency: with base USD, HKD and CNY assets are divided by the
 * USDHKD/USDCNY rate of the same day (units of local currency per USD) from the data folder,
 * whose files join the report's provenance. With base local nothing is converted.
 */
function convertCurrency(spec: StrategySpec, dataDir: string, loaded: LoadedPanel): RunInputs {
  const currencies: Record<string, Currency | null> = {};
  for (const t of loaded.panel.assets) currencies[t] = spec.currency.assets?.[t] ?? currencyOf(t);
  const foreign = Object.entries(currencies).filter((e): e is [string, Currency] => e[1] !== null && e[1] !== 'USD');
  if (foreign.length === 0) return { ...loaded, currency: null };
  if (spec.currency.base === 'local') {
    return {
      ...loaded,
      currency: { base: 'local', assets: Object.fromEntries(foreign), fxFilled: {} },
      warnings: [...loaded.warnings, `prices left in local currency (currency.base: local): ${foreign.map(([t, c]) => `${t} ${c}`).join(', ')}`],
    };
  }
  const fxTickers = [...new Set(foreign.map(([, c]) => FX_TICKERS[c as Exclude<Currency, 'USD'>]))];
  const fx = fxTickers.map((t) => {
    const file = path.join(dataDir, tickerToFileName(t));
    if (!existsSync(file)) {
      throw new UserError(`${file}: no FX file, needed to convert ${foreign.map(([a]) => a).join(', ')} to USD (rates as units of local currency per USD); add it, or set currency.base: local`);
    }
    return readPriceFile(file, t);
  });
  // Missing rates inside the requested period fail the run; before it (or with no --from, where the
  // engine picks the period) the unconvertible prices are left out with a warning.
  const strictFrom = spec.period.from !== undefined ? parseUserDate(spec.period.from, 'period.from') : Infinity;
  const result = convertPanelToBase(loaded.panel, currencies, fx, spec.data.maxFillDays, { strictFrom });
  const dropped = Object.entries(result.unconverted).map(([t, k]) => `${t} (${k} prices)`);
  return {
    ...loaded,
    panel: result.panel,
    warnings: dropped.length > 0 ? [...loaded.warnings, `prices without an FX rate (before the FX file starts, or in its gaps beyond the fill limit) are left out: ${dropped.join(', ')}`] : loaded.warnings,
    files: [...loaded.files, ...fx.map((s) => s.info)],
    currency: { base: 'USD', assets: result.converted, fxFilled: result.fxFilled },
  };
}

function readSchedule(file: string, assets: readonly string[]): WeightsSchedule {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new UserError(`${file}: cannot read the weights file (does it exist?)`);
  }
  const schedule = readWeightsCsv(text, file);
  schedule.tickers.forEach((t, k) => {
    if (!assets.includes(t)) throw new UserError(`${file}:1:${k + 2}: ${t} is not an asset of the strategy's sleeves (${assets.join(', ')})`);
  });
  return schedule;
}
