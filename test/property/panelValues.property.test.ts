/**
 * A run without a prepared panel reads the prices in place when the panel's values live in a
 * values memory of their own (wasm/panelValues.ts), and copies them into the one-shot runs'
 * memory otherwise (engine/oneShotRoute.ts). Both run the same kernels on the same values, so a
 * run's ledger, rebalances and warnings must be the same bits either way: the same spec on a panel
 * from the allocator and on a plain Float64Array copy of it, compared with Object.is element by
 * element. Panels have a late listing, NaN gaps (so some runs value holdings at filled prices,
 * written into the values memory's scratch) and, at random, the strategy's assets in another order
 * than the panel's (then runBacktest gathers them into a fresh array, which is copied: both
 * panels take the same path). A run finding no room in the values memory takes the copy: the
 * same bits again.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PricePanel } from '../../src/core/panel.js';
import type { DecisionRecord } from '../../src/engine/decideTargets.js';
import { oneShotColumns, oneShotDecisions } from '../../src/engine/oneShotRoute.js';
import { strategyPeriodWindow } from '../../src/engine/periodWindow.js';
import { plainMethod } from '../../src/engine/plainDecisions.js';
import { runBacktest, type BacktestResult } from '../../src/engine/runBacktest.js';
import { strategyLayout } from '../../src/engine/strategyLayout.js';
import { calendarSchedule } from '../../src/schedule/calendarSchedule.js';
import { strategySchema, type StrategySpec } from '../../src/strategy/schema.js';
import { valuesInMemory, valuesMemoryOf } from '../../src/wasm/panelValues.js';
import { wasmKernels } from '../../src/wasm/wasmKernels.js';

interface Case {
  /** The same prices twice: in a values memory, and in a plain Float64Array. */
  inMemory: PricePanel;
  plain: PricePanel;
  spec: StrategySpec;
  inOrder: boolean;
  recordWeights: boolean;
}

const caseArb = fc
  .record({
    m: fc.integer({ min: 1, max: 9 }),
    n: fc.integer({ min: 120, max: 400 }),
    seed: fc.integer({ min: 1, max: 2 ** 30 }),
    late: fc.integer({ min: 0, max: 90 }),
    gapRate: fc.constantFrom(0, 0.03, 0.1),
    reverse: fc.boolean(),
    within: fc.constantFrom('inverseVol', 'inverseVol', 'equal'),
    lookback: fc.integer({ min: 5, max: 80 }),
    minObservations: fc.integer({ min: 2, max: 40 }),
    schedule: fc.constantFrom('daily', 'weekly', 'monthly'),
    lag: fc.integer({ min: 0, max: 2 }),
    bps: fc.constantFrom(0, 10),
    minTrade: fc.constantFrom(0, 0.02),
    recordWeights: fc.boolean(),
  })
  .map((g): Case => {
    let s = g.seed >>> 0;
    const rand = (): number => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
    // Strategy assets S0.. then X (not in the strategy); the last strategy asset lists late.
    const k = g.m + 1;
    const names = [...Array.from({ length: g.m }, (_, a) => `S${a}`), 'X'];
    const order = g.reverse ? names.map((_, i) => k - 1 - i) : names.map((_, i) => i);
    const inMemory = valuesInMemory(k * g.n)!;
    for (let a = 0; a < k; a++) {
      let p = 20 + 7 * a;
      const first = a === g.m - 1 && g.m > 1 ? g.late : 0;
      for (let t = 0; t < g.n; t++) {
        p *= 1 + (rand() - 0.49) * 0.04;
        inMemory[order[a]! * g.n + t] = t < first || (t > first && t < g.n - 1 && rand() < g.gapRate) ? Number.NaN : p;
      }
    }
    const dates = new Int32Array(g.n);
    for (let t = 0, d = 19723; t < g.n; d++) if (((d + 4) % 7) % 6 !== 0) dates[t++] = d;
    const assets = order.map((_, j) => names[order.indexOf(j)]!);
    const within = g.within === 'equal' ? { method: 'equal' } : { method: 'inverseVol', lookback: g.lookback, minObservations: g.minObservations, fallback: ['equal'] };
    const spec = strategySchema.parse({
      version: 1,
      name: 'in-place',
      data: { lateStart: 'redistribute' },
      sleeves: { all: { assets: names.slice(0, g.m), within } },
      rebalance: { schedule: g.schedule, on: 'last', lag: g.lag, minTrade: g.minTrade },
      costs: { bps: g.bps },
    });
    return {
      inMemory: { dates, assets, values: inMemory },
      plain: { dates, assets, values: Float64Array.from(inMemory) },
      spec,
      inOrder: !g.reverse,
      recordWeights: g.recordWeights,
    };
  });

/** Every element the same bits (Object.is: NaN equals NaN, 0 and −0 differ). */
function same(a: ArrayLike<number>, b: ArrayLike<number>, what: string): void {
  expect(a.length, what).toBe(b.length);
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) expect(`${what}[${i}] = ${a[i]}`).toBe(`${what}[${i}] = ${b[i]}`);
}

