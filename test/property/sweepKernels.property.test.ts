/**
 * The sweep's WebAssembly kernels (wasm/sweepKernels.ts, on the shared memory of
 * src/sweep/sweepMemory.ts) against their TypeScript twins (sweepDecisions.ts decideNative,
 * sweepSimulate.ts): on random panels (gaps, late listings: rows the kernel leaves to the
 * TypeScript decider) and random one-sleeve specs (inverse vol with its minimum observations
 * and fallbacks, equal weights, risk parity through the general decider; spacings, lags, costs,
 * minimum trades, cash, a later start, cash as the risk-free rate), every variant's daily returns and
 * figures are the same bits either way, and equal runBacktest on the general path to 1e-12.
 * Skipped when the kernels are not built (npm run build builds them).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PricePanel } from '../../src/core/panel.js';
import { preparePanel } from '../../src/engine/preparePanel.js';
import { makeDecider } from '../../src/engine/decideTargets.js';
import { runBacktest } from '../../src/engine/runBacktest.js';
import { FastSweep } from '../../src/sweep/fastPath.js';
import { parseGrid } from '../../src/sweep/parseGrid.js';
import { sharePreparedPanel, type SharedPanel } from '../../src/sweep/sharedPanel.js';
import { sweepKernelsModule } from '../../src/sweep/sweepMemory.js';
import { variantFigures, variantMetrics, type VariantResult } from '../../src/sweep/variantMetrics.js';
import { variantSpec } from '../../src/sweep/variantSpec.js';
import { strategySchema } from '../../src/strategy/schema.js';

/** Random-walk prices; `gaps`: asset 1 misses rows 60..65 and asset 4 lists at row 30 (rows where not every asset is priced). */
function makePanel(seed: number, nDays: number, nAssets: number, gaps: boolean): PricePanel {
  let s = seed >>> 0;
  const rand = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  const assets = Array.from({ length: nAssets }, (_, a) => `A${a}`);
  const values = new Float64Array(nDays * nAssets);
  for (let a = 0; a < nAssets; a++) {
    let p = 40 + 7 * a;
    for (let t = 0; t < nDays; t++) {
      p *= 1 + (rand() - 0.49) * 0.05;
      values[a * nDays + t] = p;
    }
  }
  if (gaps) {
    for (let t = 60; t < 66; t++) values[1 * nDays + t] = Number.NaN;
    if (nAssets > 4) for (let t = 0; t < 30; t++) values[4 * nDays + t] = Number.NaN;
  }
  const dates = new Int32Array(nDays);
  for (let t = 0, d = 19723; t < nDays; d++) if (((d + 4) % 7) % 6 !== 0) dates[t++] = d;
  return { dates, assets, values };
}

/** A fast path with the general figures and the general decider at hand (as sweepTask sets them when a variant needs them). */
function fastSweep(shared: SharedPanel): FastSweep {
  const fast = new FastSweep(shared, shared.prepared!, undefined);
  fast.variantFigures = variantFigures;
  fast.makeDecider = makeDecider;
  return fast;
}

function runFast(fast: FastSweep, index: number, spec: Parameters<FastSweep['run']>[1]): VariantResult {
  const result = fast.run(index, spec, true);
  expect(result).not.toBeNull();
  return result!;
}

/** The same shared panel without the kernels' memory: the TypeScript path. */
function withoutKernels(shared: SharedPanel): SharedPanel {
  const { wasm: _wasm, ...plain } = shared;
  return plain;
}

/** |a − b| ≤ 1e-12 · max(1, |b|), or both null. */
function expectNear(actual: number | null | undefined, expected: number | null | undefined, what: string): void {
  if (expected === null || expected === undefined) {
    expect(actual ?? null, what).toBeNull();
    return;
  }
  expect(Math.abs(actual! - expected), `${what}: ${actual} vs ${expected}`).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(expected)));
}

