import { describe, expect, it } from 'vitest';
import { stitchSegments } from '../../../src/validation/stitchSegments.js';

describe('stitchSegments', () => {
  it('lays segments end to end and compounds them', () => {
    const s = stitchSegments([
      { dates: ['d0', 'd1', 'd2'], returns: [0.1, -0.5] },
      { dates: ['d2', 'd3'], returns: [0.2] },
    ]);
    expect(s.dates).toEqual(['d0', 'd1', 'd2', 'd3']);
    expect(Array.from(s.returns)).toEqual([0.1, -0.5, 0.2]);
    expect(Array.from(s.fold)).toEqual([1, 1, 2]);
    // 1 · 1.1 = 1.1; · 0.5 = 0.55; · 1.2 = 0.66 (segments: 1.1·0.5 = 0.55 and 1.2; 0.55·1.2 = 0.66).
    expect(s.equity[1]).toBeCloseTo(1.1, 15);
    expect(s.equity[2]).toBeCloseTo(0.55, 15);
    expect(s.equity[3]).toBeCloseTo(0.66, 15);
  });

  it('refuses segments that do not chain (a bug in the folds)', () => {
    expect(() => stitchSegments([{ dates: ['d0', 'd1'], returns: [0] }, { dates: ['d2', 'd3'], returns: [0] }])).toThrow(/starts on d2, not on d1/);
    expect(() => stitchSegments([{ dates: ['d0', 'd1'], returns: [0, 1] }])).toThrow(/2 dates and 2 returns/);
  });
});
