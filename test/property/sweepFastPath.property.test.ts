/**
 * The sweep's fast path (engine/decisionMemo.ts, used by sweep/sweepTask.ts): variants that
 * differ only in when they trade share their decisions. Every variant the fast path runs must
 * equal a fresh general-path run of the same spec — the one `sleeves run --set` of it makes
 * (runBacktest through prepareRun; test/e2e/parity.test.ts checks that boundary) — bit for bit:
 * the same daily returns, trades, costs, decision records, and the same sweep figures.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PricePanel } from '../../src/core/panel.js';
import { DecisionMemo, decisionKey } from '../../src/engine/decisionMemo.js';
import { preparePanel } from '../../src/engine/preparePanel.js';
import { runBacktest } from '../../src/engine/runBacktest.js';
import { strategyLayout } from '../../src/engine/strategyLayout.js';
import { parseGrid } from '../../src/sweep/parseGrid.js';
import { sharePanel } from '../../src/sweep/sharedPanel.js';
import { sweepPath } from '../../src/sweep/sweepPath.js';
import { init, run } from '../../src/sweep/sweepTask.js';
import { variantMetrics } from '../../src/sweep/variantMetrics.js';
import { variantGroupKey } from '../../src/sweep/variantGroups.js';
import { variantSpec } from '../../src/sweep/variantSpec.js';
import { strategySchema, type StrategySpec } from '../../src/strategy/schema.js';

function makePanel(seed: number, nDays: number, assets: string[]): PricePanel {
  let s = seed >>> 0;
  const rand = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  const values = new Float64Array(nDays * assets.length);
  assets.forEach((_, a) => {
    let p = 50 + 10 * a;
    for (let t = 0; t < nDays; t++) {
      p *= 1 + (rand() - 0.48) * 0.04;
      // A gap in C (beyond any fill) makes it ineligible at some decisions: fallbacks are recorded.
      values[a * nDays + t] = a === 2 && t > 90 && t < 100 ? Number.NaN : p;
    }
  });
  const dates = new Int32Array(nDays);
  for (let t = 0, d = 19723; t < nDays; d++) if (((d + 4) % 7) % 6 !== 0) dates[t++] = d;
  return { dates, assets, values };
}

const base = strategySchema.parse({
  version: 1,
  name: 'fast-path',
  sleeves: {
    growth: { assets: ['A', 'B', 'C'], within: { method: 'inverseVol', lookback: 20 }, constraints: { maxWeight: 0.6 } },
    safe: { assets: ['D'] },
  },
  allocation: { across: { method: 'riskParity', lookback: 30 }, trendFilter: { period: 25, level: 'sleeve', safe: ['safe'] } },
  rebalance: { schedule: 'monthly', on: 'last', lag: 1 },
  benchmark: 'D',
});

/** The general path: a fresh run of the variant's spec, no memo. */
function general(spec: StrategySpec, panel: PricePanel) {
  return runBacktest(spec, { panel, prepared: preparePanel(panel), recordWeights: false });
}

describe('sweep fast path: shared decisions equal the general path', () => {
  it('every variant of a grid over lookback × spacing × lag × costs × bands equals a fresh run, bit for bit', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e9 }), (seed) => {
        const panel = makePanel(seed, 220, ['A', 'B', 'C', 'D']);
        const grid = parseGrid([
          'sleeves.growth.within.lookback=10,25',
          'rebalance.everyDays=1,3,7',
          'rebalance.lag=0,1,2',
          'costs.bps=0,15',
          'rebalance.band.absolute=0.02,0.08',
        ]);
        let memo: DecisionMemo | undefined;
        for (let i = 0; i < 72; i++) {
          const spec = variantSpec(base, grid, i);
          const key = decisionKey(spec)!;
          if (memo?.key !== key) memo = new DecisionMemo(key, panel, strategyLayout(spec).assets.length);
          const fast = runBacktest(spec, { panel, prepared: preparePanel(panel), recordWeights: false, decisions: memo });
          const ref = general(spec, panel);
          expect(Array.from(fast.ledger.returns)).toEqual(Array.from(ref.ledger.returns));
          expect(Array.from(fast.ledger.trades.cost.subarray(0, fast.ledger.trades.count))).toEqual(Array.from(ref.ledger.trades.cost.subarray(0, ref.ledger.trades.count)));
          expect(fast.rebalances).toEqual(ref.rebalances);
          expect(fast.warnings).toEqual(ref.warnings);
          expect(variantMetrics(i, fast)).toEqual(variantMetrics(i, ref));
        }
        // 2 lookbacks: the 36 variants of each share one memo; decisions were reused, not recomputed.
        expect(memo!.reused).toBeGreaterThan(memo!.computed);
      }),
      { numRuns: 4, seed: 7 },
    );
  });

  it('the sweep task (fast path) gives each variant the figures of a fresh run of variantSpec', async () => {
    const panel = makePanel(99, 220, ['A', 'B', 'C', 'D']);
    const grid = parseGrid(['allocation.across.lookback=20,40', 'rebalance.everyDays=1,5,21', 'costs.bps=0,10']);
    init([sharePanel(panel)], { spec: base, grid, groupKeys: [variantGroupKey(base)], groupCashRates: [null] });
    for (let i = 0; i < 12; i++) {
      const ref = variantMetrics(i, general(variantSpec(base, grid, i), panel));
      expect(await run(i)).toEqual(ref);
    }
  });

  it('a memo refuses a spec whose decisions differ, or another panel', () => {
    const panel = makePanel(1, 120, ['A', 'B', 'C', 'D']);
    const memo = new DecisionMemo(decisionKey(base)!, panel, 4);
    expect(memo.accepts({ ...base, costs: { ...base.costs, bps: 30 } }, panel)).toBe(true);
    expect(memo.accepts({ ...base, rebalance: { ...base.rebalance, lag: 3 } }, panel)).toBe(true);
    expect(memo.accepts({ ...base, data: { ...base.data, lateStart: 'cash' } }, panel)).toBe(false);
    expect(memo.accepts({ ...base, allocation: { ...base.allocation, trendFilter: undefined } }, panel)).toBe(false);
    expect(memo.accepts(base, makePanel(1, 120, ['A', 'B', 'C', 'D']))).toBe(false);
    const withModule = { ...base, allocation: { ...base.allocation, across: { method: 'module', module: 'x.mjs', export: 'allocate' } } } as unknown as StrategySpec;
    expect(decisionKey(withModule)).toBeNull();
  });

  it('the manifest names the path: 2 lookbacks × 3 spacings share 2 decision sets; a weights file decides per variant', () => {
    const grid = parseGrid(['sleeves.growth.within.lookback=10,25', 'rebalance.everyDays=1,3,7']);
    expect(sweepPath(base, grid, false)).toMatchObject({ decisions: 'shared', decisionSets: 2 });
    expect(sweepPath(base, grid, true)).toMatchObject({ decisions: 'per variant', decisionSets: null });
  });
});
