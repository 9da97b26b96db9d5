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
});
