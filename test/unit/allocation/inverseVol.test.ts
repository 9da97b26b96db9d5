import { describe, expect, it } from 'vitest';
import { inverseVol, inverseVolSchema } from '../../../src/allocation/inverseVol.js';
import type { AllocationInput } from '../../../src/allocation/types.js';

function input(columns: number[][], eligible?: number[]): AllocationInput {
  const length = columns[0]!.length;
  return {
    n: columns.length,
    names: columns.map((_, i) => `A${i}`),
    returns: Float64Array.from(columns.flat()),
    length,
    eligible: Uint8Array.from(eligible ?? columns.map(() => 1)),
  };
}

describe('inverseVol', () => {
  it('weights ∝ 1/sample sd, by hand', () => {
    // Last 4 rows (lookback 4); the first two rows (huge moves) are outside the lookback.
    // A0 = ±0.01: mean 0, Σd² = 4e-4, sd = √(4e-4/3) = 0.02/√3
    // A1 = ±0.02: sd = 0.04/√3
    // A2 = 0.03, 0.01, 0.03, 0.01: mean 0.02, deviations ±0.01, sd = 0.02/√3
    // 1/sd ∝ (50, 25, 50)·√3 → w = (50, 25, 50)/125 = (0.4, 0.2, 0.4)
    const x = input([
      [0.5, -0.4, 0.01, -0.01, 0.01, -0.01],
      [-0.3, 0.9, 0.02, -0.02, 0.02, -0.02],
      [0.2, 0.2, 0.03, 0.01, 0.03, 0.01],
    ]);
    const r = inverseVol(x, inverseVolSchema.parse({ method: 'inverseVol', lookback: 4, minObservations: 2 }));
    expect(r.weights[0]).toBeCloseTo(0.4, 14);
    expect(r.weights[1]).toBeCloseTo(0.2, 14);
    expect(r.weights[2]).toBeCloseTo(0.4, 14);
  });

  it('uses each candidate’s own finite returns, excludes short or ineligible ones', () => {
    // A0 has one NaN: its sd uses (0.01, 0.01, −0.02): mean 0, Σd² = 6e-4, sd = √3e-4.
    // A1 = ±0.02 over 4 rows: sd = 0.04/√3 = √(16e-4/3). A2 has only 1 finite return (excluded);
    // A3 is ineligible. w0/w1 = sd1/sd0 = √(16e-4/3)/√(3e-4) = √(16/9) = 4/3 → w = (4/7, 3/7).
    const x = input(
      [
        [0.01, Number.NaN, 0.01, -0.02],
        [0.02, -0.02, 0.02, -0.02],
        [Number.NaN, Number.NaN, Number.NaN, 0.05],
        [0.01, 0.03, -0.02, 0.0],
      ],
      [1, 1, 1, 0],
    );
    const r = inverseVol(x, inverseVolSchema.parse({ method: 'inverseVol', lookback: 4, minObservations: 3 }));
    expect(r.weights[0]).toBeCloseTo(4 / 7, 14);
    expect(r.weights[1]).toBeCloseTo(3 / 7, 14);
    expect(r.weights[2]).toBe(0);
    expect(r.weights[3]).toBe(0);
  });

  it('fails (for the fallback chain) when nobody has enough data', () => {
    const x = input([[0.01, 0.02]]);
    const r = inverseVol(x, inverseVolSchema.parse({ method: 'inverseVol' }));
    expect(r.failure).toMatch(/enough data/);
    expect([...r.weights]).toEqual([0]);
  });
});
