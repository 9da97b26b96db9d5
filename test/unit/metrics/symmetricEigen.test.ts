import { describe, expect, it } from 'vitest';
import { symmetricEigen } from '../../../src/numeric/symmetricEigen.js';

/** A seeded linear congruential generator (deterministic). */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32 - 0.5;
  };
}

describe('symmetricEigen (cyclic Jacobi)', () => {
  it('matches the 2×2 closed form', () => {
    // A = [[a, b], [b, c]]: λ = (a + c)/2 ± √(((a − c)/2)² + b²)
    const a = 4;
    const b = 1.5;
    const c = 1;
    const mid = (a + c) / 2;
    const rad = Math.sqrt(((a - c) / 2) ** 2 + b * b); // √(2.25 + 2.25) = 2.1213203
    const { values, vectors } = symmetricEigen(Float64Array.from([a, b, b, c]), 2);
    expect(values[0]).toBeCloseTo(mid + rad, 14);
    expect(values[1]).toBeCloseTo(mid - rad, 14);
    // Eigenvector of λ1 is ∝ (b, λ1 − a); compare directions (sign-free) by |cos| = 1.
    const ex = b;
    const ey = mid + rad - a;
    const norm = Math.hypot(ex, ey);
    const cos = ((vectors[0] as number) * ex + (vectors[2] as number) * ey) / norm;
    expect(Math.abs(cos)).toBeCloseTo(1, 14);
  });

  it('reconstructs A = V Λ Vᵀ to 1e-12 on random symmetric matrices, with V orthogonal', () => {
    const rand = lcg(42);
    for (const n of [1, 3, 5, 8, 12]) {
      for (let trial = 0; trial < 5; trial++) {
        const a = new Float64Array(n * n);
        for (let i = 0; i < n; i++) for (let j = i; j < n; j++) a[i * n + j] = a[j * n + i] = rand() * 4;
        const { values, vectors } = symmetricEigen(a, n);
        for (let k = 1; k < n; k++) expect(values[k] as number).toBeLessThanOrEqual(values[k - 1] as number);
        for (let i = 0; i < n; i++) {
          for (let j = 0; j < n; j++) {
            let rec = 0;
            let dot = 0;
            for (let k = 0; k < n; k++) {
              rec += (vectors[i * n + k] as number) * (values[k] as number) * (vectors[j * n + k] as number);
              dot += (vectors[k * n + i] as number) * (vectors[k * n + j] as number); // VᵀV
            }
            expect(Math.abs(rec - (a[i * n + j] as number))).toBeLessThan(1e-12);
            expect(Math.abs(dot - (i === j ? 1 : 0))).toBeLessThan(1e-12);
          }
        }
      }
    }
  });

  it('leaves a diagonal matrix alone (unit eigenvectors)', () => {
    const { values, vectors, sweeps } = symmetricEigen(Float64Array.from([1, 0, 0, 0, 3, 0, 0, 0, 2]), 3);
    expect(sweeps).toBe(0);
    expect(Array.from(values)).toEqual([3, 2, 1]);
    // column 0 is e_2, column 1 is e_3, column 2 is e_1
    expect(Array.from(vectors)).toEqual([0, 0, 1, 1, 0, 0, 0, 1, 0]);
  });
});
