import { describe, expect, it } from 'vitest';
import { SMA } from 'technicalindicators';
import { simpleMovingAverage } from '../../../src/signals/simpleMovingAverage.js';
import { rollingVolatility } from '../../../src/signals/rollingVolatility.js';
import { momentum } from '../../../src/signals/momentum.js';
import { mulberry32 } from '../allocation/syntheticInput.js';

function randomWalk(seed: number, n: number): Float64Array {
  const rand = mulberry32(seed);
  const p = new Float64Array(n);
  let level = 100;
  for (let t = 0; t < n; t++) p[t] = level *= 1 + (rand() - 0.5) * 0.04;
  return p;
}

describe('simpleMovingAverage', () => {
  it('hand values', () => {
    // period 3 on (1, 2, 3, 4, 5): NaN, NaN, 2, 3, 4.
    const out = simpleMovingAverage(Float64Array.of(1, 2, 3, 4, 5), 3);
    expect([...out]).toEqual([Number.NaN, Number.NaN, 2, 3, 4]);
  });

  it('matches technicalindicators’ SMA (its out[k] is ours at k + period − 1)', () => {
    const p = randomWalk(71, 500);
    for (const period of [1, 5, 20, 200]) {
      const theirs = SMA.calculate({ period, values: [...p] });
      const ours = simpleMovingAverage(p, period);
      expect(theirs.length).toBe(500 - period + 1);
      theirs.forEach((v, k) => expect(Math.abs((ours[k + period - 1] as number) - v)).toBeLessThan(1e-9 * v));
      for (let t = 0; t < period - 1; t++) expect(Number.isNaN(ours[t] as number)).toBe(true);
    }
  });

  it('is NaN while a gap is in the span and exact again after it', () => {
    // (1, NaN, 3, 4, 5, 6), period 2: NaN, NaN, NaN, 3.5, 4.5, 5.5.
    const out = simpleMovingAverage(Float64Array.of(1, Number.NaN, 3, 4, 5, 6), 2);
    expect([...out]).toEqual([Number.NaN, Number.NaN, Number.NaN, 3.5, 4.5, 5.5]);
  });

  it('is causal: recomputing on data cut at t gives the same value at t', () => {
    const p = randomWalk(72, 300);
    const full = simpleMovingAverage(p, 50);
    for (const t of [49, 120, 299]) expect(simpleMovingAverage(p.slice(0, t + 1), 50)[t]).toBe(full[t]);
  });
});

describe('rollingVolatility', () => {
  it('hand values: sample sd over the span', () => {
    // window 3 on (0.01, −0.01, 0.01, 0.04): t=2: mean 1/300, deviations (2, −4, 2)/300,
    // Σd² = 24/90000, sd = √(12/90000) = √12/300. t=3: (−0.01, 0.01, 0.04): mean 0.04/3,
    // deviations (−7, −1, 8)/300, Σd² = 114/90000, sd = √(57/90000) = √57/300.
    const out = rollingVolatility(Float64Array.of(0.01, -0.01, 0.01, 0.04), 3);
    expect(Number.isNaN(out[1] as number)).toBe(true);
    expect(out[2]).toBeCloseTo(Math.sqrt(12) / 300, 15);
    expect(out[3]).toBeCloseTo(Math.sqrt(57) / 300, 15);
  });

  it('is causal', () => {
    const p = randomWalk(73, 200);
    const r = new Float64Array(199).map((_, t) => p[t + 1]! / p[t]! - 1);
    const full = rollingVolatility(r, 21);
    for (const t of [20, 100, 198]) expect(rollingVolatility(r.slice(0, t + 1), 21)[t]).toBe(full[t]);
  });
});

describe('momentum', () => {
  it('total return over lookback ending skip rows back', () => {
    // prices 100, 110, 121, 133.1, 120: lookback 2, skip 1 at t = 4: p[3]/p[1] − 1 = 133.1/110 − 1 = 0.21.
    const out = momentum(Float64Array.of(100, 110, 121, 133.1, 120), 2, 1);
    expect(Number.isNaN(out[2] as number)).toBe(true);
    expect(out[3]).toBeCloseTo(121 / 100 - 1, 15);
    expect(out[4]).toBeCloseTo(0.21, 14);
  });

  it('is causal', () => {
    const p = randomWalk(74, 300);
    const full = momentum(p, 126, 21);
    for (const t of [147, 200, 299]) expect(momentum(p.slice(0, t + 1), 126, 21)[t]).toBe(full[t]);
  });
});
