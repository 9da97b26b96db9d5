import { describe, expect, it } from 'vitest';
import { denseRows, denseValue, heldValue } from '../../../src/execution/holdingsValue.js';

describe('holdings value', () => {
  // Two rows of 6 entries (row-major); 5 held units on entries 1..5 (a tail past the 4 partial sums).
  const F = Float64Array.of(9, 1, 2, 3, 4, 5, 9, 2, 4, 6, 8, 10);
  const units = Float64Array.of(1, 10, 100, 1000, 0.5);

  it('is cash plus the units times the prices, by hand', () => {
    // Row 0: 1·1 + 10·2 + 100·3 + 1000·4 + 0.5·5 = 4323.5, plus cash 0.25.
    expect(denseValue(F, 1, units, 5, 0.25)).toBe(4323.75);
    // Row 1: every price doubled: 8647, plus cash 0.25.
    expect(denseValue(F, 7, units, 5, 0.25)).toBe(8647.25);
  });

  it('the gathered, the dense and the stretch forms agree to the last bit', () => {
    const cols = Int32Array.of(1, 2, 3, 4, 5);
    const noisy = F.map((x, i) => x * (1 + i * 1e-7));
    const equity = new Float64Array(2);
    const cash = new Float64Array(2);
    denseRows(noisy, 1, 6, units, 5, 0.1, equity, cash, 0, 2);
    for (let r = 0; r < 2; r++) {
      const dense = denseValue(noisy, r * 6 + 1, units, 5, 0.1);
      expect(heldValue(noisy, r * 6, cols, units, 5, 0.1)).toBe(dense);
      expect(equity[r]).toBe(dense);
      expect(cash[r]).toBe(0.1);
    }
  });
});
