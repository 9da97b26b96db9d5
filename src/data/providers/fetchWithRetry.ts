import { UserError } from '../../core/errors.js';
import type { ProviderOptions } from './types.js';

const NETWORK_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENETUNREACH', 'EHOSTUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);

/**
 * GET with a timeout per attempt and retries with exponential backoff (backoffMs · 2^k) on
 * network errors, timeouts, HTTP 429 and 5xx. Other responses (2xx, 4xx) are returned as they
 * are. When every attempt failed, throws a UserError that says the machine may be offline and
 * that the offline sample needs no network.
 */
export async function fetchWithRetry(url: string, init: RequestInit, options: ProviderOptions, label: string): Promise<Response> {
  const doFetch = options.fetch ?? globalThis.fetch;
  const retries = options.retries ?? 2;
  const timeoutMs = options.timeoutMs ?? 20_000;
  const backoffMs = options.backoffMs ?? 500;
  let last = '';
  for (let attempt = 0; attempt <= retries; attempt++) {
    if (attempt > 0) await new Promise((r) => setTimeout(r, backoffMs * 2 ** (attempt - 1)));
    try {
      const response = await doFetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
      if (response.status !== 429 && response.status < 500) return response;
      last = `HTTP ${response.status} ${response.statusText}`.trim();
      await response.body?.cancel();
    } catch (error) {
      last = describeNetworkError(error, timeoutMs);
    }
  }
  const host = safeHost(url);
  throw new UserError(
    `${label}: cannot download from ${host} after ${retries + 1} attempts (${last}); ` +
      'expected a working internet connection (offline? `sleeves data sample` works without one)',
  );
}

function describeNetworkError(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) return `no answer within ${timeoutMs / 1000} s`;
  const cause = (error as { cause?: { code?: string } } | undefined)?.cause;
  const code = cause?.code ?? (error as { code?: string } | undefined)?.code;
  if (code !== undefined && NETWORK_CODES.has(code)) return `network error ${code}`;
  return error instanceof Error ? error.message : String(error);
}

function safeHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
