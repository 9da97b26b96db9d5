/**
 * Sanity checks that every command loading prices runs (not only `data validate`), each finding
 * a warning `file:line: price sanity: …` in the run's warnings, or an error under --strict
 * (strictPriceSanity):
 * - a one-day move of the price column beyond −50% / +100% (priceChecks' jump rule and
 *   thresholds, DEFAULT_LIMITS): a 100× jump is a bad tick or an unadjusted split;
 * - a row dated after today (UTC): it stretches the period into the future;
 * - a number written in a non-decimal notation (hex 0x10, binary 0b1, octal 0o7), which
 *   JavaScript's Number() accepts but no price feed writes;
 * - a subnormal (denormal) price, 0 < p < 2.2250738585072014e-308 (the smallest normal double,
 *   IEEE 754-2008 §3.4): returns computed from it are meaningless.
 */
import { formatIsoDate } from '../core/dates.js';
import { UserError } from '../core/errors.js';
import { checkJumps, DEFAULT_LIMITS } from './priceChecks.js';
import type { PriceTable } from './parsePriceTable.js';

/** The marker that tags a warning as a price-sanity finding (strictPriceSanity looks for it). */
export const PRICE_SANITY = 'price sanity:';

/** The smallest positive normal double, 2^−1022. */
const MIN_NORMAL = 2.2250738585072014e-308;

/** A cell in a non-decimal notation at the start of a field (after an optional quote and sign). */
const NON_DECIMAL = /(?:^|,)[ \t]*"?[ \t]*[+-]?0[xXbBoO][0-9A-Fa-f_]/m;

export function priceSanityWarnings(table: PriceTable, text: string, fileLabel: string, today: number): string[] {
  const out: string[] = [];
  const say = (line: number, what: string): number => out.push(`${fileLabel}:${line}: ${PRICE_SANITY} ${what}`);
  checkJumps(table, fileLabel, DEFAULT_LIMITS, (p) => out.push(p.message.replace(`${fileLabel}:${p.line}: `, `${fileLabel}:${p.line}: ${PRICE_SANITY} `)));
  for (let i = 0; i < table.n; i++) {
    if ((table.dates[i] as number) > today) {
      say(table.lines[i] as number, `${formatIsoDate(table.dates[i] as number)} is after today (${formatIsoDate(today)}), expected dates up to today`);
      break;
    }
  }
  for (let i = 0; i < table.n; i++) {
    if ((table.prices[i] as number) < MIN_NORMAL) {
      say(table.lines[i] as number, `price ${table.prices[i] as number} is a subnormal number (below ${MIN_NORMAL}), expected a price`);
      break;
    }
  }
  // A quick scan for the two-character prefix first: the anchored pattern only runs on a hit.
  const hex = hasRadixPrefix(text) ? NON_DECIMAL.exec(text) : null;
  if (hex !== null) {
    const at = hex.index + (text[hex.index] === ',' || text[hex.index] === '\n' ? 1 : 0);
    const line = lineOf(text, at);
    say(line, `${JSON.stringify(text.slice(at, at + 12).split(/[,\r\n]/)[0]!.trim())} is not a decimal number, expected a price such as 123.45`);
  }
  return out;
}

/**
 * Whether `text` holds "0x", "0X", "0b", "0B", "0o" or "0O" anywhere (as /0[xXbBoO]/ tests):
 * each letter found by indexOf (a memchr-like scan; price files have letters only in their
 * header) and the character before it checked, about 6× faster than the regular expression,
 * which stops at every digit 0.
 */
export function hasRadixPrefix(text: string): boolean {
  for (const letter of RADIX_LETTERS) {
    for (let i = text.indexOf(letter, 1); i !== -1; i = text.indexOf(letter, i + 1)) if (text.charCodeAt(i - 1) === 48) return true;
  }
  return false;
}

const RADIX_LETTERS = ['x', 'X', 'b', 'B', 'o', 'O'];

/** 1-based line of character `at`. */
function lineOf(text: string, at: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < at; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** Under --strict: the first price-sanity warning becomes a UserError. */
export function strictPriceSanity(warnings: readonly string[]): void {
  const first = warnings.find((w) => w.includes(`: ${PRICE_SANITY} `));
  if (first !== undefined) throw new UserError(`${first} (--strict makes price sanity findings errors)`);
}
