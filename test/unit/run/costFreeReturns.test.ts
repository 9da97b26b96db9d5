import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runBacktest } from '../../../src/engine/runBacktest.js';
import { backtestToReport } from '../../../src/run/backtestToReport.js';
import { prepareRun } from '../../../src/run/prepareRun.js';
import { costFreeFromLedger, costFreeReturns } from '../../../src/run/costFreeReturns.js';
import type { StrategySpec } from '../../../src/strategy/schema.js';
import { spec, wavePanel } from '../robust/panelFixture.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const realDir = path.resolve(repoRoot, '../shared/data/real');

const panel = wavePanel(['AAA', 'BBB', 'CCC', 'SHY'], 700);
// A hole of 8 rows in BBB (longer than the 5-day fill, so trades meet a missing price) and one day in CCC.
const holed = { ...panel, values: Float64Array.from(panel.values) };
for (let t = 300; t < 308; t++) holed.values[700 + t] = Number.NaN;
holed.values[2 * 700 + 451] = Number.NaN;

/** The reference: the same strategy run again with costs 0 (what the report did before). */
function twin(s: StrategySpec, p = panel): Float64Array {
  return runBacktest({ ...s, costs: { bps: 0, slippageBps: 0 } }, { panel: p }).ledger.returns;
}

function maxGap(a: Float64Array, b: Float64Array): number {
  expect(a.length).toBe(b.length);
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i]! - b[i]!));
  return worst;
}

const base = { sleeves: { s: { assets: ['AAA', 'BBB', 'CCC'] } }, costs: { bps: 25, slippageBps: 15 } };

describe('cost-free returns from the costed run’s ledger', () => {
  it('a single holding bought at the start close (lag 0): r⁰₁ = p₁/p₀ − 1, the costed r₁ = (1 − cost)·p₁/p₀ − 1', () => {
    const s = spec({
      sleeves: { s: { assets: ['AAA'] } },
      rebalance: { schedule: 'never', lag: 0 },
      costs: { bps: 100, slippageBps: 0 },
      period: { from: '2015-01-01', to: '2015-02-27' },
    });
    const result = runBacktest(s, { panel });
    const gross = costFreeReturns(result, () => {
      throw new Error('the ledger suffices here');
    });
    const p = (t: number) => panel.values[t]!;
    // Buying weight 1 out of capital 1 at rate c = 0.01: cost = c · (1 − cost), so cost = c / (1 + c) = 0.01 / 1.01.
    const cost = 0.01 / 1.01;
    expect(result.ledger.trades.cost[0]).toBeCloseTo(cost, 15);
    expect(result.ledger.returns[1]).toBeCloseTo((1 - cost) * (p(1) / p(0)) - 1, 14);
    expect(gross[1]).toBeCloseTo(p(1) / p(0) - 1, 14);
    // No trade after the start: every later period is the same with or without costs.
    for (let t = 2; t < gross.length; t++) expect(gross[t]).toBe(result.ledger.returns[t]);
  });

  const cases: [string, Record<string, unknown>, boolean][] = [
    ['monthly equal weight, lag 1', { rebalance: { schedule: 'monthly', lag: 1 } }, false],
    ['weekly inverse vol, lag 0', { rebalance: { schedule: 'weekly', lag: 0 }, allocation: { within: { method: 'inverseVol', lookback: 40 } } }, false],
    ['daily, lag 2 (trades every row)', { rebalance: { schedule: 'daily', lag: 2 } }, false],
    ['quarterly with cash earning 3% and a 20% cash floor', { rebalance: { schedule: 'quarterly', lag: 1 }, cash: { rate: 0.03 }, sleeves: { s: { assets: ['AAA', 'BBB', 'CCC'], constraints: { cashFloor: 0.2 } } } }, false],
    ['cash in a proxy ticker, every 10 days', { rebalance: { schedule: 'monthly', everyDays: 10, lag: 1 }, cash: { ticker: 'SHY' } }, false],
    ['a price hole longer than the fill limit', { rebalance: { schedule: 'weekly', lag: 1 } }, true],
    ['a period inside the data', { rebalance: { schedule: 'monthly', lag: 1 }, period: { from: '2015-06-01', to: '2016-12-30' } }, true],
  ];
  for (const [name, extra, useHoles] of cases) {
    it(`equals a second run without costs to 1e-12: ${name}`, () => {
      const s = spec({ ...base, ...extra });
      expect(costFreeFromLedger(s)).toBe(true);
      const p = useHoles ? holed : panel;
      const result = runBacktest(s, { panel: p });
      expect(result.ledger.trades.count).toBeGreaterThan(1);
      const gross = costFreeReturns(result, () => {
        throw new Error('the ledger suffices here');
      });
      const reference = twin(s, p);
      expect(maxGap(gross, reference)).toBeLessThan(1e-12);
      // And the costs did matter: the costed returns are not the cost-free ones.
      expect(maxGap(result.ledger.returns, reference)).toBeGreaterThan(1e-6);
    });
  }

  it('drift bands, minTrade and tranches run again without costs (a threshold or an average the ledger cannot undo)', () => {
    for (const extra of [
      { rebalance: { schedule: 'monthly', lag: 1, band: { absolute: 0.02 } } },
      { rebalance: { schedule: 'weekly', lag: 1, minTrade: 0.01 } },
      { rebalance: { schedule: 'monthly', lag: 1, tranches: 3 } },
    ]) {
      const s = spec({ ...base, ...extra });
      expect(costFreeFromLedger(s)).toBe(false);
      const result = runBacktest(s, { panel });
      let reran = 0;
      const gross = costFreeReturns(result, () => {
        reran++;
        return twin(s);
      });
      expect(reran).toBe(1);
      expect(maxGap(gross, twin(s))).toBe(0);
    }
  });

  it('seed-barbell on the real prices (5 bps): the same returns and cost drag as a second run', async () => {
    if (!existsSync(realDir)) return; // the shared real prices are optional
    const run = await prepareRun({ source: { kind: 'strategy', file: path.join(repoRoot, 'strategies/seed-barbell.yaml') }, dataDir: realDir });
    const { result, report } = backtestToReport(run);
    const data = { ...run.inputs, prepared: run.prepared };
    const reference = runBacktest({ ...run.spec, costs: { bps: 0, slippageBps: 0 } }, data).ledger.returns;
    expect(costFreeFromLedger(run.spec)).toBe(true);
    expect(maxGap(costFreeReturns(result, () => reference), reference)).toBeLessThan(1e-12);
    // The drag as the report had it from the second run: CAGR(gross) − CAGR(net), by the same metric.
    const years = (reference.length - 1) / report.period.periodsPerYear;
    const cagr = (r: Float64Array) => Math.pow(r.subarray(1).reduce((v, x) => v * (1 + x), 1), 1 / years) - 1;
    expect(report.costs.cagrDrag!).toBeGreaterThan(0);
    expect(Math.abs(report.costs.cagrDrag! - (cagr(reference) - cagr(result.ledger.returns)))).toBeLessThan(1e-12);
  });
});
