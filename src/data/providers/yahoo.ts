import { UserError } from '../../core/errors.js';
import { formatIsoDate } from '../../core/dates.js';
import { fetchWithRetry } from './fetchWithRetry.js';
import type { DailyBar, ProviderOptions, ProviderRequest } from './types.js';

const YAHOO_HOST = 'query2.finance.yahoo.com';

interface ChartObject {
  meta?: { gmtoffset?: number };
  timestamp?: (number | Date)[];
  indicators?: {
    quote?: { open?: (number | null)[]; high?: (number | null)[]; low?: (number | null)[]; close?: (number | null)[]; volume?: (number | null)[] }[];
    adjclose?: { adjclose?: (number | null)[] }[];
  };
}

/**
 * Daily bars from Yahoo through yahoo-finance2 v3 `chart()` (loaded lazily, version check off).
 * Every request goes through `fetchWithRetry` (timeout, retries, offline message) and, when
 * `baseUrl` is given, to that host instead of Yahoo's. Bar dates are the exchange's local
 * dates: timestamp + meta.gmtoffset, in whole days. Yahoo's `adjclose` is split- and
 * dividend-adjusted; `close` is split-adjusted only.
 */
export async function fetchYahoo(request: ProviderRequest, options: ProviderOptions = {}): Promise<DailyBar[]> {
  const label = `yahoo: ${request.ticker}`;
  const { default: YahooFinance } = await import('yahoo-finance2');
  const base = options.baseUrl?.replace(/\/$/, '');
  const routed = (async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    let url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (base !== undefined) url = url.replace(/^https?:\/\/[^/]+/, base);
    return fetchWithRetry(url, init ?? {}, options, label);
  }) as typeof fetch;
  const quiet = { info: () => {}, warn: () => {}, error: () => {}, debug: () => {}, dir: () => {} };
  const yf = new YahooFinance({ versionCheck: false, fetch: routed, YF_QUERY_HOST: YAHOO_HOST, logger: quiet, suppressNotices: ['yahooSurvey'] });
  let chart: ChartObject;
  try {
    chart = (await yf.chart(
      request.ticker,
      { period1: formatIsoDate(request.from), period2: formatIsoDate(request.to + 1), interval: '1d', return: 'object' },
      { validateResult: false },
    )) as unknown as ChartObject;
  } catch (error) {
    if (error instanceof UserError) throw error;
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new UserError(`${label}: ${message}, expected the price history (unknown ticker or malformed response?)`);
  }
  return barsFromChart(chart, label, request);
}

function barsFromChart(chart: ChartObject, label: string, request: ProviderRequest): DailyBar[] {
  const times = chart.timestamp ?? [];
  const quote = chart.indicators?.quote?.[0];
  if (times.length === 0 || quote === undefined) {
    throw new UserError(`${label}: no prices between ${formatIsoDate(request.from)} and ${formatIsoDate(request.to)}, expected at least one day`);
  }
  const adj = chart.indicators?.adjclose?.[0]?.adjclose;
  const offset = chart.meta?.gmtoffset ?? 0;
  const num = (a: (number | null)[] | undefined, i: number): number => {
    const v = a?.[i];
    return typeof v === 'number' && Number.isFinite(v) ? v : Number.NaN;
  };
  const bars: DailyBar[] = [];
  for (let i = 0; i < times.length; i++) {
    const t = times[i];
    const seconds = t instanceof Date ? t.getTime() / 1000 : Number(t);
    if (!Number.isFinite(seconds)) throw new UserError(`${label}: malformed response (timestamp ${String(t)}), expected seconds since 1970`);
    const close = num(quote.close, i);
    if (Number.isNaN(close)) continue; // Yahoo's null bars (holidays, halts)
    bars.push({
      date: Math.floor((seconds + offset) / 86_400),
      open: num(quote.open, i),
      high: num(quote.high, i),
      low: num(quote.low, i),
      close,
      adjClose: adj === undefined ? close : num(adj, i),
      volume: num(quote.volume, i),
    });
  }
  if (bars.length === 0) throw new UserError(`${label}: only empty bars between ${formatIsoDate(request.from)} and ${formatIsoDate(request.to)}, expected prices`);
  return bars;
}
