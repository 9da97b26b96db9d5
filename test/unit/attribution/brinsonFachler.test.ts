/**
 * Brinson–Fachler by sleeve on a hand panel (two sleeves, three days, cash on one day, a cost on
 * another): every daily effect written out here, linked with Cariño's factor by Math.log, and the
 * sum property Σ effects + costs = R − B.
 */
import { describe, expect, it } from 'vitest';
import { brinsonFachler } from '../../../src/attribution/brinsonFachler.js';
import { brinsonReference } from '../../../src/attribution/brinsonReference.js';
import { strategyLayout } from '../../../src/engine/strategyLayout.js';
import { strategySchema } from '../../../src/strategy/schema.js';
import { simulateKernel } from '../../../src/execution/simulateKernel.js';

describe('Brinson–Fachler, two sleeves over three days, by hand', () => {
  // Sleeve X = {A1, A2}, sleeve Y = {B}. Reference: X 60%, Y 40%, equal weights within.
  // Returns            day 1   day 2   day 3
  //   A1               +2%     −3%     +5%
  //   A2               +4%     +1%     −2%
  //   B                −1%     +2%      0%
  // Start-of-day holding weights (end of the row before): A1, A2, B (cash = 1 − Σ)
  //   day 1: 0.5, 0.2, 0.3   day 2: 0.4, 0.3, 0.3   day 3: 0.2, 0.2, 0.5 (cash 0.1, earning 0)
  // A cost of 0.001 on day 3 (equity 1), so r_3 = gross − 0.001.
  const n = 4;
  const weights = Float64Array.of(0.5, 0.4, 0.2, 0, 0.2, 0.3, 0.2, 0, 0.3, 0.3, 0.5, 0);
  const assetReturns = Float64Array.of(NaN, 0.02, -0.03, 0.05, NaN, 0.04, 0.01, -0.02, NaN, -0.01, 0.02, 0);
  // Portfolio returns: day 1 0.5·0.02 + 0.2·0.04 − 0.3·0.01 = 0.015; day 2 −0.012 + 0.003 + 0.006 = −0.003;
  // day 3 0.01 − 0.004 + 0 − 0.001 (cost) = 0.005.
  const r = [0, 0.015, -0.003, 0.005];
  const input = {
    sleeves: [
      { name: 'X', members: [{ asset: 0, fraction: 1 }, { asset: 1, fraction: 1 }] },
      { name: 'Y', members: [{ asset: 2, fraction: 1 }] },
    ],
    weights,
    assetReturns,
    portfolioReturns: Float64Array.from(r),
    cash: Float64Array.of(0, 0, 0.1, 0),
    equity: Float64Array.of(1, 1, 1, 1),
    cashReturns: null,
    reference: { sleeveWeights: [0.6, 0.4], cashWeight: 0, memberWeights: [[0.5, 0.5], [1]] },
  };
  const { attribution, daily } = brinsonFachler(input);

  // Day 1: w_X = 0.7, r_X = 0.018/0.7, b_X = 0.03; w_Y = 0.3, r_Y = b_Y = −0.01; B = 0.6·0.03 − 0.4·0.01 = 0.014.
  // Day 2: w_X = 0.7, r_X = −0.009/0.7, b_X = −0.01; w_Y = 0.3, r_Y = b_Y = 0.02; B = −0.006 + 0.008 = 0.002.
  // Day 3: w_X = 0.4, r_X = b_X = 0.015; w_Y = 0.5, r_Y = b_Y = 0; cash 0.1; B = 0.009.
  const B = [0, 0.014, 0.002, 0.009];
  const allocX = [0, 0.1 * (0.03 - 0.014), 0.1 * (-0.01 - 0.002), -0.2 * (0.015 - 0.009)];
  const allocY = [0, -0.1 * (-0.01 - 0.014), -0.1 * (0.02 - 0.002), 0.1 * (0 - 0.009)];
  const selX = [0, 0.6 * (0.018 / 0.7 - 0.03), 0.6 * (-0.009 / 0.7 + 0.01), 0];
  const interX = [0, 0.1 * (0.018 / 0.7 - 0.03), 0.1 * (-0.009 / 0.7 + 0.01), 0];
  const cashAlloc = [0, 0, 0, 0.1 * (0 - 0.009)];
  const costs = [0, 0, 0, -0.001];

  it('has the hand daily effects', () => {
    for (let t = 1; t < n; t++) {
      expect(daily.referenceReturns[t]).toBeCloseTo(B[t]!, 15);
      expect(daily.allocation[0]![t]).toBeCloseTo(allocX[t]!, 15);
      expect(daily.allocation[1]![t]).toBeCloseTo(allocY[t]!, 15);
      expect(daily.selection[0]![t]).toBeCloseTo(selX[t]!, 15);
      expect(daily.interaction[0]![t]).toBeCloseTo(interX[t]!, 15);
      expect(daily.selection[1]![t]).toBeCloseTo(0, 15);
      expect(daily.interaction[1]![t]).toBeCloseTo(0, 15);
      expect(daily.cashAllocation[t]).toBeCloseTo(cashAlloc[t]!, 15);
      expect(daily.costs[t]).toBeCloseTo(costs[t]!, 15);
      // Every day: Σ effects + costs = r_t − B_t (day 1: 0.0016 + 0.0024 + 0.7·(0.018/0.7 − 0.03) = 0.001).
      const sum = allocX[t]! + allocY[t]! + selX[t]! + interX[t]! + cashAlloc[t]! + costs[t]!;
      expect(sum).toBeCloseTo(r[t]! - B[t]!, 15);
    }
  });

  it('links the effects with Cariño coefficients and adds up to R − B', () => {
    const R = 1.015 * 0.997 * 1.005 - 1;
    const Bt = 1.014 * 1.002 * 1.009 - 1;
    const K = (Math.log(1 + R) - Math.log(1 + Bt)) / (R - Bt);
    const beta = r.map((x, t) => (t === 0 ? 0 : (Math.log(1 + x) - Math.log(1 + B[t]!)) / (x - B[t]!) / K));
    const link = (e: number[]) => e.reduce((s, x, t) => s + beta[t]! * x, 0);
    const a = attribution!;
    expect(a.portfolioReturn).toBeCloseTo(R, 15);
    expect(a.referenceReturn).toBeCloseTo(Bt, 15);
    expect(a.active).toBeCloseTo(R - Bt, 15);
    expect(a.sleeves['X']!.allocation).toBeCloseTo(link(allocX), 13);
    expect(a.sleeves['Y']!.allocation).toBeCloseTo(link(allocY), 13);
    expect(a.sleeves['X']!.selection).toBeCloseTo(link(selX), 13);
    expect(a.sleeves['X']!.interaction).toBeCloseTo(link(interX), 13);
    expect(a.cash.allocation).toBeCloseTo(link(cashAlloc), 13);
    expect(a.costs).toBeCloseTo(link(costs), 13);
    let sum = a.costs + a.cash.allocation;
    for (const e of Object.values(a.sleeves)) sum += e.allocation + e.selection + e.interaction;
    expect(Math.abs(sum - a.active)).toBeLessThan(1e-15);
  });
});

