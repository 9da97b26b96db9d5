/**
 * Plain specs (one sleeve of inverse vol or equal weight, equal across, no constraints or trend
 * filter) take two shortcuts behind runBacktest; both must equal the general path:
 * - on a prepared panel, plainDecider computes each decision from the prefix sums directly (in
 *   the WebAssembly kernel when the panel lives in a memory of its own): the same targets, to the
 *   bit, as makeDecider on the same prepared panel, and the same records (a failing inverse vol
 *   is left to makeDecider);
 * - without one, the one-shot route (oneShotRoute.ts) sums the returns over blocks between the
 *   decisions' window edges in the WebAssembly kernels and builds only the period's filled
 *   prices: every target within 1e-12 of makeDecider's without a prepared panel (two-pass σ from
 *   the return window), the same fallback records, and the whole run's equity, returns, weights
 *   and trades within 1e-12 of the general path assembled from its parts (as
 *   fastPathEquivalence.property.test.ts does).
 * Panels have a late listing, NaN gaps, an asset outside the strategy and, at random, the assets
 * in another order; specs vary lookback, minObservations, the fallback chain, schedule, lag,
 * costs, minimum trade and the period start.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PricePanel } from '../../src/core/panel.js';
import { makeDecider, type DecisionRecord } from '../../src/engine/decideTargets.js';
import { oneShotColumns, oneShotDecisions } from '../../src/engine/oneShotRoute.js';
import { strategyPeriodWindow } from '../../src/engine/periodWindow.js';
import { plainDecider, plainMethod } from '../../src/engine/plainDecisions.js';
import { preparePanel } from '../../src/engine/preparePanel.js';
import { runBacktest } from '../../src/engine/runBacktest.js';
import { strategyLayout } from '../../src/engine/strategyLayout.js';
import { simulateKernel } from '../../src/execution/simulateKernel.js';
import { calendarSchedule } from '../../src/schedule/calendarSchedule.js';
import { strategySchema, type StrategySpec } from '../../src/strategy/schema.js';
import { panelMemoryOf, wasmKernels } from '../../src/wasm/wasmKernels.js';

interface Case {
  panel: PricePanel;
  spec: StrategySpec;
}

const caseArb = fc
  .record({
    m: fc.integer({ min: 1, max: 11 }),
    n: fc.integer({ min: 120, max: 420 }),
    seed: fc.integer({ min: 1, max: 2 ** 30 }),
    late: fc.integer({ min: 0, max: 90 }),
    gapRate: fc.constantFrom(0, 0.02, 0.1),
    zeroVol: fc.boolean(),
    reverse: fc.boolean(),
    within: fc.constantFrom('inverseVol', 'inverseVol', 'equal'),
    // From 5 rows, as fastPathEquivalence: σ from moments of 2–4 returns is ill-conditioned
    // (the prepared route differs from two-pass σ by more than 1e-12 there too).
    lookback: fc.integer({ min: 5, max: 90 }),
    minObservations: fc.integer({ min: 2, max: 40 }),
    fallback: fc.constantFrom(['equal'], []),
    schedule: fc.constantFrom('weekly', 'monthly', 'quarterly'),
    lag: fc.integer({ min: 0, max: 2 }),
    bps: fc.constantFrom(0, 10),
    minTrade: fc.constantFrom(0, 0.02),
    from: fc.integer({ min: 0, max: 60 }),
  })
  .map((g): Case => {
    let s = g.seed >>> 0;
    const rand = (): number => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
    // Strategy assets S0.., then X (not in the strategy); the last strategy asset lists late and,
    // with zeroVol, the first one does not move for its first 100 rows.
    const k = g.m + 1;
    const names = [...Array.from({ length: g.m }, (_, a) => `S${a}`), 'X'];
    const values = new Float64Array(k * g.n);
    for (let a = 0; a < k; a++) {
      let p = 20 + 7 * a;
      const first = a === g.m - 1 && g.m > 1 ? g.late : 0;
      for (let t = 0; t < g.n; t++) {
        if (!(g.zeroVol && a === 0 && t < 100)) p *= 1 + (rand() - 0.49) * 0.04;
        values[a * g.n + t] = t < first || (t > first && t < g.n - 1 && rand() < g.gapRate) ? Number.NaN : p;
      }
    }
    const dates = new Int32Array(g.n);
    for (let t = 0, d = 19723; t < g.n; d++) if (((d + 4) % 7) % 6 !== 0) dates[t++] = d;
    let panel: PricePanel = { dates, assets: names, values };
    if (g.reverse) {
      const rev = new Float64Array(values.length);
      for (let a = 0; a < k; a++) rev.set(values.subarray(a * g.n, (a + 1) * g.n), (k - 1 - a) * g.n);
      panel = { dates, assets: [...names].reverse(), values: rev };
    }
    const within = g.within === 'equal' ? { method: 'equal' } : { method: 'inverseVol', lookback: g.lookback, minObservations: g.minObservations, fallback: g.fallback };
    const spec = strategySchema.parse({
      version: 1,
      name: 'plain',
      data: { lateStart: 'redistribute' },
      sleeves: { all: { assets: names.slice(0, g.m), within } },
      rebalance: { schedule: g.schedule, on: 'last', lag: g.lag, minTrade: g.minTrade },
      costs: { bps: g.bps },
      ...(g.from > 0 ? { period: { from: isoOf(dates[g.from]!) } } : {}),
    });
    return { panel, spec };
  });

function isoOf(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

function strategyPrices(spec: StrategySpec, panel: PricePanel): { prices: Float64Array; columns: number[] } {
  const layout = strategyLayout(spec);
  const N = panel.dates.length;
  const columns = layout.assets.map((t) => panel.assets.indexOf(t));
  const prices = new Float64Array(columns.length * N);
  columns.forEach((a, i) => prices.set(panel.values.subarray(a * N, (a + 1) * N), i * N));
  return { prices, columns };
}

/** The general path: decider without a prepared panel, kernel filling its own prices. */
function generalRun(spec: StrategySpec, panel: PricePanel): { ledger: ReturnType<typeof simulateKernel>; log: DecisionRecord[] } {
  const layout = strategyLayout(spec);
  const N = panel.dates.length;
  const { prices } = strategyPrices(spec, panel);
  const { lo, hi } = strategyPeriodWindow(spec, layout.assets, { panel });
  const log: DecisionRecord[] = [];
  const decide = makeDecider({ layout, across: spec.allocation.across, prices, nRows: N, dates: panel.dates, lateStart: spec.data.lateStart }, log);
  const { rebalance, costs } = spec;
  const ledger = simulateKernel({
    nDates: hi - lo,
    nAssets: layout.assets.length,
    prices,
    stride: N,
    offset: lo,
    calendar: calendarSchedule(panel.dates.subarray(lo, hi), { schedule: rebalance.schedule, on: rebalance.on }, panel.dates[hi]),
    bandAbsolute: 0,
    bandRelative: 0,
    lag: rebalance.lag,
    costRate: (costs.bps + costs.slippageBps) / 10_000,
    minTurnover: rebalance.minTrade,
    decide: (t, out) => decide(lo + t, out),
  });
  return { ledger, log };
}

