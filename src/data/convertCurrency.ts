import { UserError } from '../core/errors.js';
import { formatIsoDate } from '../core/dates.js';
import { panelColumn, type PricePanel } from '../core/panel.js';
import { alignToCalendar } from './alignToCalendar.js';
import { currencyOf, FX_TICKERS, type Currency } from './currency.js';
import type { PriceSeries } from './priceSeries.js';
import { emptyRecord } from '../core/reservedKeys.js';
import { panelValues } from '../wasm/panelValues.js';

/** What the currency conversion of a run did (null when every price is in USD). */
export interface CurrencyNote {
  readonly base: 'USD' | 'local';
  /** Converted assets (base USD), or assets left in their local currency (base local). */
  readonly assets: Record<string, Currency>;
  /** FX rows carried forward from an earlier quote, per FX ticker. */
  readonly fxFilled: Record<string, number>;
}

export interface BaseConversion {
  /** A new panel with every price in USD (FX columns, if any, unchanged). */
  readonly panel: PricePanel;
  /** Assets that were converted, with their currency. */
  readonly converted: Record<string, Currency>;
  /** Per FX ticker, panel rows whose rate was carried forward from an earlier day. */
  readonly fxFilled: Record<string, number>;
  /** Per converted asset, prices left out (set to NaN) before `strictFrom` for want of a rate. */
  readonly unconverted: Record<string, number>;
}

/**
 * Converts local-currency prices to USD: price_USD(t) = price_local(t) / rate(t), where the
 * rate is quoted as units of local currency per 1 USD (USDHKD, USDCNY) and taken on the asset
 * row's own date, or carried forward from the last quoted day for at most `maxFillDays`
 * consecutive panel rows (the rule alignToCalendar applies to prices). A price without a rate
 * is a UserError naming the asset, the date and the last rate's date.
 *
 * `currencies` (null/undefined, or missing entries) defaults to currencyOf(ticker) (.HK → HKD, .SS/.SZ → CNY, else USD; FX tickers
 * are left alone). `fx` is a panel holding FX columns, or the FX series themselves.
 */
export function convertPanelToBase(
  panel: PricePanel,
  currencies: Readonly<Record<string, Currency | null>> | null | undefined,
  fx: PricePanel | readonly PriceSeries[],
  maxFillDays = 5,
  options: { strictFrom?: number } = {},
): BaseConversion {
  const strictFrom = options.strictFrom ?? -Infinity;
  const n = panel.dates.length;
  const values = panelValues(panel.values.length);
  values.set(panel.values);
  const converted = emptyRecord<Currency>();
  const fxFilled = emptyRecord<number>();
  const unconverted = emptyRecord<number>();
  const rates = new Map<string, { values: Float64Array; dates: Int32Array; prices: Float64Array }>();
  panel.assets.forEach((asset, a) => {
    const given = currencies?.[asset];
    const currency = given !== undefined ? given : currencyOf(asset);
    if (currency === null || currency === undefined || currency === 'USD') return;
    const fxTicker = FX_TICKERS[currency];
    let rate = rates.get(fxTicker);
    if (rate === undefined) {
      const series = fxSeries(fx, fxTicker, asset, currency);
      const aligned = alignToCalendar(panel.dates, series.dates, series.prices, maxFillDays);
      rate = { values: aligned.values, ...series };
      rates.set(fxTicker, rate);
      fxFilled[fxTicker] = aligned.filled;
    }
    // A price without a rate (before the FX series starts, or in a gap beyond the fill limit) is
    // an error from `strictFrom` on; before it (history a run may not use) it is left out as NaN.
    let dropped = 0;
    for (let t = 0; t < n; t++) {
      const price = values[a * n + t] as number;
      if (Number.isNaN(price)) continue;
      const r = rate.values[t] as number;
      if (Number.isNaN(r)) {
        if ((panel.dates[t] as number) >= strictFrom) throw missingRate(asset, fxTicker, panel.dates[t] as number, rate.dates, maxFillDays);
        values[a * n + t] = Number.NaN;
        dropped++;
        continue;
      }
      values[a * n + t] = price / r;
    }
    if (dropped > 0) unconverted[asset] = dropped;
    converted[asset] = currency;
  });
  return { panel: { dates: panel.dates, assets: panel.assets, values }, converted, fxFilled, unconverted };
}

function fxSeries(fx: PricePanel | readonly PriceSeries[], fxTicker: string, asset: string, currency: Currency): { dates: Int32Array; prices: Float64Array } {
  if (Array.isArray(fx)) {
    const s = (fx as readonly PriceSeries[]).find((x) => x.ticker === fxTicker);
    if (s !== undefined) return { dates: s.dates, prices: s.prices };
  } else {
    const p = fx as PricePanel;
    const a = p.assets.indexOf(fxTicker);
    if (a >= 0) {
      const col = panelColumn(p, a);
      const keep: number[] = [];
      for (let t = 0; t < col.length; t++) if (!Number.isNaN(col[t] as number)) keep.push(t);
      return { dates: Int32Array.from(keep, (t) => p.dates[t] as number), prices: Float64Array.from(keep, (t) => col[t] as number) };
    }
  }
  throw new UserError(`cannot convert ${asset} from ${currency} to USD: no ${fxTicker} series, expected ${fxTicker}.csv in the data folder`);
}

function missingRate(asset: string, fxTicker: string, day: number, fxDates: Int32Array, maxFillDays: number): UserError {
  let last = -1;
  for (let i = 0; i < fxDates.length && (fxDates[i] as number) <= day; i++) last = i;
  const lastText = last < 0 ? `${fxTicker} starts ${formatIsoDate(fxDates[0] as number)}` : `last ${fxTicker} rate ${formatIsoDate(fxDates[last] as number)}`;
  return new UserError(
    `cannot convert ${asset} to USD on ${formatIsoDate(day)}: no ${fxTicker} rate within ${maxFillDays} rows (${lastText}), expected an FX rate on or shortly before each price`,
  );
}
