import { describe, expect, it } from 'vitest';
import { extremeRows, strideRows } from '../../../src/report/html/downsample.js';

describe('strideRows', () => {
  it('keeps every row when there are at most max', () => {
    expect(strideRows(4, 4)).toEqual([0, 1, 2, 3]);
  });
  it('takes every ceil(n/max)-th row plus the last', () => {
    // n = 10, max = 4 → step ceil(10/4) = 3 → 0, 3, 6, 9 (9 is the last row already)
    expect(strideRows(10, 4)).toEqual([0, 3, 6, 9]);
    // n = 11, max = 4 → step 3 → 0, 3, 6, 9, then the last row 10
    expect(strideRows(11, 4)).toEqual([0, 3, 6, 9, 10]);
  });
});

describe('extremeRows', () => {
  it('keeps the largest value of each bucket so that no trough of the underwater curve is lost', () => {
    const v = [0, 0.1, 0.5, 0.2, 0, 0.05, 0.9, 0.3, 0];
    // n = 9, max = 3 → buckets of 3: [0..2] max at 2, [3..5] max at 3, [6..8] max at 6; plus rows 0 and 8.
    expect(extremeRows(v, 3)).toEqual([0, 2, 3, 6, 8]);
  });
});
