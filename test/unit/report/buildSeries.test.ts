/**
 * buildSeries copies typed arrays into plain arrays by loops (plain, mapped) instead of
 * Array.from: the same elements, indexes and JSON text as Array.from gives, NaN and ±Infinity
 * included (JSON null), −0 written as 0.
 */
import { describe, expect, it } from 'vitest';
import { finiteOrNull, mapped, plain } from '../../../src/report/buildSeries.js';

describe('plain and mapped', () => {
  it('equal Array.from with and without a map function', () => {
    const x = Float64Array.from([0.1, -0, Number.NaN, Infinity, -Infinity, 1e-300, 2 ** 53 + 2, -7.25]);
    expect(plain(x)).toEqual(Array.from(x));
    expect(Object.is(plain(x)[1], -0)).toBe(true);
    expect(JSON.stringify(plain(x))).toBe(JSON.stringify(Array.from(x)));
    // JSON of the copy: NaN and ±Infinity → null, −0 → 0: "[0.1,0,null,null,null,1e-300,9007199254740994,-7.25]".
    expect(JSON.stringify(plain(x))).toBe('[0.1,0,null,null,null,1e-300,9007199254740994,-7.25]');
    expect(mapped(x, finiteOrNull)).toEqual(Array.from(x, finiteOrNull));
    const days = Int32Array.from([0, 19_000, -1]);
    const seen: number[] = [];
    expect(mapped(days, (v, i) => (seen.push(i), v * 2))).toEqual([0, 38_000, -2]);
    expect(seen).toEqual([0, 1, 2]);
    expect(plain(new Float64Array(0))).toEqual([]);
  });
});
