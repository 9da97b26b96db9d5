/**
 * buildRollingSeries: the tearsheet's series aligned with the series dates (row 0 null), the
 * windows round(P/2) and P, the risk-free rate of the report's context, and the benchmark's
 * underwater curve holding its wealth on a day without a price; all by hand.
 */
import { describe, expect, it } from 'vitest';
import { buildRollingSeries } from '../../../src/report/buildRollingSeries.js';

describe('buildRollingSeries', () => {
  const r = Float64Array.of(0.01, 0.03, -0.01, 0.02);
  const b = Float64Array.of(0.1, Number.NaN, -0.2, 0.1);

  it('aligns each series with the dates and uses windows of round(P/2) and P', () => {
    // P = 4: 6 months = 2 periods, 12 months = 4.
    const s = buildRollingSeries(r, b, { periodsPerYear: 4, convention: 'standard', riskFreeRate: 0, mar: 0 });
    // Window 2 Sharpe by hand (rollingTearsheet.test.ts): 2√2, 1/√2, √2/3 on rows 2..4 of the dates.
    expect(s.rollingSharpe6m[0]).toBeNull();
    expect(s.rollingSharpe6m[1]).toBeNull();
    expect(s.rollingSharpe6m[2]).toBeCloseTo(2 * Math.SQRT2, 12);
    expect(s.rollingSharpe6m[4]).toBeCloseTo(Math.SQRT2 / 3, 12);
    // Window 4: mean 0.0125, sd √((0.0025² + 0.0175² + 0.0225² + 0.0075²)/3) = √(0.000875/3)
    expect(s.rollingSharpe12m.slice(0, 4)).toEqual([null, null, null, null]);
    expect(s.rollingSharpe12m[4]).toBeCloseTo((0.0125 / Math.sqrt(0.000875 / 3)) * 2, 12);
    expect(s.rollingSharpe6m).toHaveLength(5);
  });

  it('subtracts the per-period risk-free rate (1 + rf)^(1/P) − 1', () => {
    // rf = 1.01⁴ − 1 a year is 0.01 per period; window [0.01, 0.03] → x = [0, 0.02]:
    // mean 0.01, sd 0.01√2 → 0.01/(0.01√2)·2 = √2
    const rf = 1.01 ** 4 - 1;
    const s = buildRollingSeries(r, null, { periodsPerYear: 4, convention: 'standard', riskFreeRate: rf, mar: 0 });
    expect(s.rollingSharpe6m[2]).toBeCloseTo(Math.SQRT2, 12);
    expect(s.rollingBeta6m).toBeNull();
    expect(s.benchmarkUnderwater).toBeNull();
  });

  it('benchmark underwater: a day without a price holds the wealth', () => {
    // Wealth 1 → 1.1 → 1.1 (no price) → 0.88 → 0.968; peak 1.1: u = 0, 0, 0, 0.2, 1 − 0.968/1.1 = 0.12
    const s = buildRollingSeries(r, b, { periodsPerYear: 4, convention: 'standard', riskFreeRate: 0, mar: 0 });
    const u = s.benchmarkUnderwater!;
    expect(u.slice(0, 3)).toEqual([0, 0, 0]);
    expect(u[3]).toBeCloseTo(0.2, 15);
    expect(u[4]).toBeCloseTo(0.12, 15);
    // Rolling beta, window 2: rows (0.03, NaN) and (0.01, 0.1) leave one common period → null;
    // rows 3..4: r = (−0.01, 0.02), b = (−0.2, 0.1): two points, slope Δr/Δb = 0.03/0.3 = 0.1
    expect(s.rollingBeta6m![2]).toBeNull();
    expect(s.rollingBeta6m![4]).toBeCloseTo(0.1, 12);
    expect(s.returnHistogram!.n).toBe(4);
  });
});
