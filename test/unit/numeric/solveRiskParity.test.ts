import { describe, expect, it } from 'vitest';
import { solveRiskParity } from '../../../src/numeric/solveRiskParity.js';
import { flat, naiveCovariance, syntheticInput } from '../allocation/syntheticInput.js';

/** Risk contributions w_i (Σw)_i, computed naively. */
function contributions(cov: number[][], w: ArrayLike<number>): number[] {
  return cov.map((row, i) => (w[i] as number) * row.reduce((s, c, j) => s + c * (w[j] as number), 0));
}

describe('solveRiskParity', () => {
  it.each([-0.6, 0, 0.3, 0.95])('two assets: w ∝ 1/σ whatever the correlation (ρ = %s)', (rho) => {
    // σ = (0.1, 0.25): w = (1/0.1, 1/0.25)/(10 + 4) = (10/14, 4/14).
    const s1 = 0.1;
    const s2 = 0.25;
    const cov = Float64Array.of(s1 * s1, rho * s1 * s2, rho * s1 * s2, s2 * s2);
    const r = solveRiskParity(cov, 2);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.weights[0]).toBeCloseTo(10 / 14, 12);
    expect(r.weights[1]).toBeCloseTo(4 / 14, 12);
  });

  it('equalises risk contributions to 1e-8 relative on a 12-asset sample covariance', () => {
    const cov = naiveCovariance(syntheticInput(3, 12, 300));
    const r = solveRiskParity(flat(cov), 12);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const rc = contributions(cov, r.weights);
    const total = rc.reduce((a, b) => a + b, 0);
    const spread = (Math.max(...rc) - Math.min(...rc)) / (total / 12);
    expect(spread).toBeLessThan(1e-8);
    expect([...r.weights].reduce((a, b) => a + b, 0)).toBeCloseTo(1, 14);
    expect([...r.weights].every((w) => w > 0)).toBe(true);
  });

  it('meets given risk budgets: RC_i / wᵀΣw = b_i', () => {
    const cov = naiveCovariance(syntheticInput(4, 3, 200));
    const budgets = Float64Array.of(0.5, 0.3, 0.2);
    const r = solveRiskParity(flat(cov), 3, { budgets });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const rc = contributions(cov, r.weights);
    const total = rc.reduce((a, b) => a + b, 0);
    rc.forEach((c, i) => expect(c / total).toBeCloseTo(budgets[i]!, 9));
  });

  it('fails on a zero variance instead of dividing by it', () => {
    const r = solveRiskParity(Float64Array.of(0.04, 0, 0, 0), 2);
    expect(r.ok ? '' : r.reason).toMatch(/variance/);
  });
});
