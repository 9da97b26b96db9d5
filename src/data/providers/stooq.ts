import { UserError } from '../../core/errors.js';
import { formatIsoDate } from '../../core/dates.js';
import { parsePriceTable, type PriceTable } from '../parsePriceTable.js';
import { fetchWithRetry } from './fetchWithRetry.js';
import type { DailyBar, ProviderOptions, ProviderRequest } from './types.js';

export const STOOQ_BASE_URL = 'https://stooq.com';

/**
 * Stooq's symbol for a sleeves ticker: US listings get `.us` (`NVDA` → `nvda.us`), Hong Kong
 * drops leading zeros (`0700.HK` → `700.hk`), indices and futures have their own names
 * (`^GSPC` → `^spx`, `^HSI` → `^hsi`, `GC=F` → `gc.f`), FX pairs are lower case (`usdcny`).
 * Mainland listings (.SS, .SZ) are not on Stooq: UserError.
 */
export function stooqSymbol(ticker: string): string {
  const special: Record<string, string> = { '^GSPC': '^spx', '^HSI': '^hsi', 'GC=F': 'gc.f' };
  const known = special[ticker];
  if (known !== undefined) return known;
  if (/^USD[A-Z]{3}$/.test(ticker)) return ticker.toLowerCase();
  if (/\.(SS|SZ)$/i.test(ticker)) throw new UserError(`stooq: ${ticker}: mainland China listings are not on Stooq, expected --provider yahoo`);
  if (/\.HK$/i.test(ticker)) return `${ticker.slice(0, -3).replace(/^0+/, '')}.hk`;
  if (ticker.startsWith('^')) return ticker.toLowerCase();
  return `${ticker.toLowerCase()}.us`;
}

/**
 * Daily bars from Stooq's CSV endpoint `${baseUrl}/q/d/l/?s=SYMBOL&i=d&d1=YYYYMMDD&d2=YYYYMMDD`
 * (columns Date,Open,High,Low,Close,Volume; Stooq's prices are split- and dividend-adjusted, so
 * adjClose = close). "No data" or an empty body is an empty history: UserError.
 */
export async function fetchStooq(request: ProviderRequest, options: ProviderOptions = {}): Promise<DailyBar[]> {
  const base = (options.baseUrl ?? STOOQ_BASE_URL).replace(/\/$/, '');
  const ymd = (d: number): string => formatIsoDate(d).replace(/-/g, '');
  const url = `${base}/q/d/l/?s=${encodeURIComponent(stooqSymbol(request.ticker))}&i=d&d1=${ymd(request.from)}&d2=${ymd(request.to)}`;
  const label = `stooq: ${request.ticker}`;
  const response = await fetchWithRetry(url, {}, options, label);
  const body = await response.text();
  if (!response.ok) throw new UserError(`${label}: HTTP ${response.status} from ${new URL(url).host}, expected the price history (unknown ticker?)`);
  if (body.trim() === '' || /^no data/i.test(body.trim())) {
    throw new UserError(`${label}: no prices between ${formatIsoDate(request.from)} and ${formatIsoDate(request.to)}, expected at least one day (unknown ticker or empty range?)`);
  }
  let table: PriceTable;
  try {
    table = parsePriceTable(body, 'response', (p) => {
      throw new UserError(p.message);
    }, 'all');
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    throw new UserError(`${label}: malformed response (${error.message}), expected CSV with Date,Open,High,Low,Close,Volume`);
  }
  const bars: DailyBar[] = [];
  for (let i = 0; i < table.n; i++) {
    const close = table.close?.[i] ?? Number.NaN;
    bars.push({
      date: table.dates[i] as number,
      open: table.open?.[i] ?? Number.NaN,
      high: table.high?.[i] ?? Number.NaN,
      low: table.low?.[i] ?? Number.NaN,
      close,
      adjClose: close,
      volume: Number.NaN,
    });
  }
  return bars;
}
