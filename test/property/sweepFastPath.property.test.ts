/**
 * The sweep's fast paths, each against a fresh general-path run of the same spec — the one
 * `sleeves run --set` of it makes (runBacktest through prepareRun; test/e2e/parity.test.ts
 * checks that boundary):
 *  - the decision memo (engine/decisionMemo.ts) of the general path: variants that differ only
 *    in when they trade share their decisions, bit for bit;
 *  - the sweep fast path (sweep/fastPath.ts: decisions once per row and key, the sweep's own
 *    simulation loop, the kept figures in two passes): every variant's daily returns and figures
 *    equal runBacktest + variantMetrics to 1e-12, on random panels (gaps, late listings) and
 *    random specs (methods, lags, spacings and calendars, costs, minimum trades, cash, periods,
 *    conventions, constraints and trend filters through the general decider).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PricePanel } from '../../src/core/panel.js';
import { DecisionMemo, decisionKey } from '../../src/engine/decisionMemo.js';
import { preparePanel } from '../../src/engine/preparePanel.js';
import { runBacktest } from '../../src/engine/runBacktest.js';
import { strategyLayout } from '../../src/engine/strategyLayout.js';
import { checkGrid } from '../../src/sweep/checkGrid.js';
import { parseGrid } from '../../src/sweep/parseGrid.js';
import { sharePanel } from '../../src/sweep/sharedPanel.js';
import { sweepPath } from '../../src/sweep/sweepPath.js';
import { init, run } from '../../src/sweep/sweepTask.js';
import { fastPathRefusal } from '../../src/sweep/fastPath.js';
import { VariantSpecs } from '../../src/sweep/variantSpecs.js';
import { keptFigures } from '../../src/sweep/keptFigures.js';
import type { VariantResult } from '../../src/sweep/variantMetrics.js';
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
      { numRuns: 2, seed: 7 },
    );
  });

  it('the sweep task (fast path) gives each variant the figures of a fresh run of variantSpec, to 1e-12', async () => {
    const panel = makePanel(99, 220, ['A', 'B', 'C', 'D']);
    const grid = parseGrid(['allocation.across.lookback=20,40', 'rebalance.everyDays=1,5,21', 'costs.bps=0,10']);
    init([sharePanel(panel)], { spec: base, grid, groupKeys: [variantGroupKey(base)], groupCashRates: [null] });
    for (let i = 0; i < 12; i++) {
      const ref = variantMetrics(i, general(variantSpec(base, grid, i), panel));
      const fast = await run(i);
      fast.values.forEach((v, k) => expectNear(v, ref.values[k], `variant ${i} figure ${k}`));
      expect(fast.nullCount).toBe(ref.nullCount);
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

  it('the manifest names the path: 2 lookbacks × 3 spacings share 2 decision sets; bands run on the general path; a weights file decides per variant', () => {
    const grid = parseGrid(['sleeves.growth.within.lookback=10,25', 'rebalance.everyDays=1,3,7']);
    const check = checkGrid(base, grid);
    // base has constraints and a trend filter: fast path, decisions by the general decider.
    expect(sweepPath(base, grid, false, check.paths, check.count)).toMatchObject({ path: 'fast', fastVariants: 6, fastDecisions: 'general decider', decisions: 'shared', decisionSets: 2 });
    const banded = parseGrid(['rebalance.band.absolute=0.02,0.05']);
    const bandCheck = checkGrid(base, banded);
    expect(sweepPath(base, banded, false, bandCheck.paths, bandCheck.count)).toMatchObject({ path: 'general', fastVariants: 0, generalBecause: [expect.stringMatching(/drift bands/)] });
    expect(sweepPath(base, grid, true)).toMatchObject({ path: 'general', decisions: 'per variant', decisionSets: null });
    const plain = strategySchema.parse({ version: 1, name: 'plain', sleeves: { all: { assets: ['A', 'B'], within: { method: 'inverseVol', lookback: 20 } } } });
    const plainGrid = parseGrid(['sleeves.all.within.lookback=10,20', 'rebalance.everyDays=1,5']);
    const plainCheck = checkGrid(plain, plainGrid);
    expect(sweepPath(plain, plainGrid, false, plainCheck.paths, plainCheck.count)).toMatchObject({ path: 'fast', fastVariants: 4, fastDecisions: 'native', decisionSets: 2 });
  });
});

/** |a − b| ≤ 1e-12 · max(1, |b|), or both null. */
function expectNear(actual: number | null | undefined, expected: number | null | undefined, what: string): void {
  if (expected === null || expected === undefined) {
    expect(actual ?? null, what).toBeNull();
    return;
  }
  expect(actual, what).not.toBeNull();
  expect(Math.abs(actual! - expected), `${what}: ${actual} vs ${expected}`).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(expected)));
}

