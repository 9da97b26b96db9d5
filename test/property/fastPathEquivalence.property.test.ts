/**
 * The engine's fast path equals the general one on random panels and strategies, to 1e-12.
 *
 * Fast path (runBacktest with a prepared panel): window moments from the prepared prefix sums,
 * eligibility from the prepared priced spans, holdings valued from the prepared forward-filled
 * row-major prices (through the strategy's column map when the panel lists the assets in another
 * order), buffers reused across runs.
 * General path, assembled here from the parts: the decider without a prepared panel (each
 * window's returns built from the prices, σ in two passes; eligibility read from the prices)
 * and the kernel without filled prices (it forward-fills the column-major prices itself).
 *
 * Panels have late listings and NaN gaps; strategies have one or two sleeves (inverse vol,
 * equal, risk parity, momentum), lags 0–2, costs, drift bands, minimum trades and a late-start
 * policy. The kernel itself is checked against a naive simulator in kernelVsNaive.property.test.ts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PricePanel } from '../../src/core/panel.js';
import { makeDecider } from '../../src/engine/decideTargets.js';
import { strategyPeriodWindow } from '../../src/engine/periodWindow.js';
import { preparePanel } from '../../src/engine/preparePanel.js';
import { runBacktest } from '../../src/engine/runBacktest.js';
import { strategyLayout } from '../../src/engine/strategyLayout.js';
import { simulateKernel } from '../../src/execution/simulateKernel.js';
import { calendarSchedule } from '../../src/schedule/calendarSchedule.js';
import { strategySchema, type StrategySpec } from '../../src/strategy/schema.js';

const TICKERS = ['A', 'B', 'C', 'D', 'E', 'F'];

interface Case {
  panel: PricePanel;
  spec: StrategySpec;
}

const caseArb = fc
  .record({
    m: fc.integer({ min: 2, max: 6 }),
    n: fc.integer({ min: 70, max: 160 }),
    seed: fc.integer({ min: 1, max: 2 ** 30 }),
    late: fc.integer({ min: 0, max: 40 }),
    gapRate: fc.constantFrom(0, 0.03, 0.1),
    shuffle: fc.boolean(),
    split: fc.boolean(),
    within: fc.constantFrom('inverseVol', 'equal', 'riskParity', 'momentumTopK'),
    other: fc.constantFrom('inverseVol', 'equal'),
    lookback: fc.integer({ min: 5, max: 40 }),
    schedule: fc.constantFrom('weekly', 'monthly'),
    lag: fc.integer({ min: 0, max: 2 }),
    bps: fc.constantFrom(0, 10),
    band: fc.constantFrom(0, 0.03),
    minTrade: fc.constantFrom(0, 0.02),
    lateStart: fc.constantFrom('redistribute', 'cash'),
  })
  .map((g): Case => {
    let s = g.seed >>> 0;
    const rand = (): number => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
    const assets = TICKERS.slice(0, g.m);
    const values = new Float64Array(g.m * g.n);
    for (let a = 0; a < g.m; a++) {
      let p = 20 + 10 * a;
      // The last asset lists late; every asset has random missing days after its first price.
      const first = a === g.m - 1 ? g.late : 0;
      for (let t = 0; t < g.n; t++) {
        p *= 1 + (rand() - 0.49) * 0.05;
        values[a * g.n + t] = t < first || (t > first && t < g.n - 1 && rand() < g.gapRate) ? Number.NaN : p;
      }
    }
    const dates = new Int32Array(g.n);
    for (let t = 0, d = 19723; t < g.n; d++) if (((d + 4) % 7) % 6 !== 0) dates[t++] = d;
    let panel: PricePanel = { dates, assets, values };
    if (g.shuffle) {
      // The panel lists the assets in reverse: the run maps its columns.
      const rev = new Float64Array(values.length);
      for (let a = 0; a < g.m; a++) rev.set(values.subarray(a * g.n, (a + 1) * g.n), (g.m - 1 - a) * g.n);
      panel = { dates, assets: [...assets].reverse(), values: rev };
    }
    const method = (name: string): Record<string, unknown> => (name === 'momentumTopK' ? { method: name, k: 1, lookback: g.lookback } : name === 'equal' ? { method: name } : { method: name, lookback: g.lookback });
    const half = Math.ceil(g.m / 2);
    const sleeves = g.split
      ? { one: { assets: assets.slice(0, half), within: method(g.within) }, two: { assets: assets.slice(half), within: method(g.other) } }
      : { all: { assets, within: method(g.within) } };
    const spec = strategySchema.parse({
      version: 1,
      name: 'equivalence',
      data: { lateStart: g.lateStart },
      sleeves,
      allocation: { across: g.split ? { method: 'inverseVol', lookback: g.lookback } : { method: 'equal' } },
      rebalance: { schedule: g.schedule, on: 'last', lag: g.lag, minTrade: g.minTrade, ...(g.band > 0 ? { band: { absolute: g.band } } : {}) },
      costs: { bps: g.bps },
    });
    return { panel, spec };
  });

/** The general path: decider without a prepared panel, kernel filling its own prices. */
function generalRun(spec: StrategySpec, panel: PricePanel): ReturnType<typeof simulateKernel> {
  const layout = strategyLayout(spec);
  const N = panel.dates.length;
  const m = layout.assets.length;
  const prices = new Float64Array(m * N);
  layout.assets.forEach((ticker, i) => {
    const a = panel.assets.indexOf(ticker);
    prices.set(panel.values.subarray(a * N, (a + 1) * N), i * N);
  });
  const { lo, hi } = strategyPeriodWindow(spec, layout.assets, { panel });
  const decide = makeDecider({ layout, across: spec.allocation.across, prices, nRows: N, dates: panel.dates, lateStart: spec.data.lateStart }, []);
  const { rebalance, costs } = spec;
  return simulateKernel({
    nDates: hi - lo,
    nAssets: m,
    prices,
    stride: N,
    offset: lo,
    calendar: calendarSchedule(panel.dates.subarray(lo, hi), { schedule: rebalance.schedule, on: rebalance.on }, panel.dates[hi]),
    bandAbsolute: rebalance.band?.absolute ?? 0,
    bandRelative: 0,
    lag: rebalance.lag,
    costRate: (costs.bps + costs.slippageBps) / 10_000,
    minTurnover: rebalance.minTrade,
    decide: (t, out) => decide(lo + t, out),
  });
}

