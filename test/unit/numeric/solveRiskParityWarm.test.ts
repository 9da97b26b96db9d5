import { describe, expect, it } from 'vitest';
import { solveRiskParity, solveRiskParityWarm } from '../../../src/numeric/solveRiskParity.js';
import { flat, mulberry32, naiveCovariance, syntheticInput } from '../allocation/syntheticInput.js';

/** Risk contributions w_i (Σw)_i, computed naively. */
function contributions(cov: number[][], w: ArrayLike<number>): number[] {
  return cov.map((row, i) => (w[i] as number) * row.reduce((s, c, j) => s + c * (w[j] as number), 0));
}

describe('solveRiskParityWarm (cyclic coordinate descent from a warm start)', () => {
  it.each([-0.6, 0, 0.3, 0.95])('two assets from (½, ½): w ∝ 1/σ (ρ = %s)', (rho) => {
    // σ = (0.1, 0.25): w = (1/0.1, 1/0.25)/(10 + 4) = (10/14, 4/14). Stopping at a relative
    // contribution spread ≤ 1e-8 leaves the weights within ~1e-9 of it.
    const cov = Float64Array.of(0.01, rho * 0.025, rho * 0.025, 0.0625);
    const r = solveRiskParityWarm(cov, 2, Float64Array.of(0.5, 0.5));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(Math.abs(r.weights[0]! - 10 / 14)).toBeLessThan(1e-9);
    expect(Math.abs(r.weights[1]! - 4 / 14)).toBeLessThan(1e-9);
  });

  it('from the previous window’s weights: contributions equal to 1e-8 and weights equal to Newton’s to 1e-8', () => {
    // Two overlapping windows of a 12-asset panel: the solution of the first starts the second.
    const input = syntheticInput(3, 12, 320);
    const window = (from: number) => ({ ...input, returns: Float64Array.from({ length: 12 * 300 }, (_, x) => input.returns[Math.floor(x / 300) * 320 + from + (x % 300)]!), length: 300 });
    const before = solveRiskParity(flat(naiveCovariance(window(0))), 12);
    const cov = naiveCovariance(window(20));
    const newton = solveRiskParity(flat(cov), 12);
    expect(before.ok && newton.ok).toBe(true);
    if (!before.ok || !newton.ok) return;
    const r = solveRiskParityWarm(flat(cov), 12, before.weights);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const rc = contributions(cov, r.weights);
    const total = rc.reduce((a, b) => a + b, 0);
    expect((Math.max(...rc) - Math.min(...rc)) / (total / 12)).toBeLessThan(1e-8);
    r.weights.forEach((w, i) => expect(Math.abs(w - newton.weights[i]!)).toBeLessThan(1e-8));
    expect([...r.weights].reduce((a, b) => a + b, 0)).toBeCloseTo(1, 14);
  });

  it('meets risk budgets from a random start: RC_i / wᵀΣw = b_i', () => {
    const cov = naiveCovariance(syntheticInput(4, 3, 200));
    const budgets = Float64Array.of(0.5, 0.3, 0.2);
    const rand = mulberry32(9);
    const r = solveRiskParityWarm(flat(cov), 3, Float64Array.from({ length: 3 }, () => 0.1 + rand()), { budgets });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const rc = contributions(cov, r.weights);
    const total = rc.reduce((a, b) => a + b, 0);
    // The convergence test bounds max |RC_i/b_i − RC_j/b_j| / wᵀΣw by 1e-8, and Σ_i RC_i = wᵀΣw,
    // so each share is within 1e-8 · b_i of its budget (Newton usually stops far inside that).
    rc.forEach((c, i) => expect(Math.abs(c / total - budgets[i]!)).toBeLessThan(1e-8 * budgets[i]!));
  });

  it('falls back to Newton from its cold start on an unusable start or when the sweeps run out', () => {
    const cov = flat(naiveCovariance(syntheticInput(5, 8, 120)));
    const newton = solveRiskParity(cov, 8);
    const zero = solveRiskParityWarm(cov, 8, Float64Array.of(0.2, 0.2, 0, 0.2, 0.1, 0.1, 0.1, 0.1));
    const short = solveRiskParityWarm(cov, 8, new Float64Array(8).fill(1 / 8), { maxSweeps: 1 });
    expect(zero).toEqual(newton);
    expect(short).toEqual(newton);
    expect(solveRiskParityWarm(Float64Array.of(0.04, 0, 0, 0), 2, Float64Array.of(0.5, 0.5))).toEqual(solveRiskParity(Float64Array.of(0.04, 0, 0, 0), 2));
  });
});
