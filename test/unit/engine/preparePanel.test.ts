import { describe, expect, it } from 'vitest';
import { preparePanel, windowVariance } from '../../../src/engine/preparePanel.js';

/** Two-pass sample variance of the finite values, written plainly. */
function twoPass(x: number[]): number {
  const v = x.filter((r) => Number.isFinite(r));
  const mean = v.reduce((a, b) => a + b, 0) / v.length;
  return v.reduce((a, b) => a + (b - mean) ** 2, 0) / (v.length - 1);
}

describe('preparePanel', () => {
  it('returns are p_t/p_{t−1} − 1 with NaN where a price is missing', () => {
    const prepared = preparePanel({ dates: Int32Array.of(1, 2, 3, 4), assets: ['A'], values: Float64Array.of(NaN, 10, 11, 9.9) });
    expect(Array.from(prepared.returns.subarray(0, 2))).toEqual([NaN, NaN]);
    expect(prepared.returns[2]).toBeCloseTo(0.1, 15);
    expect(prepared.returns[3]).toBeCloseTo(-0.1, 15);
  });

  it('window variances from prefix sums agree with a two-pass computation to 1e-12 on 25 years of daily data', () => {
    // A price path with a strong drift (large mean return: the case where naive sums cancel).
    const N = 6300;
    const values = new Float64Array(N);
    let p = 100;
    let s = 12345;
    for (let t = 0; t < N; t++) {
      s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
      p *= 1.002 + ((s / 2 ** 32) - 0.5) * 0.03;
      values[t] = t === 3000 ? NaN : p; // one missing day
    }
    const prepared = preparePanel({ dates: Int32Array.from({ length: N }, (_, i) => i), assets: ['A'], values });
    const r = Array.from(prepared.returns);
    for (const [from, to] of [[1, 64], [2000, 2063], [2990, 3053], [6237, 6300], [100, 352]] as const) {
      const { variance, finite } = windowVariance(prepared, 0, from, to);
      const expected = twoPass(r.slice(from, to));
      expect(finite).toBe(r.slice(from, to).filter(Number.isFinite).length);
      expect(Math.abs(variance - expected) / expected).toBeLessThan(1e-12);
    }
  });

  it('filled prices are row-major, each the last price > 0 on or before the row, NaN before the first', () => {
    // A: NaN, 10, NaN, 12, 0 (0 is no price)  B: 5, 6, 7, NaN, NaN
    const prepared = preparePanel({ dates: Int32Array.of(1, 2, 3, 4, 5), assets: ['A', 'B'], values: Float64Array.of(NaN, 10, NaN, 12, 0, 5, 6, 7, NaN, NaN) });
    // Row t holds [A, B]: row 0 [NaN, 5], row 1 [10, 6], row 2 [10, 7], row 3 [12, 7], row 4 [12, 7].
    expect(Array.from(prepared.filled)).toEqual([NaN, 5, 10, 6, 10, 7, 12, 7, 12, 7]);
    // A: priced rows 1 and 3, one hole (row 2) between them; B: rows 0..2, none.
    expect(Array.from(prepared.firstPriced)).toEqual([1, 0]);
    expect(Array.from(prepared.lastPriced)).toEqual([3, 2]);
    expect(Array.from(prepared.holes)).toEqual([1, 0]);
    // An asset never priced: first = nRows, last = −1.
    const none = preparePanel({ dates: Int32Array.of(1, 2), assets: ['X'], values: Float64Array.of(NaN, NaN) });
    expect([none.firstPriced[0], none.lastPriced[0], none.holes[0]]).toEqual([2, -1, 0]);
  });

  it('prefix sums, counts and returns by hand; an odd asset count and reused buffers give the same', () => {
    // Three assets (the third passes alone); prices 100, 110, 99 give returns 0.1 and −0.1.
    const panel = { dates: Int32Array.of(1, 2, 3), assets: ['A', 'B', 'C'], values: Float64Array.of(100, 110, 99, 10, NaN, 10, 50, 55, 60.5) };
    const p = preparePanel(panel);
    // Row-major prefix rows t = 0..3 over [A, B, C]: count of finite returns on rows < t.
    expect(Array.from(p.count)).toEqual([0, 0, 0, 0, 0, 0, 1, 0, 1, 2, 0, 2]);
    expect(p.sum[3 * 3]).toBeCloseTo(0.1 - 0.1, 15);
    expect(p.sumSq[3 * 3]).toBeCloseTo(0.01 + 0.01, 15);
    // C: returns 0.1 and 0.1 (55/50, 60.5/55).
    expect(p.sum[3 * 3 + 2]).toBeCloseTo(0.2, 15);
    expect(p.returns[1]).toBeCloseTo(0.1, 15);
    expect(Number.isNaN(p.returns[4])).toBe(true);
    // Buffers of an earlier panel of the same shape, filled with other values first.
    const other = preparePanel({ ...panel, values: panel.values.map((v) => v * 3 + 1) });
    const again = preparePanel(panel, other);
    expect(again.count).toBe(other.count);
    for (const k of ['count', 'sum', 'sumSq', 'filled'] as const) expect(Array.from(again[k])).toEqual(Array.from(p[k]));
  });
});

