import { describe, expect, it } from 'vitest';
import { preparePanel, windowVariance } from '../../../src/engine/preparePanel.js';
import { valuesInMemory } from '../../../src/wasm/panelValues.js';
import { wasmKernels } from '../../../src/wasm/wasmKernels.js';

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

  it('eight-, two- and one-asset passes give the bits of a plain per-asset Neumaier pass (11 assets, gaps, late listings)', () => {
    const N = 300;
    const m = 11;
    let seed = 99;
    const rand = (): number => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32;
    const values = new Float64Array(N * m);
    for (let a = 0; a < m; a++) {
      let p = 10 + a;
      for (let t = 0; t < N; t++) {
        p *= 1 + (rand() - 0.49) * 0.04;
        // Asset a lists on row 7a; about 5% of its later rows have no price; asset 3 has a 0 on row 100.
        values[a * N + t] = t < 7 * a || rand() < 0.05 ? NaN : a === 3 && t === 100 ? 0 : p;
      }
    }
    const prepared = preparePanel({ dates: Int32Array.from({ length: N }, (_, i) => i), assets: Array.from({ length: m }, (_, i) => `A${i}`), values });
    for (let a = 0; a < m; a++) {
      // The reference, written plainly: Neumaier sums of r and r² over the finite returns.
      let s1 = 0, c1 = 0, s2 = 0, c2 = 0, k = 0, last = NaN, first = -1, lastRow = -1; // prettier-ignore
      for (let t = 0; t < N; t++) {
        const p = values[a * N + t]!;
        if (p > 0) {
          last = p;
          if (first < 0) first = t;
          lastRow = t;
        }
        expect(prepared.filled[t * m + a]).toBe(last);
        if (t > 0) {
          const r = p / values[a * N + t - 1]! - 1;
          if (Number.isFinite(r)) {
            let u = s1 + r;
            c1 += Math.abs(s1) >= Math.abs(r) ? s1 - u + r : r - u + s1;
            s1 = u;
            u = s2 + r * r;
            c2 += s2 >= r * r ? s2 - u + r * r : r * r - u + s2;
            s2 = u;
            k++;
          }
        }
        expect(prepared.count[(t + 1) * m + a]).toBe(k);
        expect(prepared.sum[(t + 1) * m + a]).toBe(s1 + c1);
        expect(prepared.sumSq[(t + 1) * m + a]).toBe(s2 + c2);
      }
      let holes = 0;
      for (let t = first; t <= lastRow; t++) if (!(values[a * N + t]! > 0)) holes++;
      expect([prepared.firstPriced[a], prepared.lastPriced[a], prepared.holes[a]]).toEqual([first, lastRow, holes]);
    }
  });
  it.skipIf(wasmKernels === null)('a panel whose values live in a values memory takes its spans from the kernel (pricedSpans): the same as scanning a plain copy', () => {
    // 16 assets × 5,000 rows = 80,000 cells (≥ VALUES_CELLS). Asset a lists on row 100a, asset 5
    // has no price at all, asset 6 has a hole on rows 2,000–2,009 (10 unpriced rows, one a 0),
    // asset 7 stops at row 4,000, asset 8 has a negative price on row 50 (not a price).
    const N = 5000;
    const m = 16;
    const values = valuesInMemory(N * m);
    expect(values).not.toBeNull();
    for (let a = 0; a < m; a++) {
      for (let t = 0; t < N; t++) {
        const unpriced = t < 100 * a || a === 5 || (a === 6 && t >= 2000 && t < 2010) || (a === 7 && t > 4000);
        values![a * N + t] = unpriced ? (a === 6 && t === 2005 ? 0 : Number.NaN) : a === 8 && t === 50 ? -3 : 10 + a + t / 1000;
      }
    }
    const dates = Int32Array.from({ length: N }, (_, i) => i);
    const assets = Array.from({ length: m }, (_, i) => `A${i}`);
    const inMemory = preparePanel({ dates, assets, values: values! });
    const plain = preparePanel({ dates, assets, values: Float64Array.from(values!) });
    for (const k of ['firstPriced', 'lastPriced', 'holes'] as const) expect(Array.from(inMemory[k])).toEqual(Array.from(plain[k]));
    // By hand: asset 6 lists on row 600, ends on row 4,999, 10 rows without a price between;
    // asset 5 has none (first N, last −1, no holes); asset 7 ends on row 4,000; asset 8's
    // negative price on row 50 lies before its first price (row 800) and is not counted.
    expect([inMemory.firstPriced[6], inMemory.lastPriced[6], inMemory.holes[6]]).toEqual([600, N - 1, 10]);
    expect([inMemory.firstPriced[5], inMemory.lastPriced[5], inMemory.holes[5]]).toEqual([N, -1, 0]);
    expect([inMemory.firstPriced[7], inMemory.lastPriced[7], inMemory.holes[7]]).toEqual([700, 4000, 0]);
    expect([inMemory.firstPriced[8], inMemory.lastPriced[8], inMemory.holes[8]]).toEqual([800, N - 1, 0]);
  });
});

