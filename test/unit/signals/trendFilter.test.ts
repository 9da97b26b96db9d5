import { describe, expect, it } from 'vitest';
import { applyTrendFilter, trendSignal } from '../../../src/signals/trendFilter.js';
import { simpleMovingAverage } from '../../../src/signals/simpleMovingAverage.js';
import type { AllocationInput } from '../../../src/allocation/types.js';
import { mulberry32 } from '../allocation/syntheticInput.js';

function pricesAndReturns(seed: number, n: number, drift: number): { p: Float64Array; r: Float64Array } {
  const rand = mulberry32(seed);
  const p = new Float64Array(n);
  let level = 50;
  for (let t = 0; t < n; t++) p[t] = level *= 1 + drift + (rand() - 0.5) * 0.03;
  const r = new Float64Array(n).fill(Number.NaN);
  for (let t = 1; t < n; t++) r[t] = p[t]! / p[t - 1]! - 1;
  return { p, r };
}

describe('trendSignal', () => {
  it('equals price / SMA(price) − 1 computed on prices', () => {
    const { p, r } = pricesAndReturns(81, 400, 0);
    const sma = simpleMovingAverage(p, 200);
    for (const t of [199, 250, 399]) {
      expect(trendSignal(r, 0, t + 1, 200)).toBeCloseTo(p[t]! / sma[t]! - 1, 12);
    }
  });

  it('hand value and too little data', () => {
    // returns (+10%, +10%): index 1, 1.1, 1.21; SMA 3.31/3; trend = 1.21·3/3.31 − 1.
    expect(trendSignal(Float64Array.of(Number.NaN, 0.1, 0.1), 0, 3, 3)).toBeCloseTo((1.21 * 3) / 3.31 - 1, 15);
    expect(Number.isNaN(trendSignal(Float64Array.of(0.1, 0.1), 0, 2, 4))).toBe(true);
  });

  it('is causal: cutting the data after t does not change the value at t', () => {
    const { r } = pricesAndReturns(82, 300, 0);
    expect(trendSignal(r.slice(0, 201), 0, 201, 100)).toBe(trendSignal(r, 0, 201, 100));
  });
});

describe('applyTrendFilter', () => {
  const up = pricesAndReturns(83, 260, 0.003).r;
  const down = pricesAndReturns(84, 260, -0.003).r;
  const safe = pricesAndReturns(85, 260, 0).r;
  const input: AllocationInput = {
    n: 3,
    names: ['ai', 'broken', 'gold'],
    returns: Float64Array.from([...up, ...down, ...safe]),
    length: 260,
    eligible: Uint8Array.of(1, 1, 1),
  };

  it('moves the weight of a candidate below its SMA to the safe candidates', () => {
    expect(trendSignal(input.returns, 260, 520, 200)).toBeLessThan(0);
    expect(trendSignal(input.returns, 0, 260, 200)).toBeGreaterThan(0);
    const r = applyTrendFilter(Float64Array.of(0.4, 0.4, 0.2), input, { period: 200, safe: ['gold'], to: 'safe' });
    expect([...r.weights]).toEqual([0.4, 0, expect.closeTo(0.6, 15)]);
    expect(r.brokenTrends).toEqual(['broken']);
  });

  it('or to cash', () => {
    const r = applyTrendFilter(Float64Array.of(0.4, 0.4, 0.2), input, { period: 200, safe: ['gold'], to: 'cash' });
    expect([...r.weights]).toEqual([0.4, 0, 0.2]);
  });
});
