/**
 * Limits on strategy files, stated in docs/security.md and checked before the expensive work, so
 * that a hostile or mistaken file gives one clear line instead of minutes of parsing or gigabytes
 * of memory (a 50 MB file once peaked at 2.3 GB). Each is far above any real strategy: the seed
 * strategies are under 5 KB, with at most 6 sleeves and 30 tickers.
 */
import { UserError } from '../core/errors.js';

export const STRATEGY_LIMITS = Object.freeze({
  /** File size in bytes (1 MiB). */
  bytes: 1 << 20,
  /** Characters on one line (64 Ki). */
  lineChars: 1 << 16,
  /** Sleeves in one strategy. */
  sleeves: 1_000,
  /** Distinct tickers across the sleeves. */
  assets: 10_000,
});

/** The file's size, before it is read: a UserError above the limit. */
export function checkStrategySize(file: string, bytes: number): void {
  if (bytes > STRATEGY_LIMITS.bytes) {
    throw new UserError(`${file}: ${bytes} bytes, more than the limit of ${STRATEGY_LIMITS.bytes} bytes (1 MiB) for a strategy file (see docs/security.md)`);
  }
}

/** Every line's length, in one pass: a UserError naming the first line above the limit. */
export function checkStrategyLines(file: string, text: string): void {
  let start = 0;
  for (let line = 1; start <= text.length; line++) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    if (end - start > STRATEGY_LIMITS.lineChars) {
      throw new UserError(`${file}:${line}: ${end - start} characters on one line, more than the limit of ${STRATEGY_LIMITS.lineChars} (see docs/security.md)`);
    }
    start = end + 1;
  }
}

/** A count against its limit: `where` names the field, e.g. "sleeves". */
export function checkStrategyCount(where: string, count: number, limit: number, what: string): string | undefined {
  return count > limit ? `${where}: ${count} ${what}, more than the limit of ${limit} (see docs/security.md)` : undefined;
}
