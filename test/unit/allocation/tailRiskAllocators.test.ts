import { beforeAll, describe, expect, it } from 'vitest';
import { allocate, parseAllocationSpec } from '../../../src/allocation/registry.js';
import type { AllocationInput } from '../../../src/allocation/types.js';
import { loadLpSolver, solveLinearProgram } from '../../../src/numeric/lpSolver.js';
import { cvarProgram } from '../../../src/numeric/tailRiskPrograms.js';
import { syntheticInput } from './syntheticInput.js';

beforeAll(async () => {
  await loadLpSolver();
});

/** The last `rows` rows of columns `cols` of an input, column-major. */
function tail(input: AllocationInput, cols: number[], rows: number): Float64Array {
  return Float64Array.from(cols.flatMap((i) => [...input.returns.subarray((i + 1) * input.length - rows, (i + 1) * input.length)]));
}

describe('LP allocators', () => {
  it('minCvar reads the last `lookback` rows and is the LP optimum on them (caps and floors passed through)', () => {
    const input = syntheticInput(321, 4, 300);
    const r = allocate(parseAllocationSpec({ method: 'minCvar', lookback: 120, maxWeight: 0.4, minWeight: 0.05 }), input);
    expect(r.fallbacks).toEqual([]);
    const lp = solveLinearProgram(
      cvarProgram({ returns: tail(input, [0, 1, 2, 3], 120), k: 4, rows: 120, alpha: 0.95, lower: new Float64Array(4).fill(0.05), upper: new Float64Array(4).fill(0.4) }),
    );
    expect(lp.ok).toBe(true);
    if (lp.ok) r.weights.forEach((w, i) => expect(w).toBeCloseTo(lp.x[i]!, 7));
    expect(r.weights.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 14);
    r.weights.forEach((w) => {
      expect(w).toBeGreaterThanOrEqual(0.05);
      expect(w).toBeLessThanOrEqual(0.4);
    });
  });

  it('drops rows where a usable candidate has no return (complete rows), and gives an ineligible candidate 0', () => {
    const input = syntheticInput(322, 3, 200);
    const holes: AllocationInput = { ...input, returns: Float64Array.from(input.returns), eligible: Uint8Array.from([1, 1, 1]) };
    holes.returns[50] = Number.NaN; // candidate 0, row 50
    const r = allocate(parseAllocationSpec({ method: 'minCvar', lookback: 200 }), holes);
    const keep = Array.from({ length: 200 }, (_, s) => s).filter((s) => s !== 50);
    const block = Float64Array.from([0, 1, 2].flatMap((i) => keep.map((s) => input.returns[i * 200 + s]!)));
    const lp = solveLinearProgram(cvarProgram({ returns: block, k: 3, rows: 199, alpha: 0.95, lower: new Float64Array(3), upper: new Float64Array(3).fill(1) }));
    if (lp.ok) r.weights.forEach((w, i) => expect(w).toBeCloseTo(lp.x[i]!, 7));
    const out = allocate(parseAllocationSpec({ method: 'minCdar' }), { ...input, eligible: Uint8Array.from([1, 0, 1]) });
    expect(out.weights[1]).toBe(0);
    expect(out.weights[0]! + out.weights[2]!).toBeCloseTo(1, 14);
  });

  it('meanCvar meets its target mean; an unreachable target walks the fallback chain and says why', () => {
    const input = syntheticInput(323, 4, 252);
    const means = [0, 1, 2, 3].map((i) => input.returns.subarray(i * 252, (i + 1) * 252).reduce((a, b) => a + b, 0) / 252);
    const target = 252 * (Math.min(...means) + Math.max(...means)) / 2;
    const r = allocate(parseAllocationSpec({ method: 'meanCvar', targetReturn: target }), input);
    expect(r.fallbacks).toEqual([]);
    const mean = means.reduce((s, m, i) => s + m * r.weights[i]!, 0);
    expect(mean * 252).toBeGreaterThanOrEqual(target - 1e-9);
    const unreachable = 252 * Math.max(...means) + 0.01;
    const out = allocate(parseAllocationSpec({ method: 'meanCvar', targetReturn: unreachable, fallback: ['hrp'] }), input);
    expect(out.fallbacks).toEqual([
      { from: 'meanCvar', to: 'hrp', reason: `meanCvar: no portfolio within the bounds reaches a ${unreachable} annual mean return over the lookback (LP infeasible)` },
    ]);
  });

  it('infeasible bounds and too short a window fail to the fallback chain with the reason', () => {
    const input = syntheticInput(324, 3, 252);
    const caps = allocate(parseAllocationSpec({ method: 'minCvar', maxWeight: 0.3 }), input);
    expect(caps.fallbacks[0]).toEqual({ from: 'minCvar', to: 'minVariance', reason: 'minCvar: infeasible bounds (Σ floors 0.0000, Σ caps 0.9000)' });
    const short = allocate(parseAllocationSpec({ method: 'minCdar', alpha: 0.99, minObservations: 20 }), syntheticInput(325, 3, 60));
    expect(short.fallbacks[0]).toMatchObject({ from: 'minCdar', reason: 'minCdar: too little data (60 complete rows; alpha 0.99 needs 100)' });
  });
});
