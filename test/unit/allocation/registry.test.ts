import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { ALLOCATION_METHODS, allocate, allocationLookback, allocationSpecSchema, allocators, parseAllocationSpec } from '../../../src/allocation/registry.js';
import type { AllocationInput } from '../../../src/allocation/types.js';
import { syntheticInput } from './syntheticInput.js';

describe('allocation registry', () => {
  it('registers every method the brief lists, each with a description', () => {
    expect([...ALLOCATION_METHODS].sort()).toEqual(
      [
        'coreSatellite',
        'equal',
        'fixed',
        'inverseVol',
        'maxDiversification',
        'minVariance',
        'momentumTopK',
        'riskParity',
        'trendFilter',
        'hrp',
        'herc',
        'riskBudget',
        'minCvar',
        'minCdar',
        'meanCvar',
        'blackLitterman',
      ].sort(),
    );
    for (const m of ALLOCATION_METHODS) expect(allocators[m].description.length).toBeGreaterThan(10);
  });

  it('fills defaults and rejects unknown keys and unknown fallback methods', () => {
    expect(parseAllocationSpec({ method: 'minVariance' })).toEqual({
      method: 'minVariance',
      lookback: 252,
      minObservations: 20,
      shrinkage: 'none',
      maxWeight: 1,
      minWeight: 0,
      fallback: ['inverseVol', 'equal'],
    });
    expect(allocationSpecSchema.safeParse({ method: 'minVariance', lookbak: 10 }).success).toBe(false);
    expect(allocationSpecSchema.safeParse({ method: 'minVariance', fallback: ['coreSatellite'] }).success).toBe(false);
    expect(allocationSpecSchema.safeParse({ method: 'nope' }).success).toBe(false);
  });

  it('exports a JSON Schema for editors', () => {
    const json = JSON.stringify(z.toJSONSchema(allocationSpecSchema, { io: 'input' }));
    expect(json).toContain('momentumTopK');
  });

  it('lookback covers the fallback chain and the satellite', () => {
    // minVariance 100, fallback inverseVol (63) then equal (0) → 100; momentum 126 + 21 → 147.
    expect(allocationLookback(parseAllocationSpec({ method: 'minVariance', lookback: 100 }))).toBe(100);
    expect(allocationLookback(parseAllocationSpec({ method: 'riskParity', lookback: 20 }))).toBe(63);
    expect(allocationLookback(parseAllocationSpec({ method: 'momentumTopK', skip: 21 }))).toBe(147);
    expect(
      allocationLookback(parseAllocationSpec({ method: 'coreSatellite', core: { A: 0.5 }, satellite: { method: 'momentumTopK', lookback: 200 } })),
    ).toBe(200);
  });

  it('walks the fallback chain to cash when every step fails, recording each step', () => {
    const x: AllocationInput = { ...syntheticInput(61, 3, 5) };
    const r = allocate(parseAllocationSpec({ method: 'minVariance', fallback: ['inverseVol'] }), x);
    expect(r.fallbacks.map((f) => `${f.from}->${f.to}`)).toEqual(['minVariance->inverseVol', 'inverseVol->cash']);
    expect(r.fallbacks[0]!.reason).toMatch(/enough data/);
    expect([...r.weights]).toEqual([0, 0, 0]);
    const eq = allocate(parseAllocationSpec({ method: 'minVariance' }), x);
    expect(eq.fallbacks.map((f) => f.to)).toEqual(['inverseVol', 'equal']);
    expect([...eq.weights]).toEqual([1 / 3, 1 / 3, 1 / 3]);
  });
});

describe('coreSatellite', () => {
  it('fixed core plus the satellite weight allocated over the others', () => {
    // core C0 = 0.4 → satellite 0.6 equally over C1..C3 = 0.2 each.
    const x = syntheticInput(62, 4, 30);
    const r = allocate(parseAllocationSpec({ method: 'coreSatellite', core: { C0: 0.4 }, satellite: { method: 'equal' } }), x);
    expect([...r.weights].map((v) => Math.round(v * 1e15) / 1e15)).toEqual([0.4, 0.2, 0.2, 0.2]);
  });

  it('passes on the satellite’s fallbacks and honours an explicit satellite weight', () => {
    const x = syntheticInput(63, 4, 10); // 10 rows < minObservations 20: minVariance fails
    const r = allocate(
      parseAllocationSpec({ method: 'coreSatellite', core: { C0: 0.5 }, satelliteWeight: 0.3, satellite: { method: 'minVariance', fallback: ['equal'] } }),
      x,
    );
    expect(r.fallbacks.map((f) => f.to)).toEqual(['equal']);
    expect(r.weights[0]).toBe(0.5);
    [1, 2, 3].forEach((i) => expect(r.weights[i]).toBeCloseTo(0.1, 15));
  });

  it('rejects core + satellite weights above 1', () => {
    expect(allocationSpecSchema.safeParse({ method: 'coreSatellite', core: { A: 0.8 }, satelliteWeight: 0.3, satellite: { method: 'equal' } }).success).toBe(false);
  });
});

describe('trendFilter method', () => {
  it('moves a broken leader’s weight to the safe sleeve and needs max(period, base lookback) rows', () => {
    // Across sleeves: ai falls 0.5% a day (below its SMA), gold is flat and safe.
    const length = 60;
    const ai = Array.from({ length }, () => -0.005);
    const gold = Array.from({ length }, (_, s) => (s % 2 === 0 ? 0.001 : -0.001));
    const x: AllocationInput = { n: 2, names: ['ai', 'gold'], returns: Float64Array.from([...ai, ...gold]), length, eligible: Uint8Array.of(1, 1) };
    const spec = parseAllocationSpec({ method: 'trendFilter', base: { method: 'fixed', weights: { ai: 0.6, gold: 0.4 } }, period: 50, safe: ['gold'] });
    expect([...allocate(spec, x).weights]).toEqual([0, 1]);
    expect(allocationLookback(spec)).toBe(50);
    // With a rising ai the base weights stand.
    const rising: AllocationInput = { ...x, returns: Float64Array.from([...ai.map((v) => -v), ...gold]) };
    expect([...allocate(spec, rising).weights]).toEqual([0.6, 0.4]);
  });
});
