/**
 * Properties of a decision over random prices and random constraints: targets are finite,
 * long-only, Σ ≤ 1, every portfolio cap holds, and a decision on data cut right after the
 * decision row is identical (no look-ahead through constraints or the trend overlay).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeDecider } from '../../../src/engine/decideTargets.js';
import { strategyLayout } from '../../../src/engine/strategyLayout.js';
import { strategySchema } from '../../../src/strategy/schema.js';

function randomPrices(seed: number, assets: number, rows: number): Float64Array {
  let s = seed >>> 0;
  const rand = () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  const out = new Float64Array(assets * rows);
  for (let a = 0; a < assets; a++) {
    let p = 20 + 5 * a;
    for (let t = 0; t < rows; t++) {
      p *= 1 + (rand() - 0.5) * 0.06;
      out[a * rows + t] = a === 3 && t < 15 ? Number.NaN : p; // D lists late
    }
  }
  return out;
}

describe('decision properties', () => {
  it('caps hold, weights are valid, and cutting the data after the decision row changes nothing', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1e9 }),
        fc.integer({ min: 1, max: 59 }),
        fc.double({ min: 0.2, max: 1, noNaN: true }),
        fc.double({ min: 0.3, max: 1, noNaN: true }),
        fc.constantFrom('sleeve', 'asset'),
        (seed, row, assetCap, sleeveCap, level) => {
          const spec = strategySchema.parse({
            version: 1,
            name: 'p',
            sleeves: {
              risky: { assets: ['A', 'B'], within: { method: 'inverseVol', lookback: 20, minObservations: 5 }, constraints: { maxWeight: 0.7 } },
              safe: { assets: ['C', 'D'] },
            },
            allocation: {
              across: { method: 'riskParity', lookback: 30 },
              acrossConstraints: { maxWeight: sleeveCap },
              trendFilter: { level, period: 10, safe: level === 'sleeve' ? ['safe'] : ['C', 'D'] },
              assetConstraints: { maxWeight: assetCap },
            },
          });
          const layout = strategyLayout(spec);
          const full = randomPrices(seed, 4, 60);
          const cut = new Float64Array(4 * (row + 1));
          for (let a = 0; a < 4; a++) cut.set(full.subarray(a * 60, a * 60 + row + 1), a * (row + 1));
          const outFull = new Float64Array(4);
          const outCut = new Float64Array(4);
          makeDecider({ layout, across: spec.allocation.across, prices: full, nRows: 60 }, [])(row, outFull);
          makeDecider({ layout, across: spec.allocation.across, prices: cut, nRows: row + 1 }, [])(row, outCut);
          expect([...outCut]).toEqual([...outFull]);
          let sum = 0;
          for (const w of outFull) {
            expect(Number.isFinite(w) && w >= 0).toBe(true);
            expect(w).toBeLessThanOrEqual(assetCap + 1e-12);
            sum += w;
          }
          expect(sum).toBeLessThanOrEqual(1 + 1e-12);
          if (row < 15) expect(outFull[3]).toBe(0); // D has no price yet
        },
      ),
      { numRuns: 200, seed: 7 },
    );
  });
});
