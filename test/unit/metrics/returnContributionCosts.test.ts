/**
 * The costs term of the return contribution: Σ asset contributions + costs = Σ daily portfolio
 * returns exactly once trades pay costs, by hand on one asset and on a whole run with a gap.
 */
import { describe, expect, it } from 'vitest';
import { simulateKernel } from '../../../src/execution/simulateKernel.js';
import { computeConcentration } from '../../../src/metrics/computeConcentration.js';
import { runBacktest } from '../../../src/engine/runBacktest.js';
import { buildReport } from '../../../src/report/buildReport.js';
import { spec, wavePanel } from '../robust/panelFixture.js';

interface Contribution {
  assets: Record<string, number>;
  costs: number;
  sum: number;
  arithmeticTotal: number;
  geometricTotal: number;
  residual: number;
}

describe('return contribution with costs, by hand', () => {
  // One asset at 100, 110, 99; lag 0, decisions every day, targets 1, 0.5, 0.5; c = 1% per traded value.
  const c = 0.01;
  const targets = [1, 0.5, 0.5];
  const ledger = simulateKernel({
    nDates: 3,
    nAssets: 1,
    prices: Float64Array.of(100, 110, 99),
    calendar: Uint8Array.of(1, 1, 1),
    bandAbsolute: 0,
    bandRelative: 0,
    lag: 0,
    costRate: c,
    decide: (t, out) => out.fill(targets[t]!),
  });
  // Row 0: buy 1·(1 − cost) from cash: cost0 = c(1 − cost0) → cost0 = c/(1 + c); V0 = 1 − cost0.
  const cost0 = c / (1 + c);
  const V0 = 1 - cost0;
  // Row 1: holding 1.1·V0, sell to 0.5(V − cost): traded 0.5V + 0.5cost → cost1 = 0.5cV / (1 − 0.5c).
  const pre1 = 1.1 * V0;
  const cost1 = (0.5 * c * pre1) / (1 - 0.5 * c);
  const V1 = pre1 - cost1;
  // Row 2: holding 0.45·V1 and cash 0.5·V1 (V = 0.95V1), buy to 0.5(V − cost): cost2 = 0.025cV1 / (1 + 0.5c).
  const cost2 = (0.025 * c * V1) / (1 + 0.5 * c);
  const V2 = 0.95 * V1 - cost2;

  const summary = computeConcentration({
    dates: Int32Array.of(19000, 19001, 19002),
    assets: ['A'],
    weights: ledger.weights,
    assetReturns: Float64Array.of(Number.NaN, 0.1, -0.1),
    portfolioReturns: ledger.returns,
    sleeves: [],
    rebalanceIndices: ledger.trades.row,
    riskWindow: 2,
    costs: { tradeRows: ledger.trades.row, tradeCosts: ledger.trades.cost, equity: ledger.equity },
    topK: 1,
  }).summary as { returnContribution: Contribution };
  const rc = summary.returnContribution;

  it('the kernel paid the hand-computed costs', () => {
    expect(Array.from(ledger.trades.cost)).toEqual([expect.closeTo(cost0, 15), expect.closeTo(cost1, 15), expect.closeTo(cost2, 15)]);
    expect(ledger.equity[2]).toBeCloseTo(V2, 15);
  });

  it('splits Σ r_p into the asset and a costs term', () => {
    // Period 1 is measured from the initial capital 1: A held V0 of it, +10% → 0.1·V0; period 2: 0.5 · (−10%).
    expect(rc.assets['A']).toBeCloseTo(0.1 * V0 - 0.05, 15);
    // The costs of rows 0 and 1 fall in period 1 (from 1), the cost of row 2 in period 2 (from V1).
    expect(rc.costs).toBeCloseTo(-cost0 - cost1 - cost2 / V1, 15);
    // r1 = V1 − 1, r2 = V2 / V1 − 1: the two parts add up to their sum.
    const arithmetic = V1 - 1 + (V2 / V1 - 1);
    expect(rc.sum).toBeCloseTo(arithmetic, 15);
    expect(Math.abs(rc.assets['A']! + rc.costs - (ledger.returns[1]! + ledger.returns[2]!))).toBeLessThanOrEqual(1e-15);
    expect(rc.arithmeticTotal).toBe(ledger.returns[1]! + ledger.returns[2]!);
    expect(rc.residual).toBeCloseTo(V2 - 1 - arithmetic, 15);
  });
});

describe('return contribution with costs on a whole run', () => {
  it('Σ assets + costs = Σ daily returns to 1e-12, with lag 0, costs and a price gap', () => {
    const panel = wavePanel(['AAA', 'BBB', 'CCC'], 700);
    // BBB has no price for 8 rows (beyond the fill limit): the run values it at its last price.
    const N = panel.dates.length;
    for (let t = 300; t < 308; t++) panel.values[1 * N + t] = Number.NaN;
    const result = runBacktest(
      spec({
        sleeves: { a: { assets: ['AAA', 'BBB'] }, b: { assets: ['CCC'] } },
        allocation: { across: { method: 'fixed', weights: { a: 0.7, b: 0.3 } } },
        rebalance: { schedule: 'weekly', on: 'last', lag: 0 },
        costs: { bps: 25, slippageBps: 5 },
        period: { from: '2015-03-02', to: '2017-06-30' },
      }),
      { panel },
    );
    const report = buildReport({ result, strategyFile: null, data: { directory: 'x', synthetic: true, files: [], filled: {}, droppedDates: {}, warnings: [] } });
    const rc = report.concentration['returnContribution'] as Contribution;
    let daily = 0;
    for (let t = 1; t < result.ledger.returns.length; t++) daily += result.ledger.returns[t]!;
    const assets = Object.values(rc.assets).reduce((a, b) => a + b, 0);
    expect(rc.costs).toBeLessThan(-0.01); // 30 bps a side on weekly rebalances: a visible term
    expect(Math.abs(assets + rc.costs - daily)).toBeLessThanOrEqual(1e-12);
    expect(Math.abs(rc.sum - daily)).toBeLessThanOrEqual(1e-12);
    // The costs term is −Σ cost_k / (equity the period is measured from).
    let expected = 0;
    for (let k = 0; k < result.ledger.trades.count; k++) {
      const t = result.ledger.trades.row[k]!;
      expected -= result.ledger.trades.cost[k]! / (t >= 2 ? result.ledger.equity[t - 1]! : 1);
    }
    expect(rc.costs).toBeCloseTo(expected, 15);
    expect(report.warnings.some((w) => w.startsWith('returnContribution:'))).toBe(false);
  });
});
