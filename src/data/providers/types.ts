/** One daily bar from a provider; NaN where the provider had no value. `date` is a day number. */
export interface DailyBar {
  readonly date: number;
  readonly open: number;
  readonly high: number;
  readonly low: number;
  readonly close: number;
  readonly adjClose: number;
  readonly volume: number;
}

/** What to download: a ticker (sleeves spelling) and an inclusive day range. */
export interface ProviderRequest {
  readonly ticker: string;
  readonly from: number;
  readonly to: number;
}

/** Injectable transport, so tests replay canned responses from 127.0.0.1 and never reach a real host. */
export interface ProviderOptions {
  readonly fetch?: typeof fetch;
  /** Replaces the provider's host, e.g. `http://127.0.0.1:8123`. */
  readonly baseUrl?: string;
  /** Per attempt (default 20 000 ms). */
  readonly timeoutMs?: number;
  /** Extra attempts after the first on network errors, timeouts, 429 and 5xx (default 2). */
  readonly retries?: number;
  /** First backoff; doubles each retry (default 500 ms). */
  readonly backoffMs?: number;
}

export type ProviderName = 'yahoo' | 'stooq';
