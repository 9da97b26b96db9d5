/**
 * The stateful estimator path (sliding covariance, warm-started solvers) against the cold path
 * kept as the reference (two-pass covariance and cold-start solvers for every decision, run
 * through withoutEstimatorState): on random panels with late listings and missing prices, every
 * daily return of the backtest agrees to 1e-12 (the warm ERC solve is polished to the unique solution, so a decision does not depend on the path).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PricePanel } from '../../src/core/panel.js';
import { runBacktest } from '../../src/engine/runBacktest.js';
import { EstimatorState, withoutEstimatorState } from '../../src/estimators/estimatorState.js';
import { SlidingCovariance } from '../../src/estimators/slidingCovariance.js';
import { strategySchema } from '../../src/strategy/schema.js';

function randomPanel(seed: number, nAssets: number, nDays: number, gaps: boolean): PricePanel {
  let s = seed >>> 0 || 1;
  const rand = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  const gauss = () => Math.sqrt(-2 * Math.log(rand() + 1e-12)) * Math.cos(2 * Math.PI * rand());
  const values = new Float64Array(nDays * nAssets);
  const market = Array.from({ length: nDays }, () => 0.01 * gauss());
  for (let a = 0; a < nAssets; a++) {
    let p = 20 + 100 * rand();
    const beta = 0.3 + rand();
    const vol = 0.005 + 0.02 * rand();
    // The last asset lists late; with gaps, one asset misses a few scattered prices.
    const late = a === nAssets - 1 ? Math.floor(nDays / 3) : 0;
    for (let t = 0; t < nDays; t++) {
      p *= 1 + beta * market[t]! + vol * gauss();
      const missing = t < late || (gaps && a === 1 && rand() < 0.004);
      values[a * nDays + t] = missing ? Number.NaN : p;
    }
  }
  const dates = new Int32Array(nDays);
  for (let t = 0, d = 10959; t < nDays; d++) if ((d + 4) % 7 !== 0 && (d + 4) % 7 !== 6) dates[t++] = d;
  return { dates, assets: Array.from({ length: nAssets }, (_, i) => `A${i}`), values };
}

const withins = [
  { method: 'riskParity', lookback: 60 },
  { method: 'riskParity', lookback: 40, riskBudgets: { A0: 2, A2: 0.5 } },
  { method: 'minVariance', lookback: 60, maxWeight: 0.3 },
  { method: 'maxDiversification', lookback: 50 },
  { method: 'hrp', lookback: 60 },
  { method: 'herc', lookback: 45 },
] as const;

describe('stateful estimators equal the cold reference', () => {
  it('every daily return to 1e-12 (random panels, methods, schedules, gaps)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1e9 }),
        fc.integer({ min: 0, max: withins.length - 1 }),
        fc.constantFrom('daily', 'weekly', 'monthly'),
        fc.integer({ min: 5, max: 9 }),
        fc.boolean(),
        (seed, m, schedule, nAssets, gaps) => {
          const panel = randomPanel(seed, nAssets, 400, gaps);
          const spec = strategySchema.parse({
            version: 1,
            name: 'estimators',
            data: { lateStart: 'redistribute' },
            sleeves: { all: { assets: panel.assets, within: withins[m] } },
            rebalance: { schedule, on: 'last', lag: 1 },
          });
          const slides = SlidingCovariance.slidesDone;
          const warm = EstimatorState.warmStarts;
          const fast = runBacktest(spec, { panel }).ledger.returns;
          // The stateful path ran: covariances slid, and the optimisers started warm.
          expect(SlidingCovariance.slidesDone).toBeGreaterThan(slides);
          if (withins[m]!.method !== 'hrp' && withins[m]!.method !== 'herc') expect(EstimatorState.warmStarts).toBeGreaterThan(warm);
          const slidesFast = SlidingCovariance.slidesDone;
          const cold = withoutEstimatorState(() => runBacktest(spec, { panel })).ledger.returns;
          expect(SlidingCovariance.slidesDone).toBe(slidesFast); // the reference is all cold
          expect(fast.length).toBe(cold.length);
          let worst = 0;
          for (let t = 0; t < fast.length; t++) worst = Math.max(worst, Math.abs(fast[t]! - cold[t]!));
          expect(worst).toBeLessThan(1e-12);
        },
      ),
      { numRuns: 40, seed: 12 },
    );
  });

  it.each([
    { method: 'riskParity', lookback: 252 },
    { method: 'minVariance', lookback: 252, maxWeight: 0.1 },
  ])('30 assets × 1,300 days, monthly $method (the bench rows, smaller): returns to 1e-12', (within) => {
    const panel = randomPanel(77, 30, 1300, false);
    const spec = strategySchema.parse({ version: 1, name: 'wide', data: { lateStart: 'redistribute' }, sleeves: { all: { assets: panel.assets, within } }, rebalance: { schedule: 'monthly', on: 'last', lag: 1 } });
    const fast = runBacktest(spec, { panel }).ledger.returns;
    const cold = withoutEstimatorState(() => runBacktest(spec, { panel })).ledger.returns;
    let worst = 0;
    for (let t = 0; t < fast.length; t++) worst = Math.max(worst, Math.abs(fast[t]! - cold[t]!));
    expect(worst).toBeLessThan(1e-12);
  });
});