function sameRun(a: BacktestResult, b: BacktestResult): void {
  const [x, y] = [a.ledger, b.ledger];
  same(x.equity, y.equity, 'equity');
  same(x.returns, y.returns, 'returns');
  same(x.cash, y.cash, 'cash');
  same(x.weights, y.weights, 'weights');
  expect(x.skippedTrades).toBe(y.skippedTrades);
  expect(x.trades.count).toBe(y.trades.count);
  same(x.trades.row, y.trades.row, 'trade rows');
  same(x.trades.decisionRow, y.trades.decisionRow, 'decision rows');
  same(x.trades.rule, y.trades.rule, 'rules');
  same(x.trades.turnover, y.trades.turnover, 'turnover');
  same(x.trades.cost, y.trades.cost, 'cost');
  same(a.dates, b.dates, 'dates');
  expect(a.rebalances).toEqual(b.rebalances);
  expect(a.warnings).toEqual(b.warnings);
  expect(a.coverage).toEqual(b.coverage);
}

describe.skipIf(wasmKernels === null)('one-shot runs on a panel from the values allocator', () => {
  it('read the prices in place and give the same ledger, bit for bit, as on a plain copy', () => {
    let inOrderRuns = 0;
    fc.assert(
      fc.property(caseArb, ({ inMemory, plain, spec, inOrder, recordWeights }) => {
        expect(valuesMemoryOf(inMemory.values)).toBeDefined();
        expect(valuesMemoryOf(plain.values)).toBeUndefined();
        const layout = strategyLayout(spec);
        const m = layout.assets.length;
        const N = inMemory.dates.length;
        // The path each panel takes: in place exactly when the strategy's columns are the panel's first.
        const cols = oneShotColumns(inMemory.values.subarray(0, m * N), N, m, [...Array(m).keys()], inMemory.assets.length)!;
        expect(cols.inPlace).toBe(true);
        expect(oneShotColumns(plain.values.subarray(0, m * N), N, m, [...Array(m).keys()], plain.assets.length)!.inPlace).toBe(false);
        if (inOrder) inOrderRuns++;
        const before = inMemory.values.slice();
        sameRun(runBacktest(spec, { panel: inMemory, recordWeights }), runBacktest(spec, { panel: plain, recordWeights }));
        // The run wrote into the scratch only: the prices are untouched.
        same(inMemory.values, before, 'prices');
      }),
      { numRuns: 80, seed: 20261202 },
    );
    expect(inOrderRuns).toBeGreaterThan(20);
  });

  it('with no room in the values memory, the same run on a copy of the prices', () => {
    let taken = 0;
    fc.assert(
      fc.property(caseArb, ({ inMemory, spec, inOrder }) => {
        fc.pre(inOrder);
        const layout = strategyLayout(spec);
        const method = plainMethod(spec, layout)!;
        const m = layout.assets.length;
        const N = inMemory.dates.length;
        const prices = inMemory.values.subarray(0, m * N);
        const columns = [...Array(m).keys()];
        const { lo, hi } = strategyPeriodWindow(spec, layout.assets, { panel: inMemory });
        const calendar = calendarSchedule(inMemory.dates.subarray(lo, hi), { schedule: spec.rebalance.schedule, on: 'last' }, inMemory.dates[hi]);
        const cols = oneShotColumns(prices, N, m, columns, inMemory.assets.length)!;
        const n = hi - lo;
        const lag = spec.rebalance.lag;
        const rows = Int32Array.from(Array.from(calendar).flatMap((c, t) => (c === 1 && t + lag < n ? [lo + t] : [])));
        // A route's targets at every decision and the prices it values holdings at on every period
        // row, read out at once (the next route may reuse the same scratch).
        const take = (c: typeof cols): { targets: Float64Array; valued: Float64Array; log: DecisionRecord[]; inValues: boolean } | null => {
          const log: DecisionRecord[] = [];
          const route = oneShotDecisions(c, method, 'all', lo, hi, calendar, lag, log);
          if (route === null) return null;
          const targets = new Float64Array(m * rows.length);
          route.decideRows(rows, targets);
          const f = route.filled;
          const valued = Float64Array.from({ length: n * m }, (_, k) => f.values[(f.offset + Math.floor(k / m)) * f.stride + f.columns[k % m]!]!);
          return { targets, valued, log, inValues: valuesMemoryOf(f.values) !== undefined };
        };
        const a = take(cols);
        // Its scratch refused (as when a run needs more than the memory holds): the copy.
        const full = take({ ...cols, memory: () => null });
        // Room for the decision rows but not for the rest (the second request, with the kernel
        // loop's scratch): the copy too.
        const late = take({ ...cols, memory: (b, sb) => (sb > 0 ? null : cols.memory(b, sb)) });
        expect(full === null).toBe(a === null);
        expect(late === null).toBe(a === null);
        if (a === null || full === null || late === null) return;
        taken++;
        expect([a.inValues, full.inValues, late.inValues]).toEqual([true, false, false]);
        for (const other of [full, late]) {
          expect(other.log).toEqual(a.log);
          same(other.targets, a.targets, 'targets');
          same(other.valued, a.valued, 'valued prices');
        }
      }),
      { numRuns: 40, seed: 20261203 },
    );
    // Most runs are short enough in block visits for the one-shot route to take them.
    expect(taken).toBeGreaterThan(15);
  });
});
