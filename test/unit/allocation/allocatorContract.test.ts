import { beforeAll, describe, expect, it } from 'vitest';
import { ALLOCATION_METHODS, allocate, parseAllocationSpec, type AllocationSpec } from '../../../src/allocation/registry.js';
import { applyConstraints, constraintsSchema } from '../../../src/allocation/applyConstraints.js';
import type { AllocationInput } from '../../../src/allocation/types.js';
import { WindowAllocationInput } from '../../../src/allocation/windowAllocationInput.js';
import { loadLpSolver } from '../../../src/numeric/lpSolver.js';
import { syntheticInput, withDeadCandidate } from './syntheticInput.js';

beforeAll(async () => {
  await loadLpSolver(); // minCvar, minCdar and meanCvar solve LPs (strategy/prepareSolvers.ts in a run)
});

/** Specs exercised per method (every registered method must appear at least once). */
const SPECS: Record<string, unknown[]> = {
  fixed: [
    { method: 'fixed', weights: { C0: 0.3, C1: 0.3, C2: 0.2 } },
    { method: 'fixed', weights: { C0: 0.5, C1: 0.5 }, redistribute: false },
  ],
  equal: [{ method: 'equal' }],
  inverseVol: [{ method: 'inverseVol' }, { method: 'inverseVol', lookback: 20, minObservations: 5 }],
  riskParity: [{ method: 'riskParity' }, { method: 'riskParity', shrinkage: 'ledoitWolf', lookback: 60 }],
  minVariance: [{ method: 'minVariance' }, { method: 'minVariance', maxWeight: 0.3, shrinkage: 'ledoitWolf' }],
  maxDiversification: [{ method: 'maxDiversification' }],
  momentumTopK: [
    { method: 'momentumTopK', k: 2, lookback: 20 },
    { method: 'momentumTopK', k: 3, lookback: 30, skip: 5, weighting: 'strength', absoluteThreshold: 0 },
  ],
  hrp: [{ method: 'hrp' }, { method: 'hrp', linkage: 'ward', lookback: 60, shrinkage: 'ledoitWolf' }],
  herc: [{ method: 'herc' }, { method: 'herc', linkage: 'single', clusters: 2 }, { method: 'herc', linkage: 'average', clusters: 50 }],
  riskBudget: [
    { method: 'riskBudget', budgets: { C0: 0.4, C1: 0.3, C2: 0.2, C3: 0.1 } },
    { method: 'riskBudget', budgets: { C1: 0.5, C5: 0.25, C7: 0.25 }, lookback: 60 },
  ],
  minCvar: [{ method: 'minCvar' }, { method: 'minCvar', alpha: 0.9, maxWeight: 0.3, minWeight: 0.02, lookback: 60 }],
  minCdar: [{ method: 'minCdar' }, { method: 'minCdar', alpha: 0.8, maxWeight: 0.4 }],
  meanCvar: [
    { method: 'meanCvar', targetReturn: -0.5 },
    { method: 'meanCvar', targetReturn: 10, fallback: ['hrp'] },
  ],
  blackLitterman: [
    { method: 'blackLitterman', views: [{ long: 'C0', short: 'C1', excess: 0.03, confidence: 0.6 }] },
    { method: 'blackLitterman', views: [{ long: ['C2', 'C3'], return: 0.1, confidence: 1 }], prior: { C0: 2, C1: 1 }, maxWeight: 0.4 },
  ],
  coreSatellite: [{ method: 'coreSatellite', core: { C0: 0.4 }, satellite: { method: 'minVariance', maxWeight: 0.5 } }],
  trendFilter: [
    { method: 'trendFilter', base: { method: 'equal' }, period: 20, safe: ['C1'] },
    { method: 'trendFilter', base: { method: 'inverseVol' }, period: 50, to: 'cash' },
  ],
};

/** Generated inputs: long and short windows, a late listing (NaN head), an ineligible candidate. */
function inputs(): { label: string; input: AllocationInput }[] {
  const out: { label: string; input: AllocationInput }[] = [];
  [
    [1, 5, 300],
    [2, 8, 40],
    [3, 3, 10],
    [4, 12, 260],
  ].forEach(([seed, n, length]) => {
    const input = syntheticInput(seed!, n!, length!);
    if (seed === 4) {
      input.returns.fill(Number.NaN, 5 * length!, 5 * length! + 200); // C5 listed 60 rows ago
      (input.eligible as Uint8Array)[7] = 0; // C7 has data but cannot be held at t
    }
    out.push({ label: `seed ${seed}, ${n}×${length}`, input });
  });
  return out;
}


describe('allocator contract', () => {
  it('covers every registered method', () => {
    for (const method of ALLOCATION_METHODS) expect(SPECS[method], method).toBeDefined();
  });

  for (const method of ALLOCATION_METHODS) {
    for (const raw of SPECS[method] ?? []) {
      const spec: AllocationSpec = parseAllocationSpec(raw);
      describe(`${method} ${JSON.stringify(raw)}`, () => {
        for (const { label, input } of inputs()) {
          it(`holds the contract on ${label}`, () => {
            const result = allocate(spec, input);
            const w = result.weights;
            expect(w.length).toBe(input.n);
            let sum = 0;
            for (let i = 0; i < input.n; i++) {
              const v = w[i] as number;
              expect(Number.isFinite(v), `weight ${i} finite`).toBe(true);
              expect(v, `weight ${i} ≥ 0`).toBeGreaterThanOrEqual(0);
              if (input.eligible[i] !== 1) expect(v, `ineligible ${i} gets 0`).toBe(0);
              sum += v;
            }
            expect(sum).toBeLessThanOrEqual(1 + 1e-12);
            expect(result.failure).toBeUndefined();

            const again = allocate(spec, input);
            expect([...again.weights]).toEqual([...w]);
            expect(again.fallbacks).toEqual(result.fallbacks);

            // Offered an output buffer full of garbage, an allocator gives the same weights.
            const buffered = allocate(spec, { ...input, out: new Float64Array(input.n).fill(7) });
            expect([...buffered.weights]).toEqual([...w]);

            // The decider hands a class-shaped input whose return window is a prototype getter
            // (windowAllocationInput.ts): an allocator must read it as it is (a spread drops the getter).
            const classShaped = new WindowAllocationInput(input.n, input.names, input.length, Uint8Array.from(input.eligible), undefined, undefined, null, input.returns);
            expect([...allocate(spec, classShaped).weights]).toEqual([...w]);

            const extended = allocate(spec, withDeadCandidate(input));
            expect(extended.weights[input.n], 'dead candidate gets 0').toBe(0);
            for (let i = 0; i < input.n; i++) expect(extended.weights[i]).toBeCloseTo(w[i] as number, 13);
            expect(extended.fallbacks).toEqual(result.fallbacks);

            const capped = applyConstraints(w, input.names, input.eligible, constraintsSchema.parse({ maxWeight: 0.35 }));
            let cappedSum = 0;
            for (const v of capped.weights) {
              expect(v).toBeLessThanOrEqual(0.35 + 1e-15);
              cappedSum += v;
            }
            expect(cappedSum).toBeLessThanOrEqual(sum + 1e-12);
            if ('maxWeight' in spec && typeof spec.maxWeight === 'number' && result.fallbacks.length === 0) {
              for (const v of w) expect(v).toBeLessThanOrEqual(spec.maxWeight + 1e-12);
            }
          });
        }
      });
    }
  }
});
