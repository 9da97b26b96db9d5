import { describe, expect, it } from 'vitest';
import { dayFromYmd } from '../../../src/core/dates.js';
import { computeConcentration, type ConcentrationInput } from '../../../src/metrics/computeConcentration.js';

// Two assets over four days. Day 0: buy A 60%, B 20% (cash 20%). Returns day 1: A +10%, B −5%;
// day 2: A +5%, B 0; day 3: A −10%, B +10%, then rebalance at day 3's close to 50/50.
// Holdings: day 1 A 0.66, B 0.19, cash 0.2 (equity 1.05); day 2 A 0.693, B 0.19, cash 0.2 (1.083).
const d0 = dayFromYmd(2024, 3, 4);
const dates = Int32Array.from([d0, d0 + 1, d0 + 2, d0 + 3]);
const wA = [0.6, 0.66 / 1.05, 0.693 / 1.083, 0.5];
const wB = [0.2, 0.19 / 1.05, 0.19 / 1.083, 0.5];
const rA = [Number.NaN, 0.1, 0.05, -0.1];
const rB = [Number.NaN, -0.05, 0, 0.1];
// Portfolio: r1 = 0.6·0.1 + 0.2·(−0.05) = 0.05; r2 = wA1·0.05; r3 = wA2·(−0.1) + wB2·0.1
const rp = [0, 0.05, (0.66 / 1.05) * 0.05, (-0.0693 + 0.019) / 1.083];

const input: ConcentrationInput = {
  dates,
  assets: ['A', 'B'],
  weights: Float64Array.from([...wA, ...wB]),
  assetReturns: Float64Array.from([...rA, ...rB]),
  portfolioReturns: Float64Array.from(rp),
  // X holds all of A and half of B; Y the other half of B.
  sleeves: [
    { name: 'X', members: [{ asset: 0, fraction: 1 }, { asset: 1, fraction: 0.5 }] },
    { name: 'Y', members: [{ asset: 1, fraction: 0.5 }] },
  ],
  rebalanceIndices: Int32Array.from([0, 3]),
  riskWindow: 3,
  topK: 1,
};

const close = (a: unknown, b: number, digits = 13) => expect(a as number).toBeCloseTo(b, digits);