describe('brinsonReference', () => {
  const parse = (doc: object) => strategySchema.parse({ version: 1, name: 'x', ...doc });
  it("takes a fixed across method's weights and equal weights within", () => {
    const spec = parse({
      sleeves: { a: { assets: ['A1', 'A2'] }, b: { assets: ['B'] } },
      allocation: { across: { method: 'fixed', weights: { a: 0.7, b: 0.2 } } },
    });
    const ref = brinsonReference(spec, strategyLayout(spec));
    expect(ref.sleeveWeights).toEqual([0.7, 0.2]);
    expect(ref.cashWeight).toBeCloseTo(0.1, 15);
    expect(ref.memberWeights).toEqual([[0.5, 0.5], [1]]);
    expect(ref.description).toBe("the strategy's fixed sleeve weights (a 70%, b 20%), 10% in cash, equal weights within each sleeve, rebalanced daily");
  });

  it('uses equal sleeves for a non-fixed across method and a fixed within method rescaled', () => {
    const spec = parse({
      sleeves: { a: { assets: ['A1', 'A2'], within: { method: 'fixed', weights: { A1: 0.3, A2: 0.1 } } }, b: { assets: ['B'] }, c: { assets: ['C'] } },
      allocation: { across: { method: 'inverseVol', lookback: 20 } },
    });
    const ref = brinsonReference(spec, strategyLayout(spec));
    expect(ref.sleeveWeights).toEqual([1 / 3, 1 / 3, 1 / 3]);
    expect(ref.memberWeights[0]![0]).toBeCloseTo(0.75, 15);
    expect(ref.memberWeights[0]![1]).toBeCloseTo(0.25, 15);
    expect(ref.description).toMatch(/^equal sleeve weights \(33.3333% each; the across method inverseVol has no fixed target\), declared fixed weights within a/);
  });
});

describe('Brinson–Fachler costs line with a trade at the start close (lag 0)', () => {
  // One asset X at 100, 110, 99; lag 0, 60% on row 0, cost rate 1%: cost0 = 0.006/1.006, V0 = 1 − cost0.
  const ledger = simulateKernel({
    nDates: 3,
    nAssets: 1,
    prices: Float64Array.of(100, 110, 99),
    calendar: Uint8Array.of(1, 0, 0),
    bandAbsolute: 0,
    bandRelative: 0,
    lag: 0,
    costRate: 0.01,
    decide: (_t, out) => out.fill(0.6),
  });
  const { attribution, daily } = brinsonFachler({
    sleeves: [{ name: 'X', members: [{ asset: 0, fraction: 1 }] }],
    weights: ledger.weights,
    assetReturns: Float64Array.of(NaN, 0.1, -0.1),
    portfolioReturns: ledger.returns,
    cash: ledger.cash,
    equity: ledger.equity,
    cashReturns: null,
    reference: { sleeveWeights: [1], cashWeight: 0, memberWeights: [[1]] },
  });

  it('charges the start cost and its lost growth to day 1, and nothing after', () => {
    const cost0 = 0.006 / 1.006;
    // Day 1 gross return on the post-trade holdings (60% X, 40% cash): ĝ = 0.6 · 0.1 = 0.06;
    // r_1 = V0(1 + ĝ) − 1, so costs_1 = r_1 − ĝ = −cost0 · (1 + ĝ) = −cost0 · 1.06.
    expect(daily.costs[1]).toBeCloseTo(-cost0 * 1.06, 15);
    expect(daily.costs[2]).toBeCloseTo(0, 15);
    // Day 1 allocation: X at 60% against 100%, (0.6 − 1)(b − B) = 0 since B = b = r_X; cash 40% against 0%: 0.4 · (0 − 0.1).
    expect(daily.cashAllocation[1]).toBeCloseTo(-0.04, 15);
    expect(daily.allocation[0]![1]).toBeCloseTo(0, 15);
    const a = attribution!;
    expect(Math.abs(a.sleeves['X']!.allocation + a.sleeves['X']!.selection + a.sleeves['X']!.interaction + a.cash.allocation + a.costs - a.active)).toBeLessThan(1e-15);
  });
});
