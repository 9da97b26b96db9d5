import { describe, expect, it } from 'vitest';
import { fixedWeights, fixedWeightsSchema } from '../../../src/allocation/fixedWeights.js';
import { equalWeight } from '../../../src/allocation/equalWeight.js';
import type { AllocationInput } from '../../../src/allocation/types.js';

const input: AllocationInput = {
  n: 4,
  names: ['ai', 'defensive', 'gold', 'military'],
  returns: new Float64Array(4),
  length: 1,
  eligible: Uint8Array.of(1, 1, 0, 1),
};

describe('fixed weights', () => {
  it('redistributes an ineligible name pro rata over the eligible named ones', () => {
    // Named: ai 0.3, defensive 0.3, gold 0.2 (ineligible) → total 0.8, eligible 0.6, scale 0.8/0.6.
    const spec = fixedWeightsSchema.parse({ method: 'fixed', weights: { ai: 0.3, defensive: 0.3, gold: 0.2 } });
    const r = fixedWeights(input, spec);
    expect(r.weights[0]).toBeCloseTo(0.4, 15);
    expect(r.weights[1]).toBeCloseTo(0.4, 15);
    expect(r.weights[2]).toBe(0);
    expect(r.weights[3]).toBe(0);
  });

  it('sends an ineligible name’s weight to cash with redistribute: false', () => {
    const spec = fixedWeightsSchema.parse({ method: 'fixed', weights: { ai: 0.3, defensive: 0.3, gold: 0.2 }, redistribute: false });
    expect([...fixedWeights(input, spec).weights]).toEqual([0.3, 0.3, 0, 0]);
  });

  it('ignores names that are not candidates, with a warning', () => {
    const spec = fixedWeightsSchema.parse({ method: 'fixed', weights: { ai: 0.5, bonds: 0.5 } });
    const r = fixedWeights(input, spec);
    expect([...r.weights]).toEqual([0.5, 0, 0, 0]);
    expect(r.warnings?.[0]).toMatch(/bonds is not a candidate/);
  });

  it('holds the rest below 1 in cash and says so; an explicit cash weight is silent', () => {
    // ai 0.5 + defensive 0.2 = 0.7 → 0.3 in cash, stated (a typo such as 0.2 for 0.5 shows).
    const under = fixedWeights(input, fixedWeightsSchema.parse({ method: 'fixed', weights: { ai: 0.5, defensive: 0.2 } }));
    expect([...under.weights]).toEqual([0.5, 0.2, 0, 0]);
    expect(under.warnings).toEqual(['fixed: weights sum to 0.7; the remaining 0.3 is held in cash (write cash: 0.3 to make it explicit)']);
    // The same with cash: 0.3 named: Σ = 1, the same weights, no warning at all.
    const explicit = fixedWeights(input, fixedWeightsSchema.parse({ method: 'fixed', weights: { ai: 0.5, defensive: 0.2, cash: 0.3 } }));
    expect([...explicit.weights]).toEqual([0.5, 0.2, 0, 0]);
    expect(explicit.warnings).toBeUndefined();
    // 0.1 + 0.2 + 0.7 is 0.9999999999999999 in binary: within the 1e-9 tolerance, no warning.
    const decimal = fixedWeights(input, fixedWeightsSchema.parse({ method: 'fixed', weights: { ai: 0.1, defensive: 0.2, military: 0.7 } }));
    expect(decimal.warnings).toBeUndefined();
  });

  it('rejects weights summing to more than 1 (beyond 1e-9) and unknown keys', () => {
    expect(fixedWeightsSchema.safeParse({ method: 'fixed', weights: { a: 0.6, b: 0.5 } }).success).toBe(false);
    expect(fixedWeightsSchema.safeParse({ method: 'fixed', weights: { a: 0.1, b: 0.2, c: 0.7 } }).success).toBe(true);
    expect(fixedWeightsSchema.safeParse({ method: 'fixed', weights: {}, extra: 1 }).success).toBe(false);
  });
});

describe('equal weight', () => {
  it('gives 1/m to each of the m eligible candidates', () => {
    expect([...equalWeight(input, { method: 'equal' }).weights]).toEqual([1 / 3, 1 / 3, 0, 1 / 3]);
  });
});
