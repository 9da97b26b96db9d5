import { describe, expect, it } from 'vitest';
import { solveMinVarianceQp } from '../../../src/numeric/solveMinVarianceQp.js';
import { flat, gaussSolve, mulberry32, naiveCovariance, syntheticInput } from '../allocation/syntheticInput.js';

/**
 * Naive exact reference: enumerate every assignment of each variable to {free, lower, upper},
 * solve the equality-constrained KKT system [Σ_FF −1; 1ᵀ 0][w_F; λ] = [−Σ_FB w_B; 1 − Σ w_B] by
 * Gaussian elimination, keep the feasible ones, return the one with the smallest wᵀΣw. The
 * problem is convex, so this is the global minimum.
 */
function enumerateQp(cov: number[][], lower: number[], upper: number[]): { w: number[]; variance: number } {
  const n = lower.length;
  let best: { w: number[]; variance: number } = { w: [], variance: Infinity };
  for (let code = 0; code < 3 ** n; code++) {
    const status: number[] = [];
    for (let i = 0, c = code; i < n; i++, c = Math.floor(c / 3)) status.push(c % 3);
    const w = status.map((s, i) => (s === 1 ? lower[i]! : s === 2 ? upper[i]! : 0));
    const free = status.flatMap((s, i) => (s === 0 ? [i] : []));
    const fixedSum = w.reduce((a, b, i) => a + (status[i] === 0 ? 0 : b), 0);
    if (free.length === 0) {
      if (Math.abs(fixedSum - 1) > 1e-12) continue;
    } else {
      const a = free.map((i) => [...free.map((j) => cov[i]![j]!), -1]);
      a.push([...free.map(() => 1), 0]);
      const rhs = free.map((i) => -cov[i]!.reduce((acc, c, j) => acc + (status[j] === 0 ? 0 : c * w[j]!), 0));
      rhs.push(1 - fixedSum);
      const x = gaussSolve(a, rhs);
      free.forEach((i, c) => (w[i] = x[c]!));
    }
    if (w.some((v, i) => v < lower[i]! - 1e-12 || v > upper[i]! + 1e-12)) continue;
    const variance = w.reduce((acc, wi, i) => acc + wi * w.reduce((s, wj, j) => s + cov[i]![j]! * wj, 0), 0);
    if (variance < best.variance) best = { w, variance };
  }
  return best;
}

const ones = (n: number, v: number) => new Float64Array(n).fill(v);

