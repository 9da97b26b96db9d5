/** Returned by parseDecimal for a cell that is not a number. */
export const NOT_A_NUMBER = Number.NEGATIVE_INFINITY;

const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];

/**
 * Parses the number in text[start, end) without making a substring. Empty cells and `null`
 * give NaN; anything not a finite number gives NOT_A_NUMBER (−∞).
 *
 * Fast path (plain decimals with at most 15 digits): the digits form an integer m < 10^15 < 2^53,
 * exact in a double, and m / 10^f with 10^f ≤ 10^22 also exact, so the one division is
 * correctly rounded and the result equals `Number(text)` bit for bit (Clinger's fast path).
 * Anything else (exponents, more digits, quotes, spaces) goes through `Number()`.
 */
export function parseDecimal(text: string, start: number, end: number): number {
  if (start === end) return Number.NaN;
  let i = start;
  const neg = text.charCodeAt(i) === 45;
  if (neg) i++;
  let m = 0;
  let digits = 0;
  let frac = -1;
  for (; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      m = m * 10 + (c - 48);
      digits++;
    } else if (c === 46 && frac < 0) frac = digits;
    else return slowNumber(text.slice(start, end));
  }
  if (digits === 0 || digits > 15) return slowNumber(text.slice(start, end));
  const f = frac < 0 ? 0 : digits - frac;
  const v = f === 0 ? m : m / (POW10[f] as number);
  return neg ? -v : v;
}

function slowNumber(cell: string): number {
  let t = cell.trim();
  if (t.length >= 2 && t.charCodeAt(0) === 34 && t.charCodeAt(t.length - 1) === 34) t = t.slice(1, -1).trim();
  if (t === '' || t === 'null') return Number.NaN;
  const v = Number(t);
  return Number.isFinite(v) ? v : NOT_A_NUMBER;
}
