import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { allocate, parseAllocationSpec } from '../../../src/allocation/registry.js';
import type { AllocationInput } from '../../../src/allocation/types.js';
import { naiveCovariance, syntheticInput } from './syntheticInput.js';

/** Risk shares w_i (Σw)_i / wᵀΣw with Σ the naive sample covariance of the last `rows` rows. */
function riskShares(input: AllocationInput, w: ArrayLike<number>, rows: number): number[] {
  const cov = naiveCovariance(input, input.length - rows);
  const sw = cov.map((row) => row.reduce((s, c, j) => s + c * (w[j] as number), 0));
  const total = sw.reduce((s, v, i) => s + v * (w[i] as number), 0);
  return sw.map((v, i) => (v * (w[i] as number)) / total);
}

/** The input truncated to its first `length` rows (the window at an earlier decision). */
function upTo(input: AllocationInput, length: number): AllocationInput {
  const returns = new Float64Array(input.n * length);
  for (let i = 0; i < input.n; i++) returns.set(input.returns.subarray(i * input.length, i * input.length + length), i * length);
  return { ...input, length, returns };
}

describe('riskBudget', () => {
  const spec = parseAllocationSpec({ method: 'riskBudget', budgets: { C0: 0.4, C1: 0.3, C2: 0.2, C3: 0.1 }, lookback: 126 });

  it('risk shares equal the budgets to 1e-8 at every monthly decision of a 3-year panel', () => {
    const input = syntheticInput(151, 4, 756);
    let decisions = 0;
    for (let t = 126; t <= 756; t += 21) {
      const window = upTo(input, t);
      const r = allocate(spec, window);
      expect(r.fallbacks).toEqual([]);
      expect(r.weights.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 14);
      const shares = riskShares(window, r.weights, 126);
      [0.4, 0.3, 0.2, 0.1].forEach((b, i) => expect(Math.abs(shares[i]! - b), `t=${t} share ${i}`).toBeLessThan(1e-8));
      decisions++;
    }
    expect(decisions).toBe(31);
  });

  it('random budgets on random panels: shares equal the normalised budgets to 1e-8', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.array(fc.double({ min: 0.01, max: 1, noNaN: true }), { minLength: 2, maxLength: 7 }), (seed, raw) => {
        const n = raw.length;
        const input = syntheticInput(seed, n, 252);
        const budgets = Object.fromEntries(raw.map((b, i) => [`C${i}`, b]));
        const r = allocate(parseAllocationSpec({ method: 'riskBudget', budgets }), input);
        expect(r.fallbacks).toEqual([]);
        const total = raw.reduce((a, b) => a + b, 0);
        const shares = riskShares(input, r.weights, 252);
        raw.forEach((b, i) => expect(Math.abs(shares[i]! - b / total)).toBeLessThan(1e-8));
      }),
      { seed: 20261130, numRuns: 60 },
    );
  });

  it('equal budgets are riskParity; an unnamed candidate gets 0 with a warning; a named one without data hands its budget on', () => {
    const input = syntheticInput(152, 3, 252);
    const eq = allocate(parseAllocationSpec({ method: 'riskBudget', budgets: { C0: 0.2, C1: 0.2, C2: 0.2 } }), input).weights;
    const rp = allocate(parseAllocationSpec({ method: 'riskParity' }), input).weights;
    eq.forEach((w, i) => expect(w).toBeCloseTo(rp[i]!, 12));

    const partial = allocate(parseAllocationSpec({ method: 'riskBudget', budgets: { C0: 0.5, C1: 0.5 } }), input);
    expect(partial.weights[2]).toBe(0);
    expect(partial.warnings).toEqual(['riskBudget: no budget for C2 (weight 0)']);
    // Two candidates with equal budgets: w ∝ 1/σ whatever the correlation.
    const cov = naiveCovariance(input);
    const inv = [1 / Math.sqrt(cov[0]![0]!), 1 / Math.sqrt(cov[1]![1]!)];
    expect(partial.weights[0]).toBeCloseTo(inv[0]! / (inv[0]! + inv[1]!), 12);

    const dead: AllocationInput = { ...input, eligible: Uint8Array.from([1, 1, 0]) };
    const handed = allocate(parseAllocationSpec({ method: 'riskBudget', budgets: { C0: 0.25, C1: 0.25, C2: 0.5 } }), dead);
    expect(handed.warnings).toEqual(['riskBudget: no data for C2; their budgets go to the others pro rata']);
    expect(handed.weights[0]).toBeCloseTo(inv[0]! / (inv[0]! + inv[1]!), 12);
  });

  it('rejects an empty or non-positive budget', () => {
    expect(() => parseAllocationSpec({ method: 'riskBudget', budgets: {} })).toThrow();
    expect(() => parseAllocationSpec({ method: 'riskBudget', budgets: { A: 0 } })).toThrow();
    expect(() => parseAllocationSpec({ method: 'riskBudget' })).toThrow();
  });
});
