import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyConstraints, constraintsSchema } from '../../src/allocation/applyConstraints.js';
import { allocate, parseAllocationSpec } from '../../src/allocation/registry.js';
import { solveMinVarianceQp } from '../../src/numeric/solveMinVarianceQp.js';
import type { AllocationInput } from '../../src/allocation/types.js';
import { flat, naiveCovariance, syntheticInput } from '../unit/allocation/syntheticInput.js';

const quad = (cov: number[][], w: ArrayLike<number>) =>
  cov.reduce((acc, row, i) => acc + (w[i] as number) * row.reduce((s, c, j) => s + c * (w[j] as number), 0), 0);

describe('allocation properties', () => {
  it('applyConstraints: weights stay in [0, cap], Σ never grows, the cash floor holds, feasible caps keep Σ', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 12 }),
        fc.double({ min: 0.05, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 0.5, noNaN: true }),
        (raw, cap, cashFloor) => {
          const total = raw.reduce((a, b) => a + b, 0);
          const w = Float64Array.from(raw.map((v) => (total > 1 ? v / total : v)));
          const inSum = w.reduce((a, b) => a + b, 0);
          const names = raw.map((_, i) => `A${i}`);
          const r = applyConstraints(w, names, new Uint8Array(raw.length).fill(1), constraintsSchema.parse({ maxWeight: cap, cashFloor }));
          let sum = 0;
          for (const v of r.weights) {
            expect(v).toBeGreaterThanOrEqual(0);
            expect(v).toBeLessThanOrEqual(cap + 1e-12);
            sum += v;
          }
          const target = Math.min(inSum, 1 - cashFloor);
          expect(sum).toBeLessThanOrEqual(target + 1e-12);
          const held = raw.filter((v) => v > 0).length;
          if (held * cap >= target + 1e-9) expect(sum).toBeCloseTo(target, 10);
          expect(sum + r.cashFromCaps).toBeCloseTo(target, 10);
        },
      ),
      { seed: 20260701, numRuns: 300 },
    );
  });

  it('minimum variance: no random feasible portfolio has a lower variance', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 2, max: 8 }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 8, maxLength: 8 }),
        (seed, n, raw) => {
          const cov = naiveCovariance(syntheticInput(seed, n, 120));
          const r = solveMinVarianceQp(flat(cov), n, new Float64Array(n), new Float64Array(n).fill(1));
          expect(r.ok).toBe(true);
          if (!r.ok) return;
          const x = raw.slice(0, n).map((v) => v + 1e-3);
          const s = x.reduce((a, b) => a + b, 0);
          expect(quad(cov, r.weights)).toBeLessThanOrEqual(quad(cov, x.map((v) => v / s)) * (1 + 1e-12));
        },
      ),
      { seed: 20260702, numRuns: 100 },
    );
  });

  it('covariance methods are invariant to scaling all returns by c > 0', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.double({ min: 0.1, max: 10, noNaN: true }), (seed, c) => {
        const x = syntheticInput(seed, 5, 150);
        const scaled: AllocationInput = { ...x, returns: x.returns.map((v) => v * c) };
        for (const method of ['inverseVol', 'riskParity', 'minVariance', 'maxDiversification', 'hrp', 'herc']) {
          const spec = parseAllocationSpec({ method });
          const a = allocate(spec, x).weights;
          const b = allocate(spec, scaled).weights;
          a.forEach((v, i) => expect(Math.abs(v - (b[i] as number)), method).toBeLessThan(1e-9));
        }
      }),
      { seed: 20260703, numRuns: 40 },
    );
  });
});
