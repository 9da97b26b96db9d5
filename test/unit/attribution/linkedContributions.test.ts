/**
 * Linked (Cariño) contributions on hand panels: the daily decomposition and the linking
 * written out here with Math.log, and the property that the lines add up to the total return.
 */
import { describe, expect, it } from 'vitest';
import { linkedContributions } from '../../../src/attribution/linkedContributions.js';
import { simulateKernel } from '../../../src/execution/simulateKernel.js';

const k = (x: number) => (x === 0 ? 1 : Math.log(1 + x) / x);

describe('linked contributions, two assets over three days, by hand', () => {
  // A: +10%, −10%, +10%; B: 0%, +10%, −10%. Start 50/50 (no cost); drift; at the close of day 2
  // rebalance to 50/50 paying 0.001 (a fraction of the initial capital).
  //   day 1: A 0.5 → 0.55, B 0.5 → 0.5; V1 = 1.05, r1 = 0.05.
  //   day 2: A 0.55 → 0.495, B 0.5 → 0.55; V2 = 1.045 before the trade, 1.044 after; r2 = 1.044/1.05 − 1.
  //   day 3: A 0.522 → 0.5742, B 0.522 → 0.4698; V3 = 1.044; r3 = 0 (Cariño's k_3 = 1, the limit).
  const n = 4;
  const V = [1, 1.05, 1.044, 1.044];
  const r = [0, 0.05, 1.044 / 1.05 - 1, 0];
  const input = {
    assets: ['A', 'B'],
    sleeves: [
      { name: 'growth', members: [{ asset: 0, fraction: 1 }] },
      { name: 'hedge', members: [{ asset: 1, fraction: 1 }] },
    ],
    weights: Float64Array.of(0.5, 0.55 / 1.05, 0.5, 0.5742 / 1.044, 0.5, 0.5 / 1.05, 0.5, 0.4698 / 1.044),
    assetReturns: Float64Array.of(NaN, 0.1, -0.1, 0.1, NaN, 0, 0.1, -0.1),
    portfolioReturns: Float64Array.from(r),
    equity: Float64Array.from(V),
    cash: new Float64Array(n),
    cashReturns: null,
    tradeRows: Int32Array.of(0, 2),
    tradeCosts: Float64Array.of(0, 0.001),
  };
  const out = linkedContributions(input).contributions!;

  it('matches the hand arithmetic', () => {
    // Daily contributions w_{i,t−1}·r_{i,t}:
    //   A: 0.5·0.1 = 0.05;  (0.55/1.05)·(−0.1) = −0.055/1.05;  0.5·0.1 = 0.05
    //   B: 0.5·0 = 0;       (0.5/1.05)·0.1 = 0.05/1.05;       0.5·(−0.1) = −0.05
    //   costs: day 2, −0.001/V1 = −0.001/1.05.
    // Check: day 2 sums to (−0.055 + 0.05 − 0.001)/1.05 = −0.006/1.05 = 1.044/1.05 − 1 = r2.
    const R = 0.044; // 1.05 · (1.044/1.05) · 1 − 1
    const K = k(R);
    const beta = [0, k(r[1]!) / K, k(r[2]!) / K, 1 / K];
    const A = beta[1]! * 0.05 + beta[2]! * (-0.055 / 1.05) + beta[3]! * 0.05;
    const B = beta[2]! * (0.05 / 1.05) + beta[3]! * -0.05;
    const costs = beta[2]! * (-0.001 / 1.05);
    expect(out.method).toBe('carino');
    expect(out.total).toBeCloseTo(R, 15);
    expect(out.assets['A']).toBeCloseTo(A, 14);
    expect(out.assets['B']).toBeCloseTo(B, 14);
    expect(out.costs).toBeCloseTo(costs, 15);
    expect(out.cash).toBe(0);
    expect(out.sleeves).toEqual({ growth: out.assets['A'], hedge: out.assets['B'] });
    // Numbers, for the record: A ≈ 0.05 · 1.0025 … the linked lines differ from the plain sums.
    const arithmeticA = 0.05 - 0.055 / 1.05 + 0.05;
    expect(Math.abs(out.assets['A']! - arithmeticA)).toBeGreaterThan(1e-4);
  });

  it('adds up to the total return', () => {
    const sum = out.assets['A']! + out.assets['B']! + out.costs + out.cash;
    expect(Math.abs(sum - out.total)).toBeLessThan(1e-15);
    expect(Math.abs(out.sleeves['growth']! + out.sleeves['hedge']! + out.costs - out.total)).toBeLessThan(1e-15);
  });
});