/** A panel of 5 assets where E lists late (row 40) and B has a gap beyond any fill: decisions fall back at some rows. */
function gappedPanel(seed: number, nDays: number): PricePanel {
  const panel = makePanel(seed, nDays, ['A', 'B', 'C', 'D', 'E']);
  for (let t = 0; t < 40; t++) panel.values[4 * nDays + t] = Number.NaN;
  for (let t = 120; t < 126; t++) panel.values[1 * nDays + t] = Number.NaN;
  return panel;
}

const within = fc.constantFrom(
  { method: 'inverseVol', lookback: 15 },
  { method: 'inverseVol', lookback: 15 },
  { method: 'inverseVol', lookback: 40, minObservations: 30 },
  { method: 'equal' },
  { method: 'riskParity', lookback: 30 },
  { method: 'minVariance', lookback: 30, maxWeight: 0.5 },
);
const variantSpecArb = fc.record({
  within,
  // Half plain (one sleeve: inverse vol and equal are decided natively where every member is usable).
  shape: fc.constantFrom('plain', 'plain', 'plain', 'twoSleeves', 'constraints', 'trend'),
  lag: fc.integer({ min: 1, max: 3 }),
  schedule: fc.constantFrom('monthly', 'weekly', 'daily', 'quarterly'),
  on: fc.constantFrom('first', 'last'),
  offset: fc.integer({ min: 0, max: 2 }),
  bps: fc.constantFrom(0, 7.5, 40),
  minTrade: fc.constantFrom(0, 0.01),
  cash: fc.constantFrom('none', 'rate', 'ticker'),
  riskFreeCash: fc.boolean(),
  convention: fc.constantFrom('standard', 'performanceanalytics'),
  riskFreeRate: fc.constantFrom(0, 0.03),
  lateStart: fc.constantFrom('refuse', 'redistribute', 'refuse', 'cash'),
  from: fc.constantFrom(undefined, '2024-03-01'),
});

type SpecDraw = typeof variantSpecArb extends fc.Arbitrary<infer T> ? T : never;

function randomBase(r: SpecDraw): StrategySpec {
  const sleeves: Record<string, unknown> =
    r.shape === 'twoSleeves'
      ? { risk: { assets: ['A', 'B', 'C'], within: r.within }, safe: { assets: ['E'] } }
      : { all: { assets: ['A', 'B', 'C', 'E'], within: r.within, ...(r.shape === 'constraints' ? { constraints: { maxWeight: 0.4 } } : {}) } };
  const cash = r.cash === 'rate' ? { rate: 0.02 } : r.cash === 'ticker' ? { ticker: 'D' } : undefined;
  const riskFreeCash = r.riskFreeCash && cash !== undefined;
  return strategySchema.parse({
    version: 1,
    name: 'fast',
    sleeves,
    ...(r.shape === 'trend' ? { allocation: { trendFilter: { period: 20, level: 'asset', to: 'cash' } } } : {}),
    rebalance: { schedule: r.schedule, on: r.on, lag: r.lag, offset: r.offset, minTrade: r.minTrade },
    costs: { bps: r.bps },
    data: { lateStart: r.lateStart },
    period: r.from ? { from: r.from } : {},
    ...(cash ? { cash } : {}),
    reporting: { convention: r.convention, ...(riskFreeCash ? { riskFree: 'cash' } : { riskFreeRate: r.riskFreeRate }) },
  });
}