describe('solveMinVarianceQp', () => {
  it('matches the two-asset closed form w1 = (σ2² − σ12)/(σ1² + σ2² − 2σ12)', () => {
    // σ1² = 0.04, σ2² = 0.09, σ12 = 0.006: w1 = (0.09 − 0.006)/(0.04 + 0.09 − 0.012) = 0.084/0.118.
    const r = solveMinVarianceQp(Float64Array.of(0.04, 0.006, 0.006, 0.09), 2, ones(2, 0), ones(2, 1));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.weights[0]).toBeCloseTo(0.084 / 0.118, 14);
    expect(r.weights[1]).toBeCloseTo(0.034 / 0.118, 14);
  });

  it('matches Σ⁻¹1 / (1ᵀΣ⁻¹1) on a three-asset case with all weights positive', () => {
    const cov = [
      [0.04, 0.01, 0.004],
      [0.01, 0.05, 0.006],
      [0.004, 0.006, 0.03],
    ];
    const x = gaussSolve(cov, [1, 1, 1]);
    const sum = x.reduce((a, b) => a + b, 0);
    const expected = x.map((v) => v / sum);
    expect(expected.every((v) => v > 0)).toBe(true);
    const r = solveMinVarianceQp(flat(cov), 3, ones(3, 0), ones(3, 1));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expected.forEach((v, i) => expect(r.weights[i]).toBeCloseTo(v, 13));
  });

  it('holds a binding cap and gives the rest to the other asset', () => {
    // Unconstrained w1 = 0.084/0.118 ≈ 0.712 > 0.6, so with a 0.6 cap: w = (0.6, 0.4).
    const r = solveMinVarianceQp(Float64Array.of(0.04, 0.006, 0.006, 0.09), 2, ones(2, 0), ones(2, 0.6));
    expect(r.ok && [...r.weights]).toEqual([0.6, expect.closeTo(0.4, 15)]);
  });

  it('sets to zero an asset the unconstrained solution would short', () => {
    // Asset 2 (σ 0.3) is correlated 0.75 with asset 1 (σ 0.2): σ12 = 0.045 > σ1² = 0.04, so the
    // two-asset block gives Σ⁻¹1 ∝ (0.09 − 0.045, 0.04 − 0.045), negative for asset 2.
    const cov = [
      [0.04, 0.045, 0.0],
      [0.045, 0.09, 0.0],
      [0.0, 0.0, 0.09],
    ];
    const unconstrained = gaussSolve(cov, [1, 1, 1]);
    expect(unconstrained[1]).toBeLessThan(0);
    // With w2 = 0: assets 1 and 3 uncorrelated, w ∝ 1/σ²: (1/0.04, 1/0.09) normalised = (0.09, 0.04)/0.13.
    // KKT: g = Σw gives g1 = g3 = 0.0036/0.13 = λ and g2 = 0.045·0.09/0.13 > λ, so w2 = 0 is optimal.
    const r = solveMinVarianceQp(flat(cov), 3, ones(3, 0), ones(3, 1));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.weights[0]).toBeCloseTo(0.09 / 0.13, 14);
    expect(r.weights[1]).toBe(0);
    expect(r.weights[2]).toBeCloseTo(0.04 / 0.13, 14);
  });

  it('equals the enumerated exact optimum on random problems with caps and floors', () => {
    const rand = mulberry32(7);
    for (let trial = 0; trial < 25; trial++) {
      const n = 6;
      const input = syntheticInput(100 + trial, n, 60);
      const cov = naiveCovariance(input);
      const cap = 0.2 + 0.5 * rand();
      const floor = trial % 3 === 0 ? 0.02 : 0;
      const lower = Array.from({ length: n }, () => floor);
      const upper = Array.from({ length: n }, (_, i) => (i === 0 ? Math.max(cap, 0.3) : cap));
      const reference = enumerateQp(cov, lower, upper);
      const r = solveMinVarianceQp(flat(cov), n, Float64Array.from(lower), Float64Array.from(upper));
      expect(r.ok, `trial ${trial}`).toBe(true);
      if (!r.ok) return;
      reference.w.forEach((v, i) => expect(Math.abs((r.weights[i] as number) - v), `trial ${trial} asset ${i}`).toBeLessThan(1e-10));
    }
  });

  it('warm-started from another problem’s working set, or a wrong one, it finds the same exact optimum', () => {
    const rand = mulberry32(11);
    for (let trial = 0; trial < 25; trial++) {
      const n = 6;
      const cov = naiveCovariance(syntheticInput(200 + trial, n, 60));
      const cap = 0.25 + 0.4 * rand();
      const lower = new Float64Array(n);
      const upper = new Float64Array(n).fill(cap);
      const reference = enumerateQp(cov, [...lower], [...upper]);
      const nearby = solveMinVarianceQp(flat(naiveCovariance(syntheticInput(200 + trial, n, 50))), n, lower, upper);
      expect(nearby.ok).toBe(true);
      if (!nearby.ok) return;
      const wrong = Uint8Array.from({ length: n }, (_, i) => (i % 3 === 0 ? 2 : i % 3 === 1 ? 1 : 0));
      for (const start of [nearby.status, wrong, new Uint8Array(n).fill(2), new Uint8Array(n).fill(1)]) {
        const r = solveMinVarianceQp(flat(cov), n, lower, upper, { start });
        expect(r.ok, `trial ${trial}`).toBe(true);
        if (!r.ok) return;
        reference.w.forEach((v, i) => expect(Math.abs((r.weights[i] as number) - v), `trial ${trial} asset ${i}`).toBeLessThan(1e-10));
      }
    }
  });

  it('reports infeasible caps and floors instead of returning weights', () => {
    const cov = Float64Array.of(0.04, 0, 0, 0.09);
    const caps = solveMinVarianceQp(cov, 2, ones(2, 0), ones(2, 0.4));
    expect(caps.ok ? '' : caps.reason).toMatch(/infeasible caps/);
    const floors = solveMinVarianceQp(cov, 2, ones(2, 0.6), ones(2, 1));
    expect(floors.ok ? '' : floors.reason).toMatch(/infeasible floors/);
  });

  it('reports a singular covariance (a duplicated series)', () => {
    const r = solveMinVarianceQp(Float64Array.of(0.04, 0.04, 0.04, 0.04), 2, ones(2, 0), ones(2, 1));
    expect(r.ok ? '' : r.reason).toMatch(/singular/);
  });
});
