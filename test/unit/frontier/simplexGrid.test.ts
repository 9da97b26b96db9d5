/**
 * The simplex grid of sleeve mixes and the efficient set, against hand enumerations and a naive
 * O(n²) dominance check.
 */
import { describe, expect, it } from 'vitest';
import { efficientSet } from '../../../src/frontier/efficientSet.js';
import { simplexGrid } from '../../../src/frontier/simplexGrid.js';

describe('simplexGrid', () => {
  it('lists every mix of whole steps summing to 1, in lexicographic order', () => {
    // 3 sleeves, step 0.5: (n1, n2, n3) with n1 + n2 + n3 = 2 — C(4, 2) = 6 mixes.
    expect(simplexGrid(3, 0.5)).toEqual([
      [0, 0, 1],
      [0, 0.5, 0.5],
      [0, 1, 0],
      [0.5, 0, 0.5],
      [0.5, 0.5, 0],
      [1, 0, 0],
    ]);
    // 4 sleeves, step 0.05: C(20 + 3, 3) = 1,771; step 0.1: C(13, 3) = 286.
    expect(simplexGrid(4, 0.05)).toHaveLength(1771);
    expect(simplexGrid(4, 0.1)).toHaveLength(286);
    for (const w of simplexGrid(4, 0.1)) expect(Math.abs(w.reduce((a, b) => a + b, 0) - 1)).toBeLessThan(1e-12);
  });

  it('keeps each weight within --min..--max, and refuses a step that does not divide 1', () => {
    // 3 sleeves, step 0.25, each in [0.25, 0.5]: (n1, n2, n3) ∈ {1, 2}³ summing to 4 — (1,1,2), (1,2,1), (2,1,1).
    expect(simplexGrid(3, 0.25, { min: 0.25, max: 0.5 })).toEqual([
      [0.25, 0.25, 0.5],
      [0.25, 0.5, 0.25],
      [0.5, 0.25, 0.25],
    ]);
    expect(() => simplexGrid(3, 0.3)).toThrow(/--step 0.3: expected 1 divided by a whole number/);
    expect(() => simplexGrid(3, 0.5, { min: 0.6, max: 0.4 })).toThrow(/expected 0 ≤ min ≤ max ≤ 1/);
  });
});

describe('efficientSet', () => {
  it('marks the mixes no other mix beats on both CAGR and risk', () => {
    // (cagr, risk): A (0.05, 0.10) efficient; B (0.04, 0.12) dominated by A; C (0.08, 0.15)
    // efficient; D (0.08, 0.20) dominated by C (same CAGR, more risk); E (0.10, 0.20) efficient
    // (beats D at equal risk); F null never efficient.
    const points = [
      { cagr: 0.05, risk: 0.1 },
      { cagr: 0.04, risk: 0.12 },
      { cagr: 0.08, risk: 0.15 },
      { cagr: 0.08, risk: 0.2 },
      { cagr: 0.1, risk: 0.2 },
      { cagr: null, risk: 0.05 },
    ];
    expect(efficientSet(points)).toEqual([true, false, true, false, true, false]);
  });

  it('equals a naive dominance check on random points', () => {
    let s = 12345;
    const rand = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
    for (let round = 0; round < 20; round++) {
      // Coarse values so that ties in risk and in CAGR happen.
      const points = Array.from({ length: 60 }, () => ({ cagr: Math.round(rand() * 20) / 100, risk: Math.round(rand() * 20) / 100 }));
      const naive = points.map((p, i) => !points.some((q, j) => j !== i && q.cagr >= p.cagr && q.risk <= p.risk && (q.cagr > p.cagr || q.risk < p.risk)));
      expect(efficientSet(points)).toEqual(naive);
    }
  });
});
