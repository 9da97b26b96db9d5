import { describe, expect, it } from 'vitest';
import { blackLittermanPosterior } from '../../../src/numeric/blackLittermanPosterior.js';
import { gaussSolve } from '../allocation/syntheticInput.js';

/** A hand-built 3-asset covariance (annual): σ = 0.2, 0.15, 0.1; ρ_12 = 0.5, ρ_13 = 0.2, ρ_23 = 0.3. */
const S = [
  [0.04, 0.015, 0.004],
  [0.015, 0.0225, 0.0045],
  [0.004, 0.0045, 0.01],
];
const flat = Float64Array.from(S.flat());
const prior = Float64Array.from([0.5, 0.3, 0.2]);
const mv = (m: number[][], v: number[]) => m.map((row) => row.reduce((s, x, j) => s + x * v[j]!, 0));
const inv = (m: number[][]) => m.map((_, j) => gaussSolve(m, m.map((__, i) => (i === j ? 1 : 0)))).map((col, j, cols) => cols.map((c) => c[j]!)); // columns → rows (symmetric anyway)

describe('Black–Litterman posterior', () => {
  it('one relative view: the closed form of He & Litterman, [(τΣ)⁻¹ + PᵀΩ⁻¹P]⁻¹[(τΣ)⁻¹π + PᵀΩ⁻¹Q], computed naively', () => {
    const tau = 0.05;
    const delta = 2.5;
    const p = [1, -1, 0]; // asset 1 beats asset 2 by 3% a year
    const q = 0.03;
    const c = 0.6;
    const r = blackLittermanPosterior({ cov: flat, k: 3, prior, p: Float64Array.from(p), q: Float64Array.of(q), confidence: Float64Array.of(c), tau, riskAversion: delta });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const pi = mv(S, [...prior]).map((x) => x * delta);
    r.pi.forEach((x, i) => expect(x).toBeCloseTo(pi[i]!, 15));
    // Ω = τ (1 − c)/c · pΣpᵀ, pΣpᵀ = .04 + .0225 − 2·.015 = .0325.
    const omega = (tau * (1 - c) * 0.0325) / c;
    expect(r.omega[0]).toBeCloseTo(omega, 15);
    const tsInv = inv(S).map((row) => row.map((x) => x / tau));
    const lhs = tsInv.map((row, i) => row.map((x, j) => x + (p[i]! * p[j]!) / omega));
    const rhs = mv(tsInv, pi).map((x, i) => x + (p[i]! * q) / omega);
    const expected = gaussSolve(lhs, rhs);
    r.mean.forEach((x, i) => expect(x).toBeCloseTo(expected[i]!, 12));
    // Posterior covariance Σ + [(τΣ)⁻¹ + PᵀΩ⁻¹P]⁻¹.
    const m = inv(lhs);
    r.cov.forEach((x, idx) => expect(x).toBeCloseTo(S[Math.floor(idx / 3)]![idx % 3]! + m[Math.floor(idx / 3)]![idx % 3]!, 12));
  });

  it('Idzorek: the unconstrained weights (δΣ)⁻¹μ move exactly c of the way from the prior to the 100% view', () => {
    const p = Float64Array.from([0, 0, 1]); // absolute: asset 3 returns 8% a year
    const weights = (c: number) => {
      const r = blackLittermanPosterior({ cov: flat, k: 3, prior, p, q: Float64Array.of(0.08), confidence: Float64Array.of(c), tau: 0.05, riskAversion: 2.5 });
      if (!r.ok) throw new Error(r.reason);
      return gaussSolve(S.map((row) => row.map((x) => 2.5 * x)), [...r.mean]);
    };
    const full = weights(1);
    // At 100% the view holds exactly: μ_3 = 0.08.
    const atFull = blackLittermanPosterior({ cov: flat, k: 3, prior, p, q: Float64Array.of(0.08), confidence: Float64Array.of(1), tau: 0.05, riskAversion: 2.5 });
    expect(atFull.ok && atFull.mean[2]).toBeCloseTo(0.08, 14);
    for (const c of [0.25, 0.5, 0.9]) {
      const w = weights(c);
      w.forEach((x, i) => expect(x - prior[i]!).toBeCloseTo(c * (full[i]! - prior[i]!), 12));
    }
    // No view: the prior weights themselves, (δΣ)⁻¹ δΣ w = w.
    const none = blackLittermanPosterior({ cov: flat, k: 3, prior, p: new Float64Array(0), q: new Float64Array(0), confidence: new Float64Array(0), tau: 0.05, riskAversion: 2.5 });
    expect(none.ok).toBe(true);
    if (none.ok) gaussSolve(S.map((row) => row.map((x) => 2.5 * x)), [...none.mean]).forEach((x, i) => expect(x).toBeCloseTo(prior[i]!, 12));
  });

  it('two identical views at 100% confidence are dependent: a failure, not NaN', () => {
    const r = blackLittermanPosterior({ cov: flat, k: 3, prior, p: Float64Array.from([1, 0, 0, 1, 0, 0]), q: Float64Array.of(0.05, 0.06), confidence: Float64Array.of(1, 1), tau: 0.05, riskAversion: 2.5 });
    expect(r).toEqual({ ok: false, reason: 'the views are linearly dependent (PτΣPᵀ + Ω is singular)' });
  });
});