describe('linked contributions with cash that earns and a cost at the start close', () => {
  // One asset at 100, 110, 99, 99; lag 0, target 60% on row 0 only; cost rate 1%; cash earns 1% a day.
  const c = 0.01;
  const cashReturns = Float64Array.of(0, 0.01, 0.01, 0.01);
  const ledger = simulateKernel({
    nDates: 4,
    nAssets: 1,
    prices: Float64Array.of(100, 110, 99, 99),
    calendar: Uint8Array.of(1, 0, 0, 0),
    bandAbsolute: 0,
    bandRelative: 0,
    lag: 0,
    costRate: c,
    decide: (_t, out) => out.fill(0.6),
    cashReturns,
  });
  const assetReturns = Float64Array.of(NaN, 0.1, -0.1, 0);
  const out = linkedContributions({
    assets: ['X'],
    sleeves: [{ name: 's', members: [{ asset: 0, fraction: 1 }] }],
    weights: ledger.weights,
    assetReturns,
    portfolioReturns: ledger.returns,
    equity: ledger.equity,
    cash: ledger.cash,
    cashReturns,
    tradeRows: ledger.trades.row,
    tradeCosts: ledger.trades.cost,
  }).contributions!;

  it('has an asset, a cash and a costs line that add up to the total', () => {
    // Row 0: buy 0.6·V0 from cash at 1%: cost0 = 0.01 · 0.6 · (1 − cost0) → cost0 = 0.006/1.006; V0 = 1 − cost0.
    const cost0 = 0.006 / 1.006;
    const V0 = 1 - cost0;
    // Holdings: X = 0.6·V0, cash = 0.4·V0. Day 1: X·1.1, cash·1.01; day 2: X·1.1·0.9, cash·1.01²; day 3: X flat, cash·1.01³.
    const X = [0.6 * V0, 0.66 * V0, 0.594 * V0, 0.594 * V0];
    const C = [0.4 * V0, 0.404 * V0, 0.4 * 1.01 ** 2 * V0, 0.4 * 1.01 ** 3 * V0];
    const Vt = X.map((x, t) => x + C[t]!);
    // Period returns: r1 = V1 / 1 − 1 (from the initial capital), r_t = V_t / V_{t−1} − 1.
    const r = [0, Vt[1]! - 1, Vt[2]! / Vt[1]! - 1, Vt[3]! / Vt[2]! - 1];
    for (let t = 1; t < 4; t++) expect(ledger.returns[t]).toBeCloseTo(r[t]!, 15);
    const R = Vt[3]! - 1;
    const beta = r.map((x) => k(x) / k(R));
    // Asset: day 1 from the initial capital (0.6·V0 / 1)·0.1, day 2 (X1/V1)·(−0.1), day 3 ·0.
    const asset = beta[1]! * X[0]! * 0.1 + beta[2]! * (X[1]! / Vt[1]!) * -0.1;
    // Cash: (C_{t−1} / B_t)·0.01 with B_1 = 1, B_t = V_{t−1}.
    const cash = beta[1]! * C[0]! * 0.01 + beta[2]! * (C[1]! / Vt[1]!) * 0.01 + beta[3]! * (C[2]! / Vt[2]!) * 0.01;
    // Costs: the start trade's cost falls in period 1, measured from the initial capital.
    const costs = -beta[1]! * cost0;
    expect(out.total).toBeCloseTo(R, 15);
    expect(out.assets['X']).toBeCloseTo(asset, 13);
    expect(out.cash).toBeCloseTo(cash, 13);
    expect(out.costs).toBeCloseTo(costs, 13);
    expect(Math.abs(out.assets['X']! + out.cash + out.costs - out.total)).toBeLessThan(1e-15);
  });
});

describe('linked contributions of a wiped-out run', () => {
  it('are null with a warning', () => {
    const res = linkedContributions({
      assets: ['X'],
      sleeves: [],
      weights: Float64Array.of(1, 0),
      assetReturns: Float64Array.of(NaN, -1),
      portfolioReturns: Float64Array.of(0, -1),
      equity: Float64Array.of(1, 0),
      cash: new Float64Array(2),
      cashReturns: null,
      tradeRows: new Int32Array(0),
      tradeCosts: new Float64Array(0),
    });
    expect(res.contributions).toBeNull();
    expect(res.warnings[0]).toMatch(/wiped out/);
  });
});