describe('fast path vs general path', () => {
  it('equity, weights and trades agree to 1e-12 on random panels and strategies', () => {
    fc.assert(
      fc.property(caseArb, ({ panel, spec }) => {
        const expected = generalRun(spec, panel);
        const fast = runBacktest(spec, { panel, prepared: preparePanel(panel) }).ledger;
        // Without a prepared panel the run prepares one itself (into reused buffers): the same.
        const own = runBacktest(spec, { panel }).ledger;
        for (const got of [fast, own]) {
          expect(Array.from(got.trades.row)).toEqual(Array.from(expected.trades.row));
          const n = expected.nDates;
          for (let t = 0; t < n; t++) expect(Math.abs(got.equity[t]! - expected.equity[t]!)).toBeLessThanOrEqual(1e-12 * expected.equity[t]!);
          for (let i = 0; i < expected.weights.length; i++) expect(Math.abs(got.weights[i]! - expected.weights[i]!)).toBeLessThanOrEqual(1e-12);
        }
      }),
      { numRuns: 150, seed: 20261130 },
    );
  });

  it('recordWeights: false changes nothing but the weights', () => {
    fc.assert(
      fc.property(caseArb, ({ panel, spec }) => {
        const prepared = preparePanel(panel);
        const a = runBacktest(spec, { panel, prepared }).ledger;
        const b = runBacktest(spec, { panel, prepared, recordWeights: false }).ledger;
        expect(b.weights.length).toBe(0);
        expect(Array.from(b.equity)).toEqual(Array.from(a.equity));
        expect(Array.from(b.trades.row)).toEqual(Array.from(a.trades.row));
      }),
      { numRuns: 40, seed: 7 },
    );
  });
});
