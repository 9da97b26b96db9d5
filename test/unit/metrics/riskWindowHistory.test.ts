/**
 * Risk contribution at a rebalance near the period start: with the prices' history, the
 * trailing window reaches before row 0 instead of being cut (and the rebalance skipped).
 */
import { describe, expect, it } from 'vitest';
import { computeConcentration } from '../../../src/metrics/computeConcentration.js';

describe('risk window with history', () => {
  // Two assets, 3 history rows then a 3-row period (full rows 0..5; the period starts at 3).
  const a = [100, 102, 99, 103, 104, 101];
  const b = [50, 50.5, 51, 50, 50.2, 50.1];
  const values = Float64Array.from([...a, ...b]);
  const prices = { values, stride: 6, offset: 3 };
  const nDates = 3;
  // Post-trade weights 0.6/0.4 from period row 1 on (the trade row).
  const weights = Float64Array.from([0, 0.6, 0.6, 0, 0.4, 0.4]);
  const input = {
    dates: Int32Array.of(19000, 19001, 19002),
    assets: ['A', 'B'],
    weights,
    assetReturns: Float64Array.from([NaN, a[4]! / a[3]! - 1, a[5]! / a[4]! - 1, NaN, b[4]! / b[3]! - 1, b[5]! / b[4]! - 1]),
    portfolioReturns: new Float64Array(3),
    sleeves: [],
    rebalanceIndices: Int32Array.of(1),
    riskWindow: 4,
    topK: 3,
  };

  it('is skipped without the history (one return row in the window)', () => {
    const c = computeConcentration(input).summary as { riskContribution: { rebalancesUsed: number } };
    expect(c.riskContribution.rebalancesUsed).toBe(0);
  });

  it('uses rows −2..1 of the period (full rows 1..4) with the history', () => {
    const c = computeConcentration({ ...input, riskPrices: prices }).summary as { riskContribution: { assets: Record<string, number>; rebalancesUsed: number } };
    expect(c.riskContribution.rebalancesUsed).toBe(1);
    // By hand: the four returns of each asset on full rows 1..4, their sample covariance, then
    // RC_i = w_i (Σw)_i / wᵀΣw.
    const ra = [1, 2, 3, 4].map((s) => a[s]! / a[s - 1]! - 1);
    const rb = [1, 2, 3, 4].map((s) => b[s]! / b[s - 1]! - 1);
    const mean = (x: number[]) => x.reduce((p, q) => p + q, 0) / x.length;
    const cov = (x: number[], y: number[]) => x.reduce((s, xi, i) => s + (xi - mean(x)) * (y[i]! - mean(y)), 0) / (x.length - 1);
    const [saa, sab, sbb] = [cov(ra, ra), cov(ra, rb), cov(rb, rb)];
    const sw = [saa * 0.6 + sab * 0.4, sab * 0.6 + sbb * 0.4];
    const total = 0.6 * sw[0]! + 0.4 * sw[1]!;
    expect(c.riskContribution.assets['A']).toBeCloseTo((0.6 * sw[0]!) / total, 12);
    expect(c.riskContribution.assets['B']).toBeCloseTo((0.4 * sw[1]!) / total, 12);
  });
});