/** The general path's figures and daily returns of variant i, or its error message. */
function generalVariant(spec: StrategySpec, panel: PricePanel, i: number): { result: VariantResult; returns: Float64Array } | { error: string } {
  try {
    const ref = general(spec, panel);
    return { result: variantMetrics(i, ref), returns: ref.ledger.returns.slice(1) };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

describe('sweep fast path: each variant equals runBacktest on the general path to 1e-12', () => {
  it('random panels and specs over a lookback × spacing × lag × costs grid', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 1e9 }), variantSpecArb, async (seed, r) => {
        const panel = gappedPanel(seed, 260);
        const base = randomBase(r);
        const lookbackPath = r.shape === 'twoSleeves' ? 'sleeves.risk.within.lookback' : 'sleeves.all.within.lookback';
        const grid = parseGrid([
          ...(r.within.method === 'equal' ? [] : [`${lookbackPath}=12,25`]),
          'rebalance.everyDays=1,4,21',
          `rebalance.lag=0,${r.lag}`,
          'costs.bps=0,25',
        ]);
        expect(fastPathRefusal(base)).toBeNull();
        // As the sweep runs it: every variant checked, the workers assemble them from the parsed parts.
        const check = checkGrid(base, grid);
        expect(check.parts).toBeDefined();
        init([sharePanel(panel)], { spec: base, grid, groupKeys: [variantGroupKey(base)], groupCashRates: [null], keepReturns: true, specParts: check.parts! });
        const count = grid.reduce((n, p) => n * p.values.length, 1);
        for (let i = 0; i < count; i++) {
          const spec = variantSpec(base, grid, i);
          const ref = generalVariant(spec, panel, i);
          if ('error' in ref) {
            await expect(run(i)).rejects.toThrow(ref.error);
            continue;
          }
          const fast = await run(i);
          expect(fast.returns!.length).toBe(ref.returns.length);
          for (let t = 0; t < ref.returns.length; t++) expectNear(fast.returns![t], ref.returns[t], `variant ${i} return ${t}`);
          fast.values.forEach((v, k) => expectNear(v, ref.result.values[k], `variant ${i} figure ${k}`));
          expect(fast.nullCount).toBe(ref.result.nullCount);
        }
      }),
      { numRuns: 8, seed: 12 },
    );
  });

  it('the monthly calendar with no grid over decisions: figures of every variant equal the general path', async () => {
    // Spacing rules that are calendar rules (monthly on first/last, offset), with a sleeve-level
    // across method (riskParity over two sleeves) decided by the general decider once per row.
    const panel = gappedPanel(5, 300);
    const base = strategySchema.parse({
      version: 1,
      name: 'calendar',
      sleeves: { growth: { assets: ['A', 'B', 'C'], within: { method: 'inverseVol', lookback: 20 } }, safe: { assets: ['D'] } },
      allocation: { across: { method: 'riskParity', lookback: 30 } },
      rebalance: { schedule: 'monthly', on: 'last', lag: 1 },
    });
    const grid = parseGrid(['rebalance.schedule=weekly,monthly,quarterly', 'rebalance.on=first,last', 'rebalance.offset=0,1']);
    init([sharePanel(panel)], { spec: base, grid, groupKeys: [variantGroupKey(base)], groupCashRates: [null] });
    for (let i = 0; i < 12; i++) {
      const ref = variantMetrics(i, general(variantSpec(base, grid, i), panel));
      const fast = await run(i);
      fast.values.forEach((v, k) => expectNear(v, ref.values[k], `variant ${i} figure ${k}`));
    }
  });

  it('bands, tranches and user modules are refused: those variants run on the general path', () => {
    expect(fastPathRefusal({ ...base, rebalance: { ...base.rebalance, band: { absolute: 0.05 } } } as StrategySpec)).toMatch(/drift bands/);
    expect(fastPathRefusal({ ...base, rebalance: { ...base.rebalance, tranches: 3 } } as StrategySpec)).toMatch(/tranches/);
    const withModule = { ...base, allocation: { ...base.allocation, across: { method: 'module', module: 'x.mjs', export: 'allocate' } } } as unknown as StrategySpec;
    expect(fastPathRefusal(withModule)).toMatch(/module/);
  });

  it('variant specs assembled from cached per-key parses equal variantSpec, errors included', () => {
    const grid = parseGrid(['sleeves.growth.within.lookback=10,25', 'rebalance.everyDays=1,3', 'rebalance.lag=0,2', 'costs.bps=0,2000']);
    const specs = new VariantSpecs(base, grid);
    for (let i = 0; i < 16; i++) {
      let expected: StrategySpec | string;
      try {
        expected = variantSpec(base, grid, i);
      } catch (error) {
        expected = (error as Error).message;
      }
      if (typeof expected === 'string') expect(() => specs.spec(i)).toThrow(expected);
      else expect(specs.spec(i)).toEqual(expected);
    }
  });

  it('kept figures by hand: returns 0.1, −0.1, 0.05 at P = 252', () => {
    // V: 1.1, 0.99, 1.0395 → totalReturn 0.0395; peak 1.1, drawdown 1 − 0.99/1.1 = 0.1;
    // mean 0.05/3 = 0.016667; deviations 0.083333, −0.116667, 0.033333; Σd² = 0.0216667,
    // sd = √(0.0216667/2) = 0.1040833; vol = sd·√252; Sharpe = mean/sd·√252 = 2.541966;
    // downside Σ = 0.01 over n = 3 → dd = √(0.01/3)·√252; Sortino = mean·252 / dd.
    const r = Float64Array.from([0.1, -0.1, 0.05]);
    const f = keptFigures(r, { periodsPerYear: 252, convention: 'standard', rf: 0, mar: 0 }, 0.6)!;
    const sd = Math.sqrt(0.0216666666666667 / 2);
    expect(f[6]).toBeCloseTo(0.0395, 14);
    expect(f[0]).toBeCloseTo(Math.pow(1.0395, 252 / 3) - 1, 8);
    expect(f[1]).toBeCloseTo(sd * Math.sqrt(252), 12);
    expect(f[2]).toBeCloseTo((0.05 / 3 / sd) * Math.sqrt(252), 10);
    expect(f[3]).toBeCloseTo(((0.05 / 3) * 252) / (Math.sqrt(0.01 / 3) * Math.sqrt(252)), 10);
    expect(f[4]).toBeCloseTo(0.1, 14);
    expect(f[7]).toBeCloseTo(0.6 / (3 / 252), 10);
    expect(f[8]).toBe(3);
    // A non-finite return is left to the general path (computeMetrics rejects it).
    expect(keptFigures(Float64Array.from([0.1, Number.NaN]), { periodsPerYear: 252, convention: 'standard', rf: 0, mar: 0 }, 0)).toBeNull();
  });
});
