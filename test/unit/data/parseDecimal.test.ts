import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NOT_A_NUMBER, parseDecimal } from '../../../src/data/parseDecimal.js';

const at = (s: string): number => parseDecimal(`,${s},`, 1, s.length + 1);

describe('parseDecimal', () => {
  it('equals Number() bit for bit on decimals of up to 15 digits and beyond', () => {
    const decimal = fc
      .tuple(fc.boolean(), fc.stringMatching(/^[0-9]{1,12}$/), fc.option(fc.stringMatching(/^[0-9]{1,12}$/)))
      .map(([neg, int, frac]) => `${neg ? '-' : ''}${int}${frac === null ? '' : `.${frac}`}`);
    fc.assert(fc.property(decimal, (s) => Object.is(at(s), Number(s))), { numRuns: 5000 });
  });

  it('handles exponents, quotes, empties, null and junk', () => {
    expect(at('1.5e3')).toBe(1500);
    expect(at('"12.5"')).toBe(12.5);
    expect(at(' 7 ')).toBe(7);
    expect(at('')).toBeNaN();
    expect(at('null')).toBeNaN();
    expect(at('abc')).toBe(NOT_A_NUMBER);
    expect(at('1.2.3')).toBe(NOT_A_NUMBER);
    expect(at('Infinity')).toBe(NOT_A_NUMBER);
    expect(at('-')).toBe(NOT_A_NUMBER);
    expect(at('0.03755906597')).toBe(0.03755906597);
  });
});
