/**
 * No look-ahead anywhere in the pipeline: the same strategy run on data cut after row T gives
 * the same equity, weights and trades up to T as the run on the full data; scaling one asset's
 * prices changes no return; one asset at 100% equals buy-and-hold.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { slicePanel, type PricePanel } from '../../src/core/panel.js';
import { runBacktest } from '../../src/engine/runBacktest.js';
import { strategySchema } from '../../src/strategy/schema.js';

function makePanel(seed: number, nDays: number, assets: string[]): PricePanel {
  let s = seed >>> 0;
  const rand = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  const values = new Float64Array(nDays * assets.length);
  assets.forEach((_, a) => {
    let p = 50 + 10 * a;
    const late = assets.length > 1 && a === assets.length - 1 ? 40 : 0; // the last asset lists late
    for (let t = 0; t < nDays; t++) {
      p *= 1 + (rand() - 0.48) * 0.04;
      values[a * nDays + t] = t < late ? Number.NaN : p;
    }
  });
  // Weekdays starting Monday 2024-01-01 (day 19723).
  const dates = new Int32Array(nDays);
  for (let t = 0, d = 19723; t < nDays; d++) if (((d + 4) % 7) % 6 !== 0) dates[t++] = d;
  return { dates, assets, values };
}

// E lists after the period start: its weight is redistributed until then (data.lateStart);
// the cash policy is checked for causality below as well.
const spec = strategySchema.parse({
  version: 1,
  name: 'causality',
  data: { lateStart: 'redistribute' },
  sleeves: { ai: { assets: ['A', 'B', 'C'], within: { method: 'momentumTopK', k: 2, lookback: 20 } }, safe: { assets: ['D', 'E'], within: { method: 'inverseVol', lookback: 15 } } },
  allocation: { across: { method: 'riskParity', lookback: 30 } },
  rebalance: { schedule: 'weekly', on: 'last', lag: 1, band: { absolute: 0.05 } },
  costs: { bps: 10 },
  period: { from: '2024-02-01' },
});

describe('engine causality', () => {
  it.each(['redistribute', 'cash'] as const)('a run on data cut after row T equals the full run up to T (lateStart %s)', (lateStart) => {
    const policySpec = { ...spec, data: { ...spec.data, lateStart } };
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e9 }), fc.integer({ min: 60, max: 150 }), (seed, cut) => {
        const panel = makePanel(seed, 160, ['A', 'B', 'C', 'D', 'E']);
        const full = runBacktest(policySpec, { panel });
        const short = runBacktest(policySpec, { panel: slicePanel(panel, 0, cut + 1) });
        const n = short.dates.length;
        const N = full.dates.length;
        expect(short.dates[0]).toBe(full.dates[0]);
        // The last row of the short run cannot know it ends a period; compare rows before it.
        for (let t = 0; t < n - 1; t++) {
          expect(short.ledger.equity[t]).toBe(full.ledger.equity[t]);
          for (let a = 0; a < 5; a++) expect(short.ledger.weights[a * n + t]).toBe(full.ledger.weights[a * N + t]);
        }
      }),
      { numRuns: 25, seed: 42 },
    );
  });

  it('scaling one asset’s prices by c > 0 changes no portfolio return', () => {
    const panel = makePanel(99, 160, ['A', 'B', 'C', 'D', 'E']);
    const scaled = { ...panel, values: panel.values.map((v, i) => (i < 160 ? v * 1000 : v)) };
    const a = runBacktest(spec, { panel }).ledger.returns;
    const b = runBacktest(spec, { panel: scaled }).ledger.returns;
    for (let t = 0; t < a.length; t++) expect(Math.abs(a[t]! - b[t]!)).toBeLessThan(1e-13);
  });

  it('one asset at 100% equals buy-and-hold from the trade close', () => {
    const panel = makePanel(5, 100, ['A']);
    const one = strategySchema.parse({ version: 1, name: 'one', sleeves: { s: { assets: ['A'] } }, rebalance: { schedule: 'monthly', lag: 1 } });
    const r = runBacktest(one, { panel });
    const p = panel.values;
    // Bought at the close of row 1; equity at t = p_t / p_1.
    for (let t = 1; t < 100; t++) expect(r.ledger.equity[t]).toBeCloseTo(p[t]! / p[1]!, 13);
  });
});
