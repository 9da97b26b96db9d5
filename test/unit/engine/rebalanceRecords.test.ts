/**
 * Rebalance records built from a ledger when first read: each trade's dates, rule, turnover,
 * cost and the fallbacks and broken trends of the decision behind it; and on a run, the same
 * array on every read, seen by a spread and by JSON as a plain property.
 */
import { describe, expect, it } from 'vitest';
import { parseIsoDate } from '../../../src/core/dates.js';
import type { KernelLedger } from '../../../src/execution/kernelInput.js';
import type { DecisionRecord } from '../../../src/engine/decideTargets.js';
import { rebalanceRecords } from '../../../src/engine/rebalanceRecords.js';
import { runBacktest } from '../../../src/engine/runBacktest.js';
import { spec, wavePanel } from '../robust/panelFixture.js';

describe('rebalanceRecords', () => {
  // Period rows 0..4 are 2024-01-02..2024-01-08 (weekdays); the period starts at panel row lo = 10.
  const days = ['2024-01-02', '2024-01-03', '2024-01-04', '2024-01-05', '2024-01-08'];
  const dates = Int32Array.from(days, parseIsoDate);
  // Two trades: the initial one decided on period row 0 traded on row 1 (lag 1), a calendar one decided on row 2 traded on row 3.
  const ledger: KernelLedger = {
    nDates: 5,
    nAssets: 2,
    equity: new Float64Array(5),
    cash: new Float64Array(5),
    returns: new Float64Array(5),
    weights: new Float64Array(0),
    skippedTrades: 0,
    trades: { count: 2, row: Int32Array.of(1, 3), decisionRow: Int32Array.of(0, 2), rule: Uint8Array.of(0, 1), turnover: Float64Array.of(1, 0.25), cost: Float64Array.of(0.001, 0.00025) },
  };
  // The decision on panel row 12 (period row 2) fell back; the one on row 10 had nothing to note.
  const fallback = { from: 'inverseVol', to: 'equalWeight', reason: 'too few returns', level: 'sleeve all' };
  const decisions: DecisionRecord[] = [{ row: 12, fallbacks: [fallback], warnings: [], brokenTrends: ['AAA'] }];

  it('names each trade by its decision and trade dates, with the decision’s notes', () => {
    expect(rebalanceRecords(ledger, dates, decisions, 10)).toEqual([
      { decisionDate: '2024-01-02', tradeDate: '2024-01-03', rule: 'initial', turnover: 1, cost: 0.001, fallbacks: [], brokenTrends: [] },
      { decisionDate: '2024-01-04', tradeDate: '2024-01-05', rule: 'calendar', turnover: 0.25, cost: 0.00025, fallbacks: [fallback], brokenTrends: ['AAA'] },
    ]);
  });

  it('on a run: one array, read as a plain property', () => {
    const panel = wavePanel(['AAA', 'BBB'], 80);
    const result = runBacktest(spec({ sleeves: { a: { assets: ['AAA'] }, b: { assets: ['BBB'] } }, allocation: { across: { method: 'fixed', weights: { a: 0.5, b: 0.5 } } }, rebalance: { schedule: 'monthly', on: 'last', lag: 1 } }), { panel });
    const first = result.rebalances;
    expect(result.rebalances).toBe(first);
    // 80 weekdays from 2015-01-01 reach into April: the start and three month ends are decided, each traded a row later.
    expect(first.map((r) => r.rule)).toEqual(['initial', 'calendar', 'calendar', 'calendar']);
    expect({ ...result }.rebalances).toBe(first);
    expect(JSON.parse(JSON.stringify({ rebalances: result.rebalances }))).toEqual({ rebalances: first });
    expect(Object.keys(result)).toContain('rebalances');
  });
});
