import { describe, expect, it } from 'vitest';
import { parseIsoDate } from '../../../src/core/dates.js';
import { conditionalShock, sampleCovariance } from '../../../src/thesis/conditionalShock.js';
import { historicalAnalogues } from '../../../src/thesis/historicalAnalogues.js';
import { parseShocks } from '../../../src/thesis/parseShocks.js';

// A hand-built 3-asset covariance (×1e-4): variances 4, 9, 16; covariances 2 (0,1), 1 (0,2), 3 (1,2).
const cov = Float64Array.from([4, 2, 1, 2, 9, 3, 1, 3, 16].map((x) => x * 1e-4));

describe('conditionalShock: E[x_u | x_S = s] = Σ_uS Σ_SS⁻¹ s', () => {
  it('one shocked asset: the betas Σ_u0 / Σ_00', () => {
    const x = conditionalShock(cov, 3, [0], [-0.3])!;
    expect(x[0]).toBe(-0.3);
    expect(x[1]).toBeCloseTo((2 / 4) * -0.3, 14); // −0.15
    expect(x[2]).toBeCloseTo((1 / 4) * -0.3, 14); // −0.075
  });

  it('two shocked assets: Σ_SS⁻¹ = (1/32)[[9, −2], [−2, 4]]', () => {
    const x = conditionalShock(cov, 3, [0, 1], [-0.3, -0.4])!;
    // z = Σ_SS⁻¹ s = (1/32)(9·−0.3 − 2·−0.4, −2·−0.3 + 4·−0.4) = (−1.9/32, −1.0/32) = (−0.059375, −0.03125)
    // x_2 = Σ_20 z_0 + Σ_21 z_1 = 1·−0.059375 + 3·−0.03125 = −0.153125
    expect(x[2]).toBeCloseTo(-0.153125, 12);
    expect([x[0], x[1]]).toEqual([-0.3, -0.4]);
  });

  it('a singular Σ_SS gives null', () => {
    const collinear = Float64Array.from([1, 2, 0, 2, 4, 0, 0, 0, 1]); // asset 1 = 2 × asset 0
    expect(conditionalShock(collinear, 3, [0, 1], [-0.1, -0.2])).toBeNull();
  });
});

describe('sampleCovariance', () => {
  it('(n − 1) covariance over the rows where every column is finite', () => {
    // Rows (a, b): (1, 2), (2, 4), (NaN, 9), (3, 9) → used: (1,2), (2,4), (3,9); means 2 and 5.
    // var a = (1 + 0 + 1)/2 = 1; var b = (9 + 1 + 16)/2 = 13; cov = ((−1)(−3) + 0 + (1)(4))/2 = 3.5.
    const { cov: c, observations } = sampleCovariance(Float64Array.from([1, 2, 2, 4, NaN, 9, 3, 9]), 4, 2);
    expect(observations).toBe(3);
    expect(Array.from(c)).toEqual([1, 3.5, 3.5, 13]);
  });
});

describe('historicalAnalogues', () => {
  // Two assets on 7 rows. S (shocked): 100 90 81 81 90 100 70; U: 50 45 50 40 40 44 33.
  const dates = Int32Array.from(['2020-01-01', '2020-01-02', '2020-01-03', '2020-01-06', '2020-01-07', '2020-01-08', '2020-01-09'], parseIsoDate);
  const values = Float64Array.from([100, 90, 81, 81, 90, 100, 70, 50, 45, 50, 40, 40, 44, 33]);
  const base = { dates, values, nRows: 7, tickers: ['S', 'U'], columns: [0, 1], shocked: [0], shocks: [-0.3], asOfRow: 6, horizon: 2 };

  it('the closest non-overlapping windows, and the mean move of the others over them', () => {
    // 2-row moves of S ending at rows 2..6: 81/100−1 = −0.19, 81/90−1 = −0.1, 90/81−1 = 0.111, 100/81−1 = 0.235, 70/90−1 = −0.222.
    // Distance to −0.3: row 6 (0.078), row 2 (0.11), row 3 (0.2), ... Two analogues: rows 6 and 2 (4 rows apart ≥ 2).
    const { impacts, analogues } = historicalAnalogues({ ...base, count: 2 });
    expect(analogues.map((a) => `${a.from}→${a.to}`)).toEqual(['2020-01-07→2020-01-09', '2020-01-01→2020-01-03']);
    expect(analogues[0]!.moves['S']).toBeCloseTo(70 / 90 - 1, 14);
    expect(impacts[0]).toBe(-0.3);
    // U over the same windows: 33/40 − 1 = −0.175 and 50/50 − 1 = 0 → mean −0.0875.
    expect(impacts[1]).toBeCloseTo(-0.0875, 14);
  });

  it('overlapping windows are skipped: the third analogue is row 4 (row 3 overlaps row 2)', () => {
    // Row 3 (−0.1, distance 0.2) is 1 row from row 2 < 2: skipped; row 4 (0.111, distance 0.411) is taken.
    const { analogues } = historicalAnalogues({ ...base, count: 3 });
    expect(analogues.map((a) => a.to)).toEqual(['2020-01-09', '2020-01-03', '2020-01-07']);
  });
});

describe('parseShocks', () => {
  it('reads T=x pairs and refuses bad ones in one line', () => {
    expect(parseShocks('NVDA=-0.30, TSM=-0.4')).toEqual({ NVDA: -0.3, TSM: -0.4 });
    expect(() => parseShocks('NVDA=-30%')).toThrow('--shock: "NVDA=-30%" is not TICKER=RETURN');
    expect(() => parseShocks('NVDA=-1.5')).toThrow('outside (−1, 10]');
    expect(() => parseShocks('NVDA=-0.1,NVDA=-0.2')).toThrow('NVDA is shocked twice');
  });
});
