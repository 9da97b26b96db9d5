import { describe, expect, it } from 'vitest';
import { eigenProjection, symmetricEigenQl } from '../../../src/numeric/symmetricEigenQl.js';
import { symmetricEigen } from '../../../src/numeric/symmetricEigen.js';

/** A seeded linear congruential generator (deterministic), uniform on [−0.5, 0.5). */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32 - 0.5;
  };
}

function randomSymmetric(n: number, rand: () => number): Float64Array {
  const a = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = i; j < n; j++) a[i * n + j] = a[j * n + i] = rand() * 4;
  return a;
}

/** XᵀX / (T − 1) of a random T×k block: a covariance of rank ≤ min(T − 1, k). */
function randomCovariance(k: number, t: number, rand: () => number): Float64Array {
  const x = Array.from({ length: t * k }, () => rand() * 0.02);
  const cov = new Float64Array(k * k);
  for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) {
    let s = 0;
    for (let r = 0; r < t; r++) s += x[r * k + i]! * x[r * k + j]!;
    cov[i * k + j] = s / (t - 1);
  }
  return cov;
}

describe('symmetricEigenQl (Householder + implicit QL) against the cyclic Jacobi reference', () => {
  it('matches the 2×2 closed form', () => {
    // A = [[4, 1.5], [1.5, 1]]: λ = 2.5 ± √(1.5² + 1.5²) = 2.5 ± 2.1213203435596424
    const { values } = symmetricEigenQl(Float64Array.from([4, 1.5, 1.5, 1]), 2);
    expect(values[0]).toBeCloseTo(2.5 + Math.sqrt(4.5), 14);
    expect(values[1]).toBeCloseTo(2.5 - Math.sqrt(4.5), 14);
  });

  it('gives Jacobi\'s eigenvalues and (up to sign) eigenvectors to 1e-10 on random symmetric matrices', () => {
    const rand = lcg(7);
    for (const n of [1, 2, 3, 5, 8, 13, 30, 64]) {
      for (let trial = 0; trial < 3; trial++) {
        const a = randomSymmetric(n, rand);
        const ql = symmetricEigenQl(a, n);
        const jac = symmetricEigen(a, n);
        for (let k = 0; k < n; k++) {
          expect(Math.abs(ql.values[k]! - jac.values[k]!)).toBeLessThan(1e-10);
          // Random matrices have distinct eigenvalues: the vectors agree up to sign, |cos| = 1.
          let cos = 0;
          for (let i = 0; i < n; i++) cos += ql.vectors[i * n + k]! * jac.vectors[i * n + k]!;
          expect(Math.abs(Math.abs(cos) - 1)).toBeLessThan(1e-10);
        }
      }
    }
  });

  it('reconstructs A = V Λ Vᵀ with V orthogonal to 1e-12', () => {
    const rand = lcg(11);
    const n = 20;
    const a = randomSymmetric(n, rand);
    const { values, vectors } = symmetricEigenQl(a, n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) {
      let rec = 0;
      let dot = 0;
      for (let k = 0; k < n; k++) {
        rec += vectors[i * n + k]! * values[k]! * vectors[j * n + k]!;
        dot += vectors[k * n + i]! * vectors[k * n + j]!;
      }
      expect(Math.abs(rec - a[i * n + j]!)).toBeLessThan(1e-12);
      expect(Math.abs(dot - (i === j ? 1 : 0))).toBeLessThan(1e-12);
    }
  });

  it('leaves a diagonal matrix on the unit axes, and the projections are then the entries of w', () => {
    // diag(1, 3, 2): values 3, 2, 1 with vectors e_2, e_3, e_1, so projections (w_2, w_3, w_1).
    const { values, projections } = eigenProjection(Float64Array.from([1, 0, 0, 0, 3, 0, 0, 0, 2]), 3, Float64Array.of(0.5, 0.3, 0.2));
    expect(Array.from(values)).toEqual([3, 2, 1]);
    expect(Array.from(projections).map(Math.abs)).toEqual([0.3, 0.2, 0.5]);
  });

  it('eigenProjection: squared projections e_kᵀw equal Jacobi\'s to 1e-10, full-rank and rank-deficient covariances', () => {
    const rand = lcg(23);
    for (const [k, t] of [[4, 100], [12, 63], [30, 10], [50, 20]] as const) {
      const cov = randomCovariance(k, t, rand);
      const scale = Math.max(...Array.from(cov, Math.abs));
      const w = Float64Array.from({ length: k }, () => rand() + 0.5);
      const p = eigenProjection(cov, k, w);
      const jac = symmetricEigen(cov, k);
      for (let c = 0; c < k; c++) {
        expect(Math.abs(p.values[c]! - jac.values[c]!) / scale).toBeLessThan(1e-12);
        // λ_k y_k² is what effective bets use; on the repeated zero eigenvalues of a rank-deficient
        // Σ the individual vectors are arbitrary but λ ≈ 0 there, so compare λ·y².
        let y = 0;
        for (let i = 0; i < k; i++) y += jac.vectors[i * k + c]! * w[i]!;
        expect(Math.abs(p.values[c]! * p.projections[c]! ** 2 - jac.values[c]! * y * y) / scale).toBeLessThan(1e-10);
      }
    }
  });
});
