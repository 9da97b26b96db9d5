import { describe, expect, it } from 'vitest';
import { dayFromYmd } from '../../../src/core/dates.js';
import { drawdownEpisodes, underwaterSeries } from '../../../src/metrics/drawdownEpisodes.js';

// Start 2024-01-01 (V_0 = 1), then one return per day on 01-02 .. 01-09.
const start = dayFromYmd(2024, 1, 1);
const dates = Int32Array.from({ length: 8 }, (_, k) => start + 1 + k);
// returns −10%, −10%, +10%, +25%, +1%, −2%, +1%, −50% on 01-02 .. 01-09
const r = Float64Array.from([-0.1, -0.1, 0.1, 0.25, 0.01, -0.02, 0.01, -0.5]);
// V_1 = 0.9, V_2 = 0.81, V_3 = 0.891, V_4 = 1.11375 (≥ 1: recovery on 01-05),
// V_5 = 1.1248875 (peak, 01-06), V_6 = 1.10238975, V_7 = 1.1134136475 (< peak), V_8 = 0.55670682375.

describe('underwaterSeries', () => {
  it('is 1 − V_t / running max including the initial 1', () => {
    const u = underwaterSeries(r);
    expect(u[0]).toBeCloseTo(0.1, 15); // 1 − 0.9/1
    expect(u[1]).toBeCloseTo(0.19, 15); // 1 − 0.81/1
    expect(u[2]).toBeCloseTo(0.109, 15); // 1 − 0.891/1
    expect(u[3]).toBe(0); // new peak
    expect(u[4]).toBe(0);
    expect(u[5]).toBeCloseTo(0.02, 15); // 1 − 0.98
    expect(u[6]).toBeCloseTo(1 - 0.98 * 1.01, 15); // 0.0102
    expect(u[7]).toBeCloseTo(1 - 0.98 * 1.01 * 0.5, 15); // 0.5051
  });
});

describe('drawdownEpisodes', () => {
  it('lists the deepest episodes with dates and period counts (standard)', () => {
    const eps = drawdownEpisodes(r, dates, start, 5, 'standard');
    expect(eps).toHaveLength(2);
    // Deepest: from the 01-06 peak (index 5), trough 01-09 (index 8), not recovered.
    expect(eps[0]).toEqual({
      peak: '2024-01-06',
      trough: '2024-01-09',
      recovery: null,
      depth: expect.closeTo(1 - 0.98 * 1.01 * 0.5, 14),
      periodsToTrough: 3, // 8 − 5
      periodsToRecovery: null,
      periodsUnderwater: 3, // n − peak = 8 − 5
    });
    // From the initial capital (01-01, index 0), trough 01-03 (index 2), recovered 01-05 (index 4).
    expect(eps[1]).toEqual({
      peak: '2024-01-01',
      trough: '2024-01-03',
      recovery: '2024-01-05',
      depth: expect.closeTo(0.19, 14),
      periodsToTrough: 2,
      periodsToRecovery: 2, // 4 − 2
      periodsUnderwater: 3, // 01-02, 01-03, 01-04: 4 − 0 − 1
    });
  });

  it('adds one to periodsUnderwater under performanceanalytics (findDrawdowns length)', () => {
    const eps = drawdownEpisodes(r, dates, start, 1, 'performanceanalytics');
    expect(eps).toHaveLength(1);
    expect(eps[0]?.periodsUnderwater).toBe(4);
    expect(eps[0]?.periodsToTrough).toBe(3);
  });

  it('returns nothing for a series that never falls', () => {
    expect(drawdownEpisodes(Float64Array.from([0.01, 0, 0.02]), dates.subarray(0, 3), start, 3, 'standard')).toEqual([]);
  });
});
