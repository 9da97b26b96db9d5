/**
 * What cash earns on each period row (the strategy's `cash` key), as the simple return of
 * cash from the close of row t − 1 to the close of row t (entry 0 unused):
 *  - `{ rate: r }`: (1 + r)^(1/P) − 1 on every row, P the periods per year;
 *  - `{ ticker: T }`: T's return p_t / p_{t−1} − 1 (0, with a warning, where T has no price);
 *  - `{ rateFile }`: the annual rate in force at the close of t − 1 (the last row of the file
 *    dated on or before it), converted as for `rate`; a file that starts after the period's
 *    first row is a UserError.
 * The same series is the risk-free rate when `reporting.riskFree: cash`. Pure: the rate file
 * is read at the edge (loadRunData) and passed in.
 */
import { formatIsoDate } from '../core/dates.js';
import { UserError } from '../core/errors.js';
import type { PricePanel } from '../core/panel.js';
import type { CashRates } from '../data/readCashRates.js';
import { perPeriodRate } from '../metrics/convention.js';
import { inferPeriodsPerYear } from '../metrics/periodsPerYear.js';
import type { StrategySpec } from '../strategy/schema.js';

export interface CashReturns {
  /** Per period row of the run (entry 0 is 0). */
  readonly returns: Float64Array;
  /** One line for the report, e.g. "2% a year, (1.02)^(1/252) − 1 per period". */
  readonly description: string;
  readonly warnings: readonly string[];
}

/** The cash returns of the period rows lo..hi−1 of the panel, or null when the strategy's cash earns nothing. */
export function cashReturns(spec: StrategySpec, panel: PricePanel, lo: number, hi: number, rates?: CashRates): CashReturns | null {
  const cash = spec.cash;
  if (cash === undefined) return null;
  const n = hi - lo;
  const returns = new Float64Array(n);
  if ('ticker' in cash) return proxyReturns(cash.ticker, panel, lo, hi, returns);
  const dates = panel.dates.subarray(lo, hi);
  const P = spec.reporting.periodsPerYear ?? inferPeriodsPerYear(dates);
  if ('rate' in cash) {
    returns.fill(perPeriodRate(cash.rate, P), 1);
    return { returns, description: `${percent(cash.rate)} a year, accrued per period as (1 + rate)^(1/${P}) − 1`, warnings: [] };
  }
  // Every command passes the rates read by loadRunData (RunData.cashRates); missing here is a bug.
  if (rates === undefined) throw new Error(`cash.rateFile ${cash.rateFile}: the rates were not passed to runBacktest (RunData.cashRates)`);
  if (n > 1 && (rates.dates[0] as number) > (dates[0] as number)) {
    throw new UserError(`${rates.file}:2: the rates start ${formatIsoDate(rates.dates[0] as number)}, after the period start ${formatIsoDate(dates[0] as number)}; add a rate on or before it`);
  }
  let k = 0;
  for (let t = 1; t < n; t++) {
    while (k + 1 < rates.dates.length && (rates.dates[k + 1] as number) <= (dates[t - 1] as number)) k++;
    returns[t] = perPeriodRate(rates.rates[k] as number, P);
  }
  return { returns, description: `the annual rates of ${rates.file}, each accrued per period as (1 + rate)^(1/${P}) − 1 from its date`, warnings: [] };
}

function proxyReturns(ticker: string, panel: PricePanel, lo: number, hi: number, returns: Float64Array): CashReturns {
  const N = panel.dates.length;
  const c = panel.assets.indexOf(ticker);
  if (c < 0) throw new UserError(`cash.ticker ${ticker} is not in the loaded data`);
  let missing = 0;
  for (let t = 1; t < hi - lo; t++) {
    const p0 = panel.values[c * N + lo + t - 1] as number;
    const p1 = panel.values[c * N + lo + t] as number;
    if (p0 > 0 && p1 > 0) returns[t] = p1 / p0 - 1;
    else missing++;
  }
  const warnings = missing > 0 ? [`cash proxy ${ticker}: no return on ${missing} period${missing === 1 ? '' : 's'} (no price); cash earned 0 there`] : [];
  return { returns, description: `held in ${ticker} (its daily returns)`, warnings };
}

function percent(rate: number): string {
  return `${Math.round(rate * 1e8) / 1e6}%`;
}
