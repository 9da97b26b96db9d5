/**
 * Does a table read as returns hold prices instead? A stated heuristic, so that
 * `sleeves metrics` refuses a price file rather than printing absurd figures:
 *
 * 1. the header names a price table: at least two of open, high, low, close, adj close
 *    (or adj_close / adjclose) and volume (any case); or
 * 2. a column whose values are all > 0 with a median above 0.5 (every period a gain, the
 *    typical one above +50%): returns are almost never like that, prices in dollars almost
 *    always are. Prices below 0.5 (e.g. a JPY→USD rate) slip through this test.
 */

const PRICE_COLUMNS = ['open', 'high', 'low', 'close', 'adj close', 'adj_close', 'adjclose', 'volume'];

/** The names of a header that are price-table columns (open, high, ..., volume), in order. */
export function priceTableColumns(names: readonly string[]): string[] {
  return names.filter((n) => PRICE_COLUMNS.includes(n.trim().toLowerCase()));
}

/** True when the header names a price table (rule 1). */
export function isPriceTableHeader(names: readonly string[]): boolean {
  return priceTableColumns(names).length >= 2;
}

export const PRICE_MEDIAN_THRESHOLD = 0.5;

/** The first column that looks like prices and why, or undefined. Leading NaN cells are ignored. */
export function looksLikePrices(names: readonly string[], columns: readonly Float64Array[]): { column: string; reason: string } | undefined {
  const priceNames = priceTableColumns(names);
  if (priceNames.length >= 2) {
    const column = priceNames.find((n) => /adj/i.test(n)) ?? priceNames.find((n) => /close/i.test(n)) ?? (priceNames[0] as string);
    return { column, reason: `the header names a price table (${priceNames.join(', ')})` };
  }
  for (let c = 0; c < names.length; c++) {
    const values = Array.from(columns[c] as Float64Array).filter((v) => !Number.isNaN(v));
    if (values.length === 0 || values.some((v) => v <= 0)) continue;
    const median = medianOf(values);
    if (median > PRICE_MEDIAN_THRESHOLD) {
      return { column: names[c] as string, reason: `every value is positive and the median is ${round(median)}, a gain of over ${PRICE_MEDIAN_THRESHOLD * 100}% per period` };
    }
  }
  return undefined;
}

function medianOf(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

function round(x: number): string {
  return String(Math.round(x * 1e4) / 1e4);
}
