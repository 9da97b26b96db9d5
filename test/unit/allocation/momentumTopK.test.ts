import { describe, expect, it } from 'vitest';
import { momentumTopK, momentumTopKSchema } from '../../../src/allocation/momentumTopK.js';
import type { AllocationInput } from '../../../src/allocation/types.js';

/** Four candidates with constant daily returns over 5 rows, except the last row of B (−50%). */
function input(): AllocationInput {
  const cols = [
    [0.01, 0.01, 0.01, 0.01, 0.01], // A
    [0.02, 0.02, 0.02, 0.02, -0.5], // B
    [-0.01, -0.01, -0.01, -0.01, -0.01], // C
    [0.005, 0.005, 0.005, 0.005, 0.005], // D
  ];
  return { n: 4, names: ['A', 'B', 'C', 'D'], returns: Float64Array.from(cols.flat()), length: 5, eligible: Uint8Array.of(1, 1, 1, 1) };
}
const spec = (raw: object) => momentumTopKSchema.parse({ method: 'momentumTopK', ...raw });

describe('momentumTopK', () => {
  it('holds the top k equally (lookback 3, no skip)', () => {
    // Last 3 rows: A 1.01³ − 1 = 0.030301, B 1.02²·0.5 − 1 < 0, C < 0, D 1.005³ − 1 = 0.015075…
    // Top 2: A and D, 1/2 each.
    expect([...momentumTopK(input(), spec({ k: 2, lookback: 3 })).weights]).toEqual([0.5, 0, 0, 0.5]);
  });

  it('skips the most recent rows', () => {
    // skip 1, lookback 3: rows 1..3, B = 1.02³ − 1 = 0.061208 is now first, then A.
    expect([...momentumTopK(input(), spec({ k: 2, lookback: 3, skip: 1 })).weights]).toEqual([0.5, 0.5, 0, 0]);
  });

  it('weights by strength among the winners', () => {
    // skip 1, lookback 3: mB = 0.061208, mA = 0.030301 → w = m / (mA + mB).
    const mA = 1.01 ** 3 - 1;
    const mB = 1.02 ** 3 - 1;
    const w = momentumTopK(input(), spec({ k: 2, lookback: 3, skip: 1, weighting: 'strength' })).weights;
    expect(w[0]).toBeCloseTo(mA / (mA + mB), 14);
    expect(w[1]).toBeCloseTo(mB / (mA + mB), 14);
  });

  it('strength with every winner at or below 0 falls back to 1/k each and records the fallback', () => {
    // A and D ineligible; lookback 3: mC = 0.99³ − 1 = −0.029701, mB = 1.02²·0.5 − 1 = −0.47980.
    // Both winners (k = 2) have max(m, 0) = 0: strengths sum to 0, so 1/2 each, recorded.
    const x = input();
    x.eligible.set([0, 1, 1, 0]);
    const r = momentumTopK(x, spec({ k: 2, lookback: 3, weighting: 'strength' }));
    expect([...r.weights]).toEqual([0, 0.5, 0.5, 0]);
    expect(r.failure).toBeUndefined();
    expect(r.fallbacks).toEqual([
      {
        from: 'momentumTopK (weighting strength)',
        to: 'momentumTopK (weighting equal)',
        reason: "every winner's momentum is ≤ 0 (the best is -0.0297), so strength weights are undefined; 1/2 each",
      },
    ]);
    // One winner above 0 is enough for strength weights: no fallback (k = 3 adds D, mD = 1.005³ − 1 > 0 → all of it).
    x.eligible.set([0, 1, 1, 1]);
    const s = momentumTopK(x, spec({ k: 3, lookback: 3, weighting: 'strength' }));
    expect([...s.weights]).toEqual([0, 0, 0, 1]);
    expect(s.fallbacks).toEqual([]);
  });

  it('sends winners below the absolute threshold to cash', () => {
    // k = 4 over lookback 3: all four are winners, 1/4 each; B and C are below 0 → cash 0.5.
    const w = momentumTopK(input(), spec({ k: 4, lookback: 3, absoluteThreshold: 0 })).weights;
    expect([...w]).toEqual([0.25, 0, 0, 0.25]);
  });

  it('ranks only eligible candidates with a full window, and fails on a short window', () => {
    const x = input();
    (x.eligible as Uint8Array)[0] = 0;
    x.returns[3 * 5 + 2] = Number.NaN; // D has a gap inside the window
    expect([...momentumTopK(x, spec({ k: 2, lookback: 3 })).weights]).toEqual([0, 0.5, 0.5, 0]);
    expect(momentumTopK(x, spec({ lookback: 5, skip: 1 })).failure).toMatch(/needs 6 return rows/);
  });
});