describe('computeConcentration on a two-asset example', () => {
  const res = computeConcentration(input);

  it('normalises to the invested part for the weight series', () => {
    // Invested W: 0.8, 0.85/1.05, 0.883/1.083, 1. Normalised A: 0.75, 0.66/0.85, 0.693/0.883, 0.5
    const hhi = [0.75 ** 2 + 0.25 ** 2, (0.66 ** 2 + 0.19 ** 2) / 0.85 ** 2, (0.693 ** 2 + 0.19 ** 2) / 0.883 ** 2, 0.5];
    hhi.forEach((h, t) => close(res.series.hhi[t], h));
    hhi.forEach((h, t) => close(res.series.effectiveHoldings[t], 1 / h, 12));
    close(res.series.maxWeight[2], 0.693 / 0.883);
    close(res.series.topKShare[0], 0.75); // K = 1
    close(res.series.cashWeight[0], 0.2);
    close(res.series.cashWeight[3], 0);
    // Sleeves at day 0: X = 0.75 + 0.5·0.25 = 0.875, Y = 0.125; sleeve HHI = 0.765625 + 0.015625
    close(res.series.sleeveWeights.X?.[0], 0.875);
    close(res.series.sleeveWeights.Y?.[0], 0.125);
    close(res.series.sleeveHhi[0], 0.78125);
    const s = res.summary as Record<string, any>;
    close(s.hhi.max, hhi[2] as number);
    close(s.hhi.min, 0.5);
    close(s.hhi.last, 0.5);
    close(s.hhi.mean, hhi.reduce((a, b) => a + b, 0) / 4);
    expect(s.maxWeight.asset).toBe('A');
    expect(s.maxWeight.date).toBe('2024-03-06'); // day 2: 0.693/0.883 = 0.78482
  });

  it('measures drift creep from the last rebalance', () => {
    // hhi_2 − hhi_0 = 0.662250 − 0.625 is the largest rise before the day-3 rebalance
    const s = res.summary as Record<string, any>;
    close(s.driftCreep.value, (0.693 ** 2 + 0.19 ** 2) / 0.883 ** 2 - 0.625);
    expect(s.driftCreep.date).toBe('2024-03-06');
    expect(s.driftCreep.rebalanceDate).toBe('2024-03-04');
  });

  it('splits the return into arithmetic contributions with the geometric residual', () => {
    const s = res.summary as Record<string, any>;
    const cA = 0.6 * 0.1 + wA[1]! * 0.05 + wA[2]! * -0.1; // 0.0274397
    const cB = 0.2 * -0.05 + wB[1]! * 0 + wB[2]! * 0.1; // 0.0075439
    close(s.returnContribution.assets.A, cA);
    close(s.returnContribution.assets.B, cB);
    close(s.returnContribution.sleeves.X, cA + 0.5 * cB);
    close(s.returnContribution.sum, rp[1]! + rp[2]! + rp[3]!);
    const geometric = (1 + rp[1]!) * (1 + rp[2]!) * (1 + rp[3]!) - 1;
    close(s.returnContribution.residual, geometric - (cA + cB));
    expect(s.returnContribution.method).toBe('arithmetic');
    close(s.topContributorsShare, cA / (cA + cB));
  });

  it('decomposes risk at the rebalances with a usable trailing window', () => {
    // Day 0 has no trailing returns (skipped). Day 3: rows 1..3.
    // A: 0.1, 0.05, −0.1 (mean 0.05/3); B: −0.05, 0, 0.1 (mean 0.05/3)
    const m = 0.05 / 3;
    const dA = [0.1 - m, 0.05 - m, -0.1 - m];
    const dB = [-0.05 - m, 0 - m, 0.1 - m];
    const vA = (dA[0]! ** 2 + dA[1]! ** 2 + dA[2]! ** 2) / 2; // 0.0108333
    const vB = (dB[0]! ** 2 + dB[1]! ** 2 + dB[2]! ** 2) / 2; // 0.0058333
    const c = (dA[0]! * dB[0]! + dA[1]! * dB[1]! + dA[2]! * dB[2]!) / 2; // −0.0079167
    // w = (½, ½): RC_A = (vA + c) / (vA + 2c + vB) = 3.5, RC_B = −2.5 (a hedge)
    const s = res.summary as Record<string, any>;
    close(s.riskContribution.assets.A, (vA + c) / (vA + 2 * c + vB), 10);
    close(s.riskContribution.assets.B, (vB + c) / (vA + 2 * c + vB), 10);
    expect(s.riskContribution.rebalancesUsed).toBe(1);
    expect(res.warnings.some((w) => w.includes('1 rebalance skipped (first 2024-03-04: 0 complete return rows'))).toBe(true);
    // Effective bets from the 2×2 closed form: λ = mid ± rad, e1 ∝ (c, λ1 − vA), e2 ⟂ e1
    const mid = (vA + vB) / 2;
    const rad = Math.sqrt(((vA - vB) / 2) ** 2 + c * c);
    const l1 = mid + rad;
    const l2 = mid - rad;
    const norm = Math.hypot(c, l1 - vA);
    const y1 = (0.5 * c + 0.5 * (l1 - vA)) / norm;
    const y2 = (0.5 * -(l1 - vA) + 0.5 * c) / norm;
    const p1 = (l1 * y1 * y1) / (l1 * y1 * y1 + l2 * y2 * y2);
    const p2 = 1 - p1;
    close(s.effectiveBets.last, Math.exp(-(p1 * Math.log(p1) + p2 * Math.log(p2))), 10);
  });
});

describe('computeConcentration on a day fully in cash', () => {
  it('leaves hhi undefined there, skips it in summaries and warns once', () => {
    const res = computeConcentration({
      ...input,
      weights: Float64Array.from([0.5, 0, 0.3, 0.1, 0.5, 0, 0.3, 0.1]),
      sleeves: [],
      rebalanceIndices: Int32Array.from([0]),
    });
    expect(Number.isNaN(res.series.hhi[1] as number)).toBe(true);
    const s = res.summary as Record<string, any>;
    close(s.hhi.mean, (0.5 + 0.5 + 0.5) / 3);
    close(s.cashWeight.max, 1);
    expect(res.warnings.filter((w) => w.includes('fully in cash'))).toHaveLength(1);
    expect(res.warnings).toContain('concentration: no sleeves given; sleeveHhi is null');
  });
});
