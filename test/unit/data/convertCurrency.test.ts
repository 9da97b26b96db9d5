import { describe, expect, it } from 'vitest';
import { formatIsoDate } from '../../../src/core/dates.js';
import type { PricePanel } from '../../../src/core/panel.js';
import { convertPanelToBase } from '../../../src/data/convertCurrency.js';
import { currencyOf, isFxTicker, marketOf } from '../../../src/data/currency.js';
import type { PriceSeries } from '../../../src/data/priceSeries.js';

const D0 = 18263; // 2020-01-02 (Thu); rows are D0..D0+3

function fx(ticker: string, offsets: number[], rates: number[]): PriceSeries {
  const dates = Int32Array.from(offsets, (o) => D0 + o);
  return {
    ticker,
    dates,
    prices: Float64Array.from(rates),
    info: { ticker, file: `${ticker}.csv`, format: 'plain', rows: rates.length, start: formatIsoDate(D0), end: formatIsoDate(D0), priceColumn: 'close', sha256: '' },
    warnings: [],
  };
}

// Column-major: A (USD), 0700.HK (HKD), 600760.SS (CNY), four rows each.
const panel: PricePanel = {
  dates: Int32Array.from([0, 1, 2, 3], (o) => D0 + o),
  assets: ['A', '0700.HK', '600760.SS'],
  values: Float64Array.from([10, 11, 12, 13, 78, 78, 77.5, NaN, 7, 7.2, 7.1, 7]),
};
const HKD = fx('USDHKD', [0, 2], [7.8, 7.75]); // no rate on D0+1: carried from D0
const CNY = fx('USDCNY', [0, 1, 2, 3], [7, 7.2, 7.1, 7]);

describe('currency', () => {
  it('infers currency and market from the suffix, and the Hong Kong indices from their symbol', () => {
    // Changed: ^HSI was USD; the Hang Seng is quoted in HKD points (000300.SS is CNY by its suffix).
    expect(['NVDA', '0700.HK', '600760.SS', '002230.SZ', '^HSI', '000300.SS', '^GSPC', 'USDCNY'].map(currencyOf)).toEqual(['USD', 'HKD', 'CNY', 'CNY', 'HKD', 'CNY', 'USD', null]);
    expect(marketOf('0700.HK')).toBe('HK');
    expect(marketOf('^HSI')).toBe('HK');
    expect(marketOf('^GSPC')).toBe('US');
    expect(isFxTicker('USDHKD')).toBe(true);
    expect(isFxTicker('USMV')).toBe(false);
  });
});

describe('convertPanelToBase', () => {
  it('divides local prices by the FX rate of the same day, filling a missing rate forward', () => {
    const out = convertPanelToBase(panel, null, [HKD, CNY], 5);
    // A unchanged. 0700.HK: 78/7.8 = 10, 78/7.8 (rate carried) = 10, 77.5/7.75 = 10, NaN stays NaN.
    // 600760.SS: 7/7 = 1, 7.2/7.2 = 1, 7.1/7.1 = 1, 7/7 = 1.
    expect([...out.panel.values]).toEqual([10, 11, 12, 13, 10, 10, 10, NaN, 1, 1, 1, 1]);
    expect(out.converted).toEqual({ '0700.HK': 'HKD', '600760.SS': 'CNY' });
    expect(out.fxFilled).toEqual({ USDHKD: 1, USDCNY: 0 }); // HKD row D0+1 carried; D0+3 lies after the last rate (never carried)
    expect([...panel.values.subarray(4, 6)]).toEqual([78, 78]); // the input is not modified
  });

  it('accepts the FX rates as panel columns', () => {
    const fxPanel: PricePanel = { dates: Int32Array.from([D0, D0 + 2]), assets: ['USDHKD', 'USDCNY'], values: Float64Array.from([7.8, 7.75, 7, 7.1]) };
    const out = convertPanelToBase({ ...panel, assets: ['A', '0700.HK', 'B'], values: panel.values }, undefined, fxPanel, 5);
    expect([...out.panel.values.subarray(4, 8)]).toEqual([10, 10, 10, NaN]);
  });

  it('fails naming asset and date when the rate is older than the fill limit or missing', () => {
    expect(() => convertPanelToBase(panel, null, [HKD, CNY], 0)).toThrow(
      'cannot convert 0700.HK to USD on 2020-01-03: no USDHKD rate within 0 rows (last USDHKD rate 2020-01-02), expected an FX rate on or shortly before each price',
    );
    expect(() => convertPanelToBase(panel, null, [CNY], 5)).toThrow('cannot convert 0700.HK from HKD to USD: no USDHKD series, expected USDHKD.csv in the data folder');
    expect(() => convertPanelToBase(panel, null, [fx('USDHKD', [1, 2], [7.8, 7.8]), CNY], 5)).toThrow(/on 2020-01-02: .*\(USDHKD starts 2020-01-03\)/);
  });

  it('honours an explicit currency map', () => {
    const out = convertPanelToBase(panel, { A: 'CNY', '0700.HK': 'USD', '600760.SS': 'USD' }, [HKD, CNY], 5);
    // A in CNY: 10/7, 11/7.2, 12/7.1, 13/7.
    expect([...out.panel.values.subarray(0, 4)]).toEqual([10 / 7, 11 / 7.2, 12 / 7.1, 13 / 7]);
    expect(out.converted).toEqual({ A: 'CNY' });
  });
});
