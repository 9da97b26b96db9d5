import { describe, expect, it } from 'vitest';
import { sumOfLargest } from '../../../src/metrics/concentrationSeries.js';
import { mulberry32 } from '../allocation/syntheticInput.js';

describe('sumOfLargest', () => {
  it('by hand: the 2 largest of (0.1, 0.4, 0.2, 0.3) sum to 0.3 + 0.4 = 0.7; k ≥ length sums all', () => {
    expect(sumOfLargest(Float64Array.of(0.1, 0.4, 0.2, 0.3), 2)).toBe(0.3 + 0.4);
    expect(sumOfLargest(Float64Array.of(0.1, 0.4, 0.2, 0.3), 4)).toBe(0.1 + 0.4 + 0.2 + 0.3);
    expect(sumOfLargest(Float64Array.of(0.1, 0.4), 0)).toBe(0);
  });

  it('equals the tail sum of the sorted array (all entries in order when k ≥ n) bit for bit (random weights with ties and zeros, reused scratch)', () => {
    const rand = mulberry32(5);
    const scratch = new Float64Array(40);
    for (let trial = 0; trial < 300; trial++) {
      const n = 1 + Math.floor(rand() * 60);
      const x = Float64Array.from({ length: n }, () => (rand() < 0.2 ? 0 : rand() < 0.2 ? 0.05 : rand()));
      const k = Math.floor(rand() * 40);
      // The former implementation: all entries in order when k ≥ n, else the sorted tail.
      const sorted = k >= n ? x : Float64Array.from(x).sort();
      let want = 0;
      for (let i = Math.max(0, n - k); i < n; i++) want += sorted[i]!;
      expect(sumOfLargest(x, k, scratch)).toBe(want);
    }
  });
});