describe.skipIf(sweepKernelsModule() === null)('sweep kernels: the same bits as the TypeScript fast path, and the general path to 1e-12', () => {
  it('random panels and one-sleeve specs over a lookback × spacing × lag × costs grid', () => {
    fc.assert(
      fc.property(
        fc.record({
          seed: fc.integer({ min: 1, max: 1e9 }),
          nAssets: fc.integer({ min: 1, max: 7 }),
          gaps: fc.boolean(),
          // Native inverse vol (the decision kernel), equal weights (decided in TypeScript) and
          // risk parity (the general decider): the simulation kernel runs for all three.
          method: fc.constantFrom('inverseVol', 'inverseVol', 'equal', 'riskParity'),
          from: fc.constantFrom(undefined, '2024-03-01'),
          riskFreeCash: fc.boolean(),
          minObservations: fc.constantFrom(2, 10, 40),
          fallback: fc.constantFrom<string[]>([], ['equal']),
          lag: fc.integer({ min: 0, max: 3 }),
          bps: fc.constantFrom(0, 12.5),
          minTrade: fc.constantFrom(0, 0.02),
          cash: fc.boolean(),
        }),
        (r) => {
          const panel = makePanel(r.seed, 180, r.nAssets, r.gaps);
          const base = strategySchema.parse({
            version: 1,
            name: 'kernels',
            sleeves: { all: { assets: panel.assets, within: r.method === 'equal' ? { method: 'equal' } : { method: r.method, lookback: 20, ...(r.method === 'inverseVol' ? { minObservations: r.minObservations, fallback: r.fallback } : {}) } } },
            rebalance: { schedule: 'monthly', on: 'last', lag: r.lag, minTrade: r.minTrade },
            costs: { bps: r.bps },
            period: r.from ? { from: r.from } : {},
            ...(r.cash ? { cash: { rate: 0.03 } } : {}),
            ...(r.cash && r.riskFreeCash ? { reporting: { riskFree: 'cash' } } : {}),
          });
          const grid = parseGrid([...(r.method === 'equal' ? [] : ['sleeves.all.within.lookback=5,30']), 'rebalance.everyDays=1,3,20', 'costs.bps=0,25']);
          const count = grid.reduce((n, p) => n * p.values.length, 1);
          const shared = sharePreparedPanel(panel);
          expect(shared.wasm).toBeDefined();
          const kernel = fastSweep(shared);
          const ts = fastSweep(withoutKernels(shared));
          for (let i = 0; i < count; i++) {
            const spec = variantSpec(base, grid, i);
            const k = runFast(kernel, i, spec);
            const t = runFast(ts, i, spec);
            // Same IEEE operations in the same order: the same bits.
            expect(Array.from(k.returns!)).toEqual(Array.from(t.returns!));
            expect(k.values).toEqual(t.values);
            const ref = runBacktest(spec, { panel, prepared: preparePanel(panel), recordWeights: false });
            const refFigures = variantMetrics(i, ref);
            const refReturns = ref.ledger.returns.subarray(1);
            expect(k.returns!.length).toBe(refReturns.length);
            for (let j = 0; j < refReturns.length; j++) expectNear(k.returns![j], refReturns[j], `variant ${i} return ${j}`);
            k.values.forEach((v, j) => expectNear(v, refFigures.values[j], `variant ${i} figure ${j}`));
          }
          // Every variant ran in the kernel; the TypeScript twin never did.
          expect(kernel.kernelRuns).toBe(count);
          expect(ts.kernelRuns).toBe(0);
        },
      ),
      { numRuns: 12, seed: 31 },
    );
  });

  it('a thread claims one region of the memory; with every region taken it runs the TypeScript path', () => {
    const panel = makePanel(3, 60, 3, false);
    const shared = sharePreparedPanel(panel, 1);
    const first = fastSweep(shared);
    const spec = strategySchema.parse({ version: 1, name: 'claim', sleeves: { all: { assets: panel.assets, within: { method: 'inverseVol', lookback: 10 } } }, rebalance: { everyDays: 5 } });
    first.run(0, spec, false);
    expect(first.kernelRuns).toBe(1);
    // Another FastSweep in the same thread reuses the thread's region (one claim per thread and memory).
    const again = fastSweep(shared);
    again.run(0, spec, false);
    expect(again.kernelRuns).toBe(1);
    // A memory whose one region another thread took: the counter says so, and this thread runs in TypeScript.
    const taken = sharePreparedPanel(panel, 1);
    new Int32Array(taken.wasm!.memory.buffer, taken.wasm!.counter, 1)[0] = 1;
    const late = fastSweep(taken);
    const a = runFast(late, 0, spec);
    expect(late.kernelRuns).toBe(0);
    expect(Array.from(a.returns!)).toEqual(Array.from(runFast(first, 0, spec).returns!));
  });
});
