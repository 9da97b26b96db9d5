import { describe, expect, it } from 'vitest';
import { covarianceKernel } from '../../../src/numeric/covarianceKernel.js';
import { syntheticInput, naiveCovariance } from '../allocation/syntheticInput.js';

describe('covarianceKernel', () => {
  it('equals the naive sample covariance (ddof 1) and the ML one (ddof 0)', () => {
    const input = syntheticInput(51, 7, 103); // 103 rows: exercises the unrolled remainder
    const naive = naiveCovariance(input);
    const one = covarianceKernel(input.returns, 7, 103, 1);
    const zero = covarianceKernel(input.returns, 7, 103, 0);
    naive.flat().forEach((v, k) => {
      expect(Math.abs((one.cov[k] as number) - v)).toBeLessThan(1e-17);
      expect(Math.abs((zero.cov[k] as number) - (v * 102) / 103)).toBeLessThan(1e-17);
    });
  });

  it('drops rows where any series is NaN (listwise), by hand', () => {
    // Rows: (1, 2), (NaN, 5), (3, 6): complete rows 0 and 2 → A = (1, 3), B = (2, 6);
    // means 2 and 4; cov = [(−1)(−2) + (1)(2)]/(2 − 1) = 4, var A = 2, var B = 8.
    const r = covarianceKernel(Float64Array.of(1, Number.NaN, 3, 2, 5, 6), 2, 3, 1);
    expect(r.rowsUsed).toBe(2);
    expect([...r.cov]).toEqual([2, 4, 4, 8]);
    expect(Number.isNaN(covarianceKernel(Float64Array.of(1, 2), 1, 2, 1).cov[0] as number)).toBe(false);
    expect(Number.isNaN(covarianceKernel(Float64Array.of(1, Number.NaN), 1, 2, 1).cov[0] as number)).toBe(true);
  });
});
