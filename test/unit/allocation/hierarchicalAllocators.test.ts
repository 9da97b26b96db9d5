import { describe, expect, it } from 'vitest';
import { allocate, parseAllocationSpec } from '../../../src/allocation/registry.js';
import type { AllocationInput } from '../../../src/allocation/types.js';
import { hercWeights, hrpWeights } from '../../../src/numeric/hierarchicalWeights.js';
import { flat, naiveCovariance, syntheticInput } from './syntheticInput.js';

describe('hrp and herc allocators', () => {
  it('are the hierarchical weights of the sample covariance of the last `lookback` rows, over the usable candidates', () => {
    const input = syntheticInput(171, 6, 300);
    const tail = naiveCovariance(input, 300 - 120);
    for (const linkage of ['single', 'complete', 'average', 'ward'] as const) {
      const hrp = allocate(parseAllocationSpec({ method: 'hrp', lookback: 120, linkage }), input).weights;
      hrpWeights(flat(tail), 6, linkage).weights.forEach((w, i) => expect(hrp[i]).toBeCloseTo(w, 12));
      const herc = allocate(parseAllocationSpec({ method: 'herc', lookback: 120, linkage, clusters: 3 }), input).weights;
      hercWeights(flat(tail), 6, linkage, 3).weights.forEach((w, i) => expect(herc[i]).toBeCloseTo(w, 12));
    }
  });

  it('an ineligible candidate gets 0 and the others are the weights of their own sub-covariance', () => {
    const input: AllocationInput = { ...syntheticInput(172, 4, 200), eligible: Uint8Array.from([1, 0, 1, 1]) };
    const cov = naiveCovariance(input);
    const sub = [0, 2, 3].map((i) => [0, 2, 3].map((j) => cov[i]![j]!));
    const w = allocate(parseAllocationSpec({ method: 'hrp', lookback: 200 }), input).weights;
    const expected = hrpWeights(flat(sub), 3, 'single').weights;
    expect(w[1]).toBe(0);
    [0, 2, 3].forEach((i, a) => expect(w[i]).toBeCloseTo(expected[a]!, 12));
  });

  it('run with fewer rows than candidates (no inversion), and fall back on too little data', () => {
    const few = syntheticInput(173, 8, 5);
    const r = allocate(parseAllocationSpec({ method: 'hrp', minObservations: 3 }), few);
    expect(r.fallbacks).toEqual([]);
    expect(r.weights.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 14);
    const tooFew = allocate(parseAllocationSpec({ method: 'herc', minObservations: 2 }), syntheticInput(174, 3, 2));
    expect(tooFew.fallbacks[0]).toMatchObject({ from: 'herc', to: 'inverseVol', reason: 'herc: too little data (2 complete rows)' });
  });
});