function close(a: ArrayLike<number>, b: ArrayLike<number>, tol: (x: number) => number): void {
  expect(a.length).toBe(b.length);
  for (let i = 0; i < a.length; i++) expect(Math.abs(a[i]! - b[i]!)).toBeLessThanOrEqual(tol(b[i]!));
}

describe.skipIf(wasmKernels === null)('plain routes', () => {
  it('the one-shot targets and records equal the general decider’s (1e-12), at every decision', () => {
    let taken = 0;
    fc.assert(
      fc.property(caseArb, ({ panel, spec }) => {
        const layout = strategyLayout(spec);
        const method = plainMethod(spec, layout);
        expect(method).not.toBeNull();
        const N = panel.dates.length;
        const m = layout.assets.length;
        const { prices, columns } = strategyPrices(spec, panel);
        const { lo, hi } = strategyPeriodWindow(spec, layout.assets, { panel });
        const calendar = calendarSchedule(panel.dates.subarray(lo, hi), { schedule: spec.rebalance.schedule, on: 'last' }, panel.dates[hi]);
        const cols = oneShotColumns(prices, N, m, columns, panel.assets.length)!;
        // Holes counted in the kernel: unpriced rows inside each column's priced span, counted here
        // by hand; the span's first and last priced rows (N and −1 for a column without a price).
        columns.forEach((c, i) => {
          const col = prices.subarray(i * N, (i + 1) * N);
          const priced = Array.from(col, (p, t) => (p > 0 ? t : -1)).filter((t) => t >= 0);
          expect(cols.holes[c]).toBe(priced.length === 0 ? 0 : priced[priced.length - 1]! - priced[0]! + 1 - priced.length);
          expect(cols.first[i]).toBe(priced.length === 0 ? N : priced[0]);
          expect(cols.last[i]).toBe(priced.length === 0 ? -1 : priced[priced.length - 1]);
        });
        const log: DecisionRecord[] = [];
        const route = oneShotDecisions(cols, method!, 'all', lo, hi, calendar, spec.rebalance.lag, log);
        if (route === null) return;
        taken++;
        const expectedLog: DecisionRecord[] = [];
        const general = makeDecider({ layout, across: spec.allocation.across, prices, nRows: N, dates: panel.dates, lateStart: spec.data.lateStart }, expectedLog);
        const want = new Float64Array(m);
        const got = new Float64Array(m);
        for (let t = 0; t + spec.rebalance.lag < hi - lo; t++) {
          if (calendar[t] !== 1) continue;
          general(lo + t, want);
          route.decide(lo + t, got);
          close(got, want, () => 1e-12);
        }
        expect(log).toEqual(expectedLog);
        // The prices holdings are valued at: from an asset's first price on, each period row's
        // last price on or before it (before it, none: not > 0).
        const { values: F, stride, offset, columns: fc_ } = route.filled;
        for (let a = 0; a < m; a++) {
          let last = Number.NaN;
          for (let t = 0; t < hi; t++) {
            if (prices[a * N + t]! > 0) last = prices[a * N + t]!;
            if (t < lo) continue;
            const got = F[(offset + t - lo) * stride + fc_[a]!]!;
            if (last > 0) expect(got).toBe(last);
            else expect(got > 0).toBe(false);
          }
        }
      }),
      { numRuns: 120, seed: 20261201 },
    );
    // Most cases are short enough in block visits for the route to take them.
    expect(taken).toBeGreaterThan(60);
  });

  it('on a prepared panel plainDecider gives makeDecider’s targets and records, to the bit', () => {
    fc.assert(
      fc.property(caseArb, ({ panel, spec }) => {
        const layout = strategyLayout(spec);
        const N = panel.dates.length;
        const { prices, columns } = strategyPrices(spec, panel);
        const prepared = { data: preparePanel(panel), columns };
        const ctx = { layout, across: spec.allocation.across, prices, nRows: N, prepared, dates: panel.dates, lateStart: spec.data.lateStart };
        const expectedLog: DecisionRecord[] = [];
        const log: DecisionRecord[] = [];
        const general = makeDecider(ctx, expectedLog);
        const plain = plainDecider(plainMethod(spec, layout)!, layout, prices, N, prepared, makeDecider(ctx, log), log).decide;
        const want = new Float64Array(layout.assets.length);
        const got = new Float64Array(layout.assets.length);
        for (let row = 0; row < N; row += 3) {
          general(row, want);
          plain(row, got);
          expect(Array.from(got)).toEqual(Array.from(want));
        }
        expect(log).toEqual(expectedLog);
      }),
      { numRuns: 60, seed: 20261202 },
    );
  });

  it('on a panel in a memory of its own, the kernel decisions (inverseVolPrefix) are makeDecider’s, to the bit', () => {
    // 48 × 1,800 = 86,400 cells: the prepared panel lives in a panel memory; asset 7 lists at
    // row 900, about 2% of the prices of two columns in three are missing (the third has none:
    // eligible on its priced span; asset 8, one of them, is priced on rows 600–1,500 only),
    // asset 3 does not move for its first 300 rows,
    // and a column outside the strategy comes first (the strategy's columns start at 1).
    const N = 1800;
    const m = 47;
    const values = new Float64Array(N * (m + 1));
    let s = 424242;
    const rand = (): number => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
    for (let a = 0; a <= m; a++) {
      let p = 30 + a;
      for (let t = 0; t < N; t++) {
        if (!(a === 4 && t < 300)) p *= 1 + (rand() - 0.49) * 0.04;
        values[a * N + t] = (a === 8 && t < 900) || (a === 9 && (t < 600 || t > 1500)) || (a % 3 !== 0 && t > 0 && t < N - 1 && rand() < 0.02) ? Number.NaN : p;
      }
    }
    const dates = new Int32Array(N);
    for (let t = 0, d = 10000; t < N; d++) if (((d + 4) % 7) % 6 !== 0) dates[t++] = d;
    const names = Array.from({ length: m + 1 }, (_, a) => `T${a}`);
    const panel: PricePanel = { dates, assets: names, values };
    for (const lookback of [20, 63, 250]) {
      const spec = strategySchema.parse({
        version: 1,
        name: 'kernel',
        data: { lateStart: 'redistribute' },
        sleeves: { all: { assets: names.slice(1), within: { method: 'inverseVol', lookback, minObservations: 30 } } },
        rebalance: { schedule: 'monthly', on: 'last' },
      });
      const layout = strategyLayout(spec);
      const { prices, columns } = strategyPrices(spec, panel);
      const prepared = { data: preparePanel(panel), columns };
      expect(panelMemoryOf(prepared.data.filled)).toBeDefined();
      const ctx = { layout, across: spec.allocation.across, prices, nRows: N, prepared, dates: panel.dates, lateStart: spec.data.lateStart };
      const expectedLog: DecisionRecord[] = [];
      const log: DecisionRecord[] = [];
      const general = makeDecider(ctx, expectedLog);
      const plain = plainDecider(plainMethod(spec, layout)!, layout, prices, N, prepared, makeDecider(ctx, log), log).decide;
      const want = new Float64Array(m);
      const got = new Float64Array(m);
      for (let row = 0; row < N; row += 7) {
        general(row, want);
        plain(row, got);
        expect(Array.from(got)).toEqual(Array.from(want));
      }
      expect(log).toEqual(expectedLog);
      // Early rows fell back (too few returns) and later ones did not.
      expect(expectedLog.length).toBeGreaterThan(0);
      expect(expectedLog.length).toBeLessThan(N / 7 / 2);
      // All at once (decideRows, targets in the panel's memory as the kernel loop holds them):
      // rows around assets 7's and 8's first and last prices and the panel's ends, and every fifth row.
      const pm = panelMemoryOf(prepared.data.filled)!;
      const rows = Int32Array.from(new Set([0, 1, 2, 599, 600, 601, 898, 899, 900, 901, 1499, 1500, 1501, N - 2, N - 1, ...Array.from({ length: N / 5 }, (_, k) => 5 * k)])).sort();
      const targets = new Float64Array(prepared.data.filled.buffer, pm.scratch, rows.length * m);
      const batchLog: DecisionRecord[] = [];
      const batch = plainDecider(plainMethod(spec, layout)!, layout, prices, N, prepared, makeDecider(ctx, batchLog), batchLog).decideRows!;
      batch(rows, targets);
      const rowLog: DecisionRecord[] = [];
      const one = makeDecider(ctx, rowLog);
      rows.forEach((row, k) => {
        one(row, want);
        expect(Array.from(targets.subarray(k * m, (k + 1) * m))).toEqual(Array.from(want));
      });
      expect(batchLog).toEqual(rowLog);
      // A whole run from row 0 (asset 8 in cash until its first price; the first decisions fall
      // back) without weights decides all its rows in one kernel call (decideRows) and runs
      // the kernel loop (simulateWasm): the same ledger and records, to the bit, as the run that
      // records weights (row by row, the TypeScript loop).
      for (const lag of [0, 1, 2]) {
        const run = strategySchema.parse({ ...spec, period: { from: isoOf(dates[0]!) }, rebalance: { ...spec.rebalance, lag }, costs: { bps: lag * 10, slippageBps: 0 } });
        const a = runBacktest(run, { panel, prepared: prepared.data });
        const b = runBacktest(run, { panel, prepared: prepared.data, recordWeights: false });
        expect(Array.from(b.ledger.equity)).toEqual(Array.from(a.ledger.equity));
        expect(Array.from(b.ledger.trades.turnover)).toEqual(Array.from(a.ledger.trades.turnover));
        expect(b.rebalances).toEqual(a.rebalances);
        expect(a.rebalances.some((r) => r.fallbacks.length > 0)).toBe(true);
      }
    }
  });

  it('with every column priced on exactly its span, the kernel takes the window counts from the spans (the same bits; no count row read)', () => {
    // 40 × 2,000 = 80,000 cells, in a panel memory. No holes: asset 5 lists at row 700, asset 9
    // stops at row 1,600, asset 12 is never priced, the rest cover every row. A window's count is
    // then c(hi) − c(lo) with c(r) = max(0, min(r − 1, l) − f): e.g. asset 5 (f = 700) over
    // prefix rows 690..753 (a decision at row 752, lookback 63) has c(753) − c(690) = 52 − 0 = 52
    // returns (rows 701..752).
    const N = 2000;
    const m = 40;
    const build = (negativeBefore: boolean): PricePanel => {
      const values = new Float64Array(N * m);
      let s = 777;
      const rand = (): number => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
      for (let a = 0; a < m; a++) {
        let p = 20 + a;
        for (let t = 0; t < N; t++) {
          p *= 1 + (rand() - 0.49) * 0.03;
          const unpriced = (a === 5 && t < 700) || (a === 9 && t > 1600) || a === 12;
          // A negative price is not a price, yet its ratio to the next one is a finite return.
          values[a * N + t] = unpriced ? (negativeBefore && a === 5 && t === 699 ? -1 : Number.NaN) : p;
        }
      }
      const dates = new Int32Array(N);
      for (let t = 0, d = 11000; t < N; d++) if (((d + 4) % 7) % 6 !== 0) dates[t++] = d;
      return { dates, assets: Array.from({ length: m }, (_, a) => `S${a}`), values };
    };
    for (const negativeBefore of [false, true]) {
      const panel = build(negativeBefore);
      const spec = strategySchema.parse({
        version: 1,
        name: 'spans',
        data: { lateStart: 'redistribute' },
        sleeves: { all: { assets: panel.assets, within: { method: 'inverseVol', lookback: 63, minObservations: 20 } } },
        rebalance: { schedule: 'monthly', on: 'last' },
      });
      const layout = strategyLayout(spec);
      const { prices, columns } = strategyPrices(spec, panel);
      const prepared = { data: preparePanel(panel), columns };
      const pm = panelMemoryOf(prepared.data.filled)!;
      expect(pm).toBeDefined();
      expect(Array.from(prepared.data.holes).every((h) => h === 0)).toBe(true);
      const ctx = { layout, across: spec.allocation.across, prices, nRows: N, prepared, dates: panel.dates, lateStart: spec.data.lateStart };
      const rows = Int32Array.from({ length: Math.floor(N / 21) }, (_, k) => 21 * k + 3);
      const want = new Float64Array(rows.length * m);
      const wantLog: DecisionRecord[] = [];
      const general = makeDecider(ctx, wantLog);
      rows.forEach((row, k) => general(row, want.subarray(k * m, (k + 1) * m)));
      // The count prefix rows overwritten (all but the last, the totals the spans are checked
      // against): the span-counted batch cannot have read them; with asset 5's negative price the
      // spans do not give the counts (its total is l − f + 1), so the batch reads them and differs.
      const count = prepared.data.count;
      const saved = count.slice();
      count.fill(3, 0, N * m);
      try {
        const log: DecisionRecord[] = [];
        const targets = new Float64Array(prepared.data.filled.buffer, pm.scratch, rows.length * m);
        plainDecider(plainMethod(spec, layout)!, layout, prices, N, prepared, makeDecider(ctx, log), log).decideRows!(rows, targets);
        if (negativeBefore) expect(Array.from(targets)).not.toEqual(Array.from(want));
        else {
          expect(Array.from(targets)).toEqual(Array.from(want));
          expect(log).toEqual(wantLog);
        }
      } finally {
        count.set(saved);
      }
    }
  });

  it('whole runs, from prices and on a prepared panel, equal the general path (1e-12)', () => {
    fc.assert(
      fc.property(caseArb, ({ panel, spec }) => {
        const expected = generalRun(spec, panel);
        const want = expected.ledger;
        for (const data of [{ panel }, { panel, prepared: preparePanel(panel) }, { panel, recordWeights: false }]) {
          const result = runBacktest(spec, data);
          const got = result.ledger;
          expect(Array.from(got.trades.row)).toEqual(Array.from(want.trades.row));
          expect(Array.from(got.trades.decisionRow)).toEqual(Array.from(want.trades.decisionRow));
          expect(got.skippedTrades).toBe(want.skippedTrades);
          close(got.equity, want.equity, (x) => 1e-12 * Math.abs(x));
          close(got.returns, want.returns, () => 1e-12);
          close(got.trades.turnover, want.trades.turnover, () => 1e-12);
          close(got.trades.cost, want.trades.cost, () => 1e-12);
          if (got.weights.length > 0) close(got.weights, want.weights, () => 1e-12);
          // The same fallbacks on the same trades (records keyed by full-panel row; trades by period row).
          const lo = panel.dates.indexOf(result.dates[0]!);
          const byRow = new Map(expected.log.map((d) => [d.row - lo, d.fallbacks]));
          expect(result.rebalances.map((r) => r.fallbacks)).toEqual(Array.from(want.trades.decisionRow, (row) => byRow.get(row) ?? []));
        }
      }),
      { numRuns: 100, seed: 20261203 },
    );
  });
});
