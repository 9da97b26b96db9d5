/**
 * rebalance.tranches: the combined portfolio against the tranches run one by one with
 * rebalance.offset (each a plain run), combined here by hand.
 */
import { describe, expect, it } from 'vitest';
import { runBacktest } from '../../../src/engine/runBacktest.js';
import { trancheOffsets } from '../../../src/engine/runTranches.js';
import { spec, wavePanel } from '../robust/panelFixture.js';

const panel = wavePanel(['AAA', 'BBB', 'CCC'], 300);
const base = {
  sleeves: { a: { assets: ['AAA', 'BBB'] }, b: { assets: ['CCC'] } },
  allocation: { across: { method: 'fixed', weights: { a: 0.6, b: 0.4 } } },
  costs: { bps: 10 },
  period: { from: '2015-01-02', to: '2015-12-31' },
};

describe('rebalance.tranches', () => {
  it('offsets spread over one period of the rule: round(j · P / N)', () => {
    expect(trancheOffsets(spec({ ...base, rebalance: { schedule: 'monthly' } }), 2)).toEqual([0, 11]); // 10.5 rounds up
    expect(trancheOffsets(spec({ ...base, rebalance: { schedule: 'monthly' } }), 3)).toEqual([0, 7, 14]);
    expect(trancheOffsets(spec({ ...base, rebalance: { schedule: 'quarterly', offset: 2 } }), 4)).toEqual([2, 18, 34, 49]); // 2 + (0, 15.75, 31.5, 47.25)
    expect(() => trancheOffsets(spec({ ...base, rebalance: { schedule: 'daily' } }), 2)).toThrow('need a calendar rule');
  });

  it('the combined equity, weights and costs are the tranches\' averages', () => {
    const combined = runBacktest(spec({ ...base, rebalance: { schedule: 'monthly', tranches: 2 } }), { panel });
    const t0 = runBacktest(spec({ ...base, rebalance: { schedule: 'monthly', offset: 0 } }), { panel });
    const t1 = runBacktest(spec({ ...base, rebalance: { schedule: 'monthly', offset: 11 } }), { panel });
    const n = t0.dates.length;
    expect(combined.dates.length).toBe(n);
    for (let t = 0; t < n; t++) expect(combined.ledger.equity[t]).toBeCloseTo((t0.ledger.equity[t]! + t1.ledger.equity[t]!) / 2, 14);
    for (const t of [1, 2, 150, n - 1]) expect(combined.ledger.returns[t]).toBeCloseTo(combined.ledger.equity[t]! / (t === 1 ? 1 : combined.ledger.equity[t - 1]!) - 1, 14);
    // CCC's weight on row 100: (V0 w0 + V1 w1) / (V0 + V1), each tranche's own end-of-day weight.
    const V0 = t0.ledger.equity[100]!;
    const V1 = t1.ledger.equity[100]!;
    expect(combined.ledger.weights[2 * n + 100]).toBeCloseTo((V0 * t0.ledger.weights[2 * n + 100]! + V1 * t1.ledger.weights[2 * n + 100]!) / (V0 + V1), 14);
    // Every tranche's trades, costs halved (each tranche had half the capital).
    expect(combined.ledger.trades.count).toBe(t0.ledger.trades.count + t1.ledger.trades.count);
    const sum = (x: Float64Array) => x.reduce((a, b) => a + b, 0);
    expect(sum(combined.ledger.trades.cost)).toBeCloseTo((sum(t0.ledger.trades.cost) + sum(t1.ledger.trades.cost)) / 2, 15);
    expect(combined.rebalances.map((r) => r.decisionDate)).toEqual([...t0.rebalances, ...t1.rebalances].map((r) => r.decisionDate).sort());
    expect(combined.warnings.at(-1)).toContain('rebalance.tranches 2: the average of 2 sub-portfolios deciding 0, 11 trading days');
  });

  it('a trade\'s turnover is its traded value over the combined pre-trade equity', () => {
    const combined = runBacktest(spec({ ...base, rebalance: { schedule: 'monthly', tranches: 2 } }), { panel });
    const t1 = runBacktest(spec({ ...base, rebalance: { schedule: 'monthly', offset: 11 } }), { panel });
    const t0 = runBacktest(spec({ ...base, rebalance: { schedule: 'monthly', offset: 0 } }), { panel });
    // The second trade of tranche 1 is on a row where tranche 0 does not trade: traded value
    // turnover₁ · (V₁ + cost₁) in tranche units, half of it in combined units, over the combined
    // pre-trade equity (V₀ + V₁ + cost₁) / 2.
    const k = 1;
    const row = t1.ledger.trades.row[k]!;
    expect(Array.from(t0.ledger.trades.row)).not.toContain(row);
    const c1 = t1.ledger.trades.cost[k]!;
    const traded = (t1.ledger.trades.turnover[k]! * (t1.ledger.equity[row]! + c1)) / 2;
    const pre = (t0.ledger.equity[row]! + t1.ledger.equity[row]! + c1) / 2;
    const i = Array.from(combined.ledger.trades.row).indexOf(row);
    expect(combined.ledger.trades.turnover[i]).toBeCloseTo(traded / pre, 14);
  });
});
