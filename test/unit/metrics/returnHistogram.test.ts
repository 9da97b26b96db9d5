/**
 * returnHistogram against hand-computed bins and a naive reference: Freedman–Diaconis width
 * from a type-7 IQR computed here, counts by direct comparison with the edges, and the
 * normal overlay by Simpson integration of the normal density over each bin.
 */
import { describe, expect, it } from 'vitest';
import { returnHistogram } from '../../../src/metrics/returnHistogram.js';

function q7(sorted: number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  return lo + 1 < sorted.length ? sorted[lo]! + (h - lo) * (sorted[lo + 1]! - sorted[lo]!) : sorted[lo]!;
}
function simpson(f: (x: number) => number, a: number, b: number, m = 200): number {
  const h = (b - a) / m;
  let s = f(a) + f(b);
  for (let i = 1; i < m; i++) s += f(a + i * h) * (i % 2 ? 4 : 2);
  return (s * h) / 3;
}

describe('returnHistogram', () => {
  it('spans the data with at least 10 equal bins, counts by hand', () => {
    // 0..9 / 100: IQR (type 7) = 0.0675 − 0.0225 = 0.045, FD width 2·0.045·10^(−1/3) = 0.04177,
    // ⌈0.09 / 0.04177⌉ = 3 bins → raised to 10; width 0.009; one value per bin, 0.09 in the last.
    const h = returnHistogram(Float64Array.from({ length: 10 }, (_, i) => i / 100))!;
    expect(h.counts).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 1, 1]);
    expect(h.edges[0]).toBe(0);
    expect(h.edges[10]).toBe(0.09);
    expect(h.edges[1]).toBeCloseTo(0.009, 15);
    expect(h.mean).toBeCloseTo(0.045, 15);
    expect(h.n).toBe(10);
  });

  it('matches a naive reference on 3,000 skewed returns', () => {
    let seed = 11;
    const rand = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const x = Float64Array.from({ length: 3000 }, () => {
      const u = rand();
      return (u < 0.9 ? (rand() - 0.5) * 0.02 : -rand() * 0.08) + 0.0003;
    });
    const h = returnHistogram(x)!;
    const sorted = [...x].sort((a, b) => a - b);
    const lo = sorted[0]!;
    const hi = sorted[sorted.length - 1]!;
    const width = 2 * (q7(sorted, 0.75) - q7(sorted, 0.25)) * Math.cbrt(1 / 3000);
    const k = Math.min(80, Math.max(10, Math.ceil((hi - lo) / width)));
    expect(h.counts.length).toBe(k);
    const edges = Array.from({ length: k + 1 }, (_, i) => (i === k ? hi : lo + (i * (hi - lo)) / k));
    for (let i = 0; i <= k; i++) expect(Math.abs(h.edges[i]! - edges[i]!)).toBeLessThan(1e-15);
    const counts = h.edges.slice(0, -1).map((e, i) => sorted.filter((v) => v >= e && (i === k - 1 ? v <= hi : v < h.edges[i + 1]!)).length);
    expect(h.counts).toEqual(counts);
    expect(h.counts.reduce((s, c) => s + c, 0)).toBe(3000);
    const m = sorted.reduce((s, v) => s + v, 0) / 3000;
    const sd = Math.sqrt(sorted.reduce((s, v) => s + (v - m) ** 2, 0) / 2999);
    expect(Math.abs(h.mean - m)).toBeLessThan(1e-15);
    expect(Math.abs(h.sd - sd)).toBeLessThan(1e-15);
    const pdf = (v: number) => Math.exp(-0.5 * ((v - m) / sd) ** 2) / (sd * Math.sqrt(2 * Math.PI));
    for (let i = 0; i < k; i++) expect(Math.abs(h.normal[i]! - 3000 * simpson(pdf, h.edges[i]!, h.edges[i + 1]!)), `bin ${i}`).toBeLessThan(1e-8);
  });

  it('is null for fewer than 2 returns or all equal', () => {
    expect(returnHistogram(Float64Array.of(0.01))).toBeNull();
    expect(returnHistogram(Float64Array.of(0.01, 0.01, Number.NaN))).toBeNull();
  });
});
