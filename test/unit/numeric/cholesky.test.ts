import { describe, expect, it } from 'vitest';
import { choleskyFactor, choleskySolve } from '../../../src/numeric/cholesky.js';

describe('cholesky', () => {
  it('factors a hand-made matrix and solves a system', () => {
    // A = L Lᵀ with L = [[2,0,0],[1,3,0],[-1,2,1]]: A = [[4,2,-2],[2,10,5],[-2,5,6]].
    const a = Float64Array.of(4, 2, -2, 2, 10, 5, -2, 5, 6);
    expect(choleskyFactor(a, 3)).toBe(true);
    expect([a[0], a[3], a[4], a[6], a[7], a[8]]).toEqual([2, 1, 3, -1, 2, 1]);
    // A x = b with x = (1, -1, 2): b = (4 − 2 − 4, 2 − 10 + 10, −2 − 5 + 12) = (−2, 2, 5).
    const b = Float64Array.of(-2, 2, 5);
    choleskySolve(a, 3, b);
    expect([...b].map((v) => Math.round(v * 1e12) / 1e12)).toEqual([1, -1, 2]);
  });

  it('rejects a singular or indefinite matrix', () => {
    expect(choleskyFactor(Float64Array.of(1, 1, 1, 1), 2)).toBe(false);
    expect(choleskyFactor(Float64Array.of(1, 2, 2, 1), 2)).toBe(false);
  });
});
