import { describe, expect, it } from 'vitest';
import { applyConstraints, constraintsSchema } from '../../../src/allocation/applyConstraints.js';

const names = ['A', 'B', 'C', 'D'];
const all = Uint8Array.of(1, 1, 1, 1);
const run = (w: number[], c: object, eligible = all) =>
  applyConstraints(Float64Array.from(w), names.slice(0, w.length), eligible.subarray(0, w.length), constraintsSchema.parse(c));
const rounded = (a: Float64Array) => [...a].map((v) => Math.round(v * 1e12) / 1e12);

describe('applyConstraints', () => {
  it('caps and spreads the excess pro rata', () => {
    // (0.5, 0.3, 0.2), cap 0.4: excess 0.1 over B, C in ratio 3:2 → (0.4, 0.36, 0.24).
    expect(rounded(run([0.5, 0.3, 0.2], { maxWeight: 0.4 }).weights)).toEqual([0.4, 0.36, 0.24]);
  });

  it('iterates to a fixed point when spreading pushes another name over the cap', () => {
    // (0.5, 0.35, 0.1, 0.05), cap 0.4: round 1 excess 0.1 over 0.5 → ×1.2 → (0.4, 0.42, 0.12, 0.06);
    // round 2 excess 0.02 over 0.18 → ×(1 + 1/9) → (0.4, 0.4, 0.1333…, 0.0666…).
    expect(rounded(run([0.5, 0.35, 0.1, 0.05], { maxWeight: 0.4 }).weights)).toEqual([0.4, 0.4, 0.133333333333, 0.066666666667]);
  });

  it('sends the excess to cash when caps are infeasible (n·cap < 1) and says so', () => {
    const r = run([0.5, 0.3, 0.2], { maxWeight: 0.3 });
    expect(rounded(r.weights)).toEqual([0.3, 0.3, 0.3]);
    expect(r.cashFromCaps).toBeCloseTo(0.1, 15);
    expect(r.warnings[0]).toMatch(/in cash/);
  });

  it('keeps the largest holdings, drops small positions, keeps a cash floor, zeroes ineligible', () => {
    // maxHoldings 2: (0.5, 0.3, 0, 0) scaled by 1/0.8 → (0.625, 0.375).
    expect(rounded(run([0.5, 0.3, 0.2], { maxHoldings: 2 }).weights)).toEqual([0.625, 0.375, 0]);
    // minWeight 0.25 drops C (0.2) and spreads it the same way.
    expect(rounded(run([0.5, 0.3, 0.2], { minWeight: 0.25 }).weights)).toEqual([0.625, 0.375, 0]);
    // cash floor 0.1: Σ = 1 > 0.9 → ×0.9.
    expect(rounded(run([0.5, 0.3, 0.2], { cashFloor: 0.1 }).weights)).toEqual([0.45, 0.27, 0.18]);
    // ineligible B is zeroed (its weight is cash here; redistribution is the allocator's job).
    expect(rounded(run([0.5, 0.3, 0.2], {}, Uint8Array.of(1, 0, 1)).weights)).toEqual([0.5, 0, 0.2]);
  });

  it('takes per-name caps', () => {
    // A capped at 0.2: excess 0.3 over B, C (0.3 : 0.2) → (0.2, 0.48, 0.32).
    expect(rounded(run([0.5, 0.3, 0.2], { maxWeight: { A: 0.2 } }).weights)).toEqual([0.2, 0.48, 0.32]);
  });
});
