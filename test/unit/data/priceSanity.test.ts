/**
 * Silent-acceptance family (unit): the price sanity findings every run now reports, each
 * naming file and line, and --strict turning the first into an error.
 */
import { describe, expect, it } from 'vitest';
import { parseIsoDate } from '../../../src/core/dates.js';
import { readPriceCsv } from '../../../src/data/readPriceCsv.js';
import { hasRadixPrefix, strictPriceSanity } from '../../../src/data/priceSanity.js';
import fc from 'fast-check';

const today = parseIsoDate('2026-11-30');
const sanity = (csv: string): string[] => readPriceCsv(csv, 'X.csv', 'X', today).warnings.filter((w) => w.includes('price sanity:'));

describe('price sanity', () => {
  it('a 100× one-day jump (10 → 1000, +9900%) that does not come back', () => {
    // 1000 / 10 − 1 = 99 = +9900%; the jump rule flags moves above +100% (priceChecks DEFAULT_LIMITS).
    expect(sanity('date,close\n2020-01-02,10\n2020-01-03,1000\n2020-01-06,1001\n')).toEqual([
      'X.csv:3: price sanity: one-day move of +9900.0% on 2020-01-03 does not reverse: likely an unadjusted split of about 1:100 (reverse split), expected moves within -50%..+100%',
    ]);
  });

  it('a 9999-12-31 row (it stretched the period), named once at its line', () => {
    expect(sanity('date,close\n2020-01-02,10\n2020-01-03,10.1\n9999-12-31,10.2\n')).toEqual([
      'X.csv:4: price sanity: 9999-12-31 is after today (2026-11-30), expected dates up to today',
    ]);
  });

  it('hex, binary and octal numbers (Number() reads 0x10 as 16)', () => {
    expect(sanity('date,close\n2020-01-02,16\n2020-01-03,0x10\n')).toEqual(['X.csv:3: price sanity: "0x10" is not a decimal number, expected a price such as 123.45']);
    expect(sanity('date,close\n2020-01-02,"0b10000"\n2020-01-03,16\n')[0]).toMatch(/^X\.csv:2: price sanity: "\\"0b10000\\"" is not a decimal number/);
  });

  it('a subnormal price: 5e-310 < 2.2250738585072014e-308 (the smallest normal double)', () => {
    const w = sanity('date,close\n2020-01-02,5e-310\n2020-01-03,6e-310\n');
    expect(w).toEqual(['X.csv:2: price sanity: price 5e-310 is a subnormal number (below 2.2250738585072014e-308), expected a price']);
  });

  it('clean prices give no finding; --strict makes the first finding an error', () => {
    expect(sanity('date,close\n2020-01-02,10\n2020-01-03,10.5\n2020-01-06,9.8\n')).toEqual([]);
    expect(() => strictPriceSanity(['other warning'])).not.toThrow();
    expect(() => strictPriceSanity(['X.csv:4: price sanity: 9999-12-31 is after today (2026-11-30), expected dates up to today'])).toThrow(
      'X.csv:4: price sanity: 9999-12-31 is after today (2026-11-30), expected dates up to today (--strict makes price sanity findings errors)',
    );
  });
});

describe('hasRadixPrefix (the quick scan before the non-decimal pattern)', () => {
  it('answers as /0[xXbBoO]/.test on texts over the characters that matter', () => {
    expect([hasRadixPrefix('date,close\n2020-01-02,0x10\n'), hasRadixPrefix('0b'), hasRadixPrefix('x0'), hasRadixPrefix('date,open,close\n1,2\n')]).toEqual([true, true, false, false]);
    const text = fc.array(fc.constantFrom('0', '1', 'x', 'X', 'b', 'B', 'o', 'O', 'a', ',', '\n', '"', '-'), { maxLength: 40 }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(text, (t) => {
        expect(hasRadixPrefix(t)).toBe(/0[xXbBoO]/.test(t));
      }),
      { numRuns: 2000 },
    );
  });
});
