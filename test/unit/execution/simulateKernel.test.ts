import { describe, expect, it } from 'vitest';
import { simulateKernel, type KernelInput } from '../../../src/execution/simulateKernel.js';

/** Column-major prices from per-asset arrays. */
function panel(...columns: number[][]): Float64Array {
  return Float64Array.from(columns.flat());
}

function run(over: Partial<KernelInput> & { prices: Float64Array; nAssets: number; target: number[] }): ReturnType<typeof simulateKernel> {
  const nDates = over.prices.length / over.nAssets;
  return simulateKernel({
    nDates,
    nAssets: over.nAssets,
    prices: over.prices,
    calendar: over.calendar ?? Uint8Array.from({ length: nDates }, (_, t) => (t === 0 ? 1 : 0)),
    bandAbsolute: over.bandAbsolute ?? 0,
    bandRelative: over.bandRelative ?? 0,
    lag: over.lag ?? 0,
    costRate: over.costRate ?? 0,
    minTurnover: over.minTurnover ?? 0,
    decide: over.decide ?? ((_t, out) => out.set(over.target)),
  });
}

describe('simulateKernel', () => {
  it('buy-and-hold of one asset at 100% equals its price ratio', () => {
    const p = [10, 11, 9.9, 12.5, 12];
    const ledger = run({ prices: panel(p), nAssets: 1, target: [1] });
    for (let t = 0; t < p.length; t++) expect(ledger.equity[t]).toBeCloseTo(p[t]! / 10, 14);
    expect(ledger.trades.count).toBe(1);
    expect(ledger.weights[4]).toBeCloseTo(1, 14);
  });

  it('with lag 1 the first day is in cash and buying happens at the next close', () => {
    const p = [10, 20, 30];
    const ledger = run({ prices: panel(p), nAssets: 1, target: [1], lag: 1 });
    // Decided at close 0, bought at close 1 (price 20), so equity at 2 is 30/20.
    expect(Array.from(ledger.equity)).toEqual([1, 1, 1.5]);
    expect(ledger.trades.row[0]).toBe(1);
    expect(ledger.trades.decisionRow[0]).toBe(0);
  });

  it('daily constant-mix rebalancing matches a hand computation', () => {
    // Two assets, 50/50 rebalanced every close. Asset returns: A +10%, −10%; B 0%, +20%.
    // Day 1 portfolio return 0.5·0.10 + 0.5·0 = 0.05; day 2: 0.5·(−0.10) + 0.5·0.20 = 0.05.
    // Equity: 1 → 1.05 → 1.1025.
    const ledger = run({
      prices: panel([100, 110, 99], [50, 50, 60]),
      nAssets: 2,
      target: [0.5, 0.5],
      calendar: Uint8Array.of(1, 1, 1),
    });
    expect(ledger.equity[1]).toBeCloseTo(1.05, 15);
    expect(ledger.equity[2]).toBeCloseTo(1.1025, 15);
    // Without rebalancing on day 1 the mix drifts: A worth 0.55, B 0.5, then 0.495 + 0.6 = 1.095.
    const drift = run({ prices: panel([100, 110, 99], [50, 50, 60]), nAssets: 2, target: [0.5, 0.5] });
    expect(drift.equity[2]).toBeCloseTo(1.095, 15);
    expect(drift.weights[1]).toBeCloseTo(0.55 / 1.05, 15);
  });

  it('costs lower equity by the expected amount, exactly solved', () => {
    // 10 bps on an initial buy of 100% from cash: cost = c·V' with V' = 1 − cost,
    // so cost = c / (1 + c) = 0.001 / 1.001.
    const ledger = run({ prices: panel([10, 10]), nAssets: 1, target: [1], costRate: 0.001 });
    const cost = 0.001 / 1.001;
    expect(ledger.trades.cost[0]).toBeCloseTo(cost, 16);
    expect(ledger.equity[0]).toBeCloseTo(1 - cost, 16);
    expect(ledger.weights[0]).toBeCloseTo(1, 15);
    expect(ledger.cash[0]).toBeCloseTo(0, 15);
    expect(ledger.trades.turnover[0]).toBeCloseTo(0.5 * (1 - cost), 15);
  });

  it('a rebalance from 100% A to 100% B pays cost on both legs', () => {
    // Day 0: buy A with no cost. Day 1 (price unchanged): switch to B at 20 bps.
    // traded = |0 − 1| (sell A) + |V' − 0| (buy B) = 1 + V', cost = c(1 + V'), V' = 1 − cost
    // → cost = 2c / (1 + c).
    const c = 0.002;
    const ledger = simulateKernel({
      nDates: 2, nAssets: 2, prices: panel([5, 5], [7, 7]), calendar: Uint8Array.of(1, 1),
      bandAbsolute: 0, bandRelative: 0, lag: 0, costRate: c,
      decide: (t, out) => out.set(t === 0 ? [1, 0] : [0, 1]),
    });
    expect(ledger.trades.cost[0]).toBeCloseTo(c / (1 + c), 16);
    const v0 = 1 - c / (1 + c);
    // On day 1 the holdings are worth v0; cost = c(v0 + V'), V' = v0 − cost → cost = 2c·v0 / (1 + c).
    expect(ledger.trades.cost[1]).toBeCloseTo((2 * c * v0) / (1 + c), 16);
    expect(ledger.equity[1]).toBeCloseTo(v0 - (2 * c * v0) / (1 + c), 15);
  });

  it('a drift band fires only when a weight leaves it', () => {
    // 50/50, band ±5 points. A doubles on day 2: w_A = 2/3 > 0.55 → decision at 2, trade at 2 (lag 0).
    const ledger = run({
      prices: panel([1, 1.04, 2, 2], [1, 1, 1, 1]),
      nAssets: 2,
      target: [0.5, 0.5],
      bandAbsolute: 0.05,
    });
    expect(Array.from(ledger.trades.row)).toEqual([0, 2]);
    expect(Array.from(ledger.trades.rule)).toEqual([0, 2]);
    expect(ledger.weights[2]).toBeCloseTo(0.5, 15);
  });

  it('never trades on the last row when the lag would fall past the data', () => {
    const ledger = run({ prices: panel([1, 1, 1]), nAssets: 1, target: [1], lag: 1, calendar: Uint8Array.of(1, 0, 1) });
    expect(ledger.trades.count).toBe(1);
  });

  it('skips a rebalance whose turnover is below minTurnover, and trades a larger one', () => {
    // 50/50 every day. Day 1: A +2% → w_A = 0.51/1.01 ≈ 0.50495, turnover 0.00495 < 1%: skipped.
    // Day 2: A at +40% from the start → w_A = 0.7/1.2 ≈ 0.5833, turnover 0.0833 ≥ 1%: traded.
    const ledger = run({
      prices: panel([1, 1.02, 1.4], [1, 1, 1]),
      nAssets: 2,
      target: [0.5, 0.5],
      calendar: Uint8Array.of(1, 1, 1),
      minTurnover: 0.01,
    });
    expect(Array.from(ledger.trades.row)).toEqual([0, 2]);
    expect(ledger.skippedTrades).toBe(1);
    expect(ledger.weights[1]).toBeCloseTo(0.51 / 1.01, 15);
    expect(ledger.trades.turnover[1]).toBeCloseTo(0.7 / 1.2 - 0.5, 15);
  });
});

describe('simulateKernel returns', () => {
  it('charge the cost of a trade at the start close (lag 0) to the first period', () => {
    // Buy 100% at the close of row 0 at 20 bps: V_0 = 1/(1 + c). Price +10% on row 1: V_1 = 1.1/(1 + c).
    // The first period runs from the initial capital 1: r_1 = 1.1/(1 + c) − 1, and ∏(1 + r) − 1 = V_1 − 1.
    const c = 0.002;
    const ledger = simulateKernel({
      nDates: 3, nAssets: 1, prices: Float64Array.of(10, 11, 12.1), calendar: Uint8Array.of(1, 0, 0),
      bandAbsolute: 0, bandRelative: 0, lag: 0, costRate: c, decide: (_t, out) => out.set([1]),
    });
    expect(ledger.returns[0]).toBe(0);
    expect(ledger.returns[1]).toBeCloseTo(1.1 / (1 + c) - 1, 15);
    expect(ledger.returns[2]).toBeCloseTo(0.1, 15);
    expect((1 + ledger.returns[1]!) * (1 + ledger.returns[2]!) - 1).toBeCloseTo(ledger.equity[2]! - 1, 15);
  });
});
