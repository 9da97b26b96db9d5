import { describe, expect, it } from 'vitest';
import { parseIsoDate } from '../../../src/core/dates.js';
import { concentrationByYear } from '../../../src/robust/concentrationByYear.js';

describe('concentrationByYear', () => {
  const dates = Int32Array.from(['2019-12-30', '2019-12-31', '2020-01-02', '2020-01-03'], parseIsoDate);
  // Column-major, n = 4: A then B.
  const weights = Float64Array.from([0.5, 0.6, 0.4, 0.4, 0.5, 0.4, 0.6, 0.6]);
  const assetReturns = Float64Array.from([Number.NaN, 0.02, 0.1, -0.05, Number.NaN, -0.01, 0.03, 0.02]);

  it('sums w_{t−1} r_t per asset within each calendar year (by hand)', () => {
    const years = concentrationByYear({ dates, assets: ['A', 'B'], weights, assetReturns, topK: 1 });
    // 2019 (row 1): A 0.5 · 0.02 = 0.01, B 0.5 · −0.01 = −0.005; top-1 share of positives = 1.
    // 2020 (rows 2, 3): A 0.6 · 0.10 + 0.4 · −0.05 = 0.04; B 0.4 · 0.03 + 0.6 · 0.02 = 0.024;
    //   top-1 share = 0.04 / 0.064 = 0.625.
    expect(years.map((y) => y.year)).toEqual([2019, 2020]);
    expect(years.map((y) => y.periods)).toEqual([1, 2]);
    expect(years[0]!.topShare).toBe(1);
    expect(years[0]!.total).toBeCloseTo(0.005, 15);
    expect(years[1]!.topShare).toBeCloseTo(0.625, 14);
    expect(years[1]!.top).toEqual([{ asset: 'A', contribution: expect.closeTo(0.04, 15) }]);
    expect(years[1]!.total).toBeCloseTo(0.064, 15);
  });

  it('is null (not NaN or 0) in a year with no positive contribution', () => {
    const losing = Float64Array.from([Number.NaN, -0.02, 0.1, -0.05, Number.NaN, -0.01, 0.03, 0.02]);
    const years = concentrationByYear({ dates, assets: ['A', 'B'], weights, assetReturns: losing, topK: 3 });
    expect(years[0]!.topShare).toBeNull();
    expect(years[1]!.topShare).toBe(1); // both positive, top 3 covers them
  });
});
