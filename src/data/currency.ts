/**
 * Listing currency and market of a ticker, from its suffix: `.HK` → HKD (Hong Kong),
 * `.SS`/`.SZ` → CNY (Shanghai/Shenzhen, so the CSI 300 index `000300.SS` is CNY), anything else
 * → USD (US), except the Hong Kong indices of INDEX_MARKETS (`^HSI`, quoted in HKD points), which
 * belong to their market like its listings. The FX series themselves (`USDCNY`, `USDHKD`: units
 * of foreign currency per 1 USD) are quotes, not assets in a currency.
 */
export type Currency = 'USD' | 'HKD' | 'CNY';
export type Market = 'US' | 'HK' | 'CN';

/** The FX tickers sleeves knows, by the currency they convert from. */
export const FX_TICKERS: Readonly<Record<Exclude<Currency, 'USD'>, string>> = { HKD: 'USDHKD', CNY: 'USDCNY' };

/** True for the FX quote tickers (USDCNY, USDHKD, or any `USDxxx` six-letter pair). */
export function isFxTicker(ticker: string): boolean {
  return /^USD[A-Z]{3}$/.test(ticker);
}

/**
 * Indices without a market suffix that are not US indices, by Yahoo symbol: the Hang Seng
 * (`^HSI`), Hang Seng China Enterprises (`^HSCE`) and Hang Seng TECH (`^HSTECH`) are computed
 * from Hong Kong listings in HKD.
 */
export const INDEX_MARKETS: Readonly<Record<string, Exclude<Market, 'US'>>> = { '^HSI': 'HK', '^HSCE': 'HK', '^HSTECH': 'HK' };

/** The listing currency of a ticker (an FX ticker yields null: it has no listing currency). */
export function currencyOf(ticker: string): Currency | null {
  if (isFxTicker(ticker)) return null;
  const t = ticker.toUpperCase();
  const index = INDEX_MARKETS[t];
  if (index !== undefined) return index === 'HK' ? 'HKD' : 'CNY';
  if (t.endsWith('.HK')) return 'HKD';
  if (t.endsWith('.SS') || t.endsWith('.SZ')) return 'CNY';
  return 'USD';
}

/** The market whose trading calendar a ticker follows (FX tickers yield null). */
export function marketOf(ticker: string): Market | null {
  const c = currencyOf(ticker);
  return c === null ? null : c === 'USD' ? 'US' : c === 'HKD' ? 'HK' : 'CN';
}
