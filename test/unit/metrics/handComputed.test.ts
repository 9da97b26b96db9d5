import { describe, expect, it } from 'vitest';
import { computeMetrics } from '../../../src/metrics/computeMetrics.js';
import { computeRelativeMetrics } from '../../../src/metrics/computeRelativeMetrics.js';
import { metricContext } from '../../../src/metrics/convention.js';

/** |actual − expected| ≤ tol · max(1, |expected|). */
function near(actual: number | null | undefined, expected: number, tol = 1e-12): void {
  expect(actual).not.toBeNull();
  expect(actual).toBeTypeOf('number');
  expect(Math.abs((actual as number) - expected)).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(expected)));
}

// Twelve quarterly returns (P = 4, three years).
const r = Float64Array.from([0.02, -0.01, 0.03, -0.02, 0.01, 0.0, 0.04, -0.03, 0.02, 0.01, -0.01, 0.02]);
// A benchmark over the same quarters.
const b = Float64Array.from([0.01, -0.02, 0.02, -0.01, 0.0, 0.01, 0.03, -0.02, 0.01, 0.0, -0.01, 0.01]);
const P = 4;
const n = 12;

// Σr = .02 − .01 + .03 − .02 + .01 + 0 + .04 − .03 + .02 + .01 − .01 + .02 = 0.08, mean = 0.08/12 = 1/150
const mean = 0.08 / 12;
// Σr² = (4 + 1 + 9 + 4 + 1 + 0 + 16 + 9 + 4 + 1 + 1 + 4)·1e-4 = 54e-4
// Σ(r − mean)² = Σr² − n·mean² = 0.0054 − 0.0064/12 = 0.00486667
const ss = 0.0054 - 0.0064 / 12;
const sd = Math.sqrt(ss / 11); // 0.0210339
// ∏(1 + r), written out:
const growth = 1.02 * 0.99 * 1.03 * 0.98 * 1.01 * 1.0 * 1.04 * 0.97 * 1.02 * 1.01 * 0.99 * 1.02; // 1.0803937
const cagr = Math.pow(growth, 4 / 12) - 1; // three years: cube root, 0.0260264
// Returns below MAR = 0: −.01, −.02, −.03, −.01 → Σ squares = (1 + 4 + 9 + 1)·1e-4 = 15e-4
const ddPer = Math.sqrt(0.0015 / 12); // 0.0111803 (divisor: all 12 periods)
// Wealth: 1.02, 1.0098, 1.040094 (peak), 1.0192921, 1.0294850, 1.0294850, 1.0706644 (peak),
// 1.0385445 (= peak·0.97, the deepest point: 3% below), 1.0593154, 1.0699086, 1.0592095,
// 1.0803937 (peak again: 0.97·1.02·1.01·0.99·1.02 = 1.00909 > 1).
const maxDd = 0.03;
// Under water: {q2} 1 period, {q4, q5, q6} 3 periods, {q8..q11} 4 periods → longest 4.
// Sorted r: −.03, −.02, −.01, −.01, 0, .01, .01, .02, .02, .02, .03, .04
// var95: h = 11·0.05 = 0.55 → −0.03 + 0.55·(−0.02 − (−0.03)) = −0.0245; only −0.03 ≤ it.
// var99: h = 11·0.01 = 0.11 → −0.03 + 0.11·0.01 = −0.0289; only −0.03 ≤ it.

/** Population central moment Σ(r − mean)^k / n, written as a plain loop. */
function moment(k: number): number {
  let s = 0;
  for (const x of r) s += (x - mean) ** k;
  return s / n;
}
const m2 = ss / 12;

describe('computeMetrics on twelve quarterly returns, every value by hand', () => {
  it('standard profile', () => {
    const { metrics, warnings } = computeMetrics(r, metricContext(P, 'standard'));
    expect(warnings).toEqual([]);
    expect(metrics.periods).toBe(12);
    near(metrics.totalReturn, growth - 1);
    near(metrics.cagr, cagr);
    near(metrics.annualizedVolatility, sd * 2); // √4 = 2
    near(metrics.sharpe, (mean / sd) * 2); // 0.633866
    near(metrics.downsideDeviation, ddPer * 2); // 0.0223607
    near(metrics.sortino, (mean * 4) / (ddPer * 2)); // 1.192570
    near(metrics.maxDrawdown, maxDd);
    near(metrics.calmar, cagr / maxDd);
    expect(metrics.longestDrawdownPeriods).toBe(4);
    near(metrics.var95, -0.0245);
    near(metrics.cvar95, -0.03);
    near(metrics.var99, -0.0289);
    near(metrics.cvar99, -0.03);
    // m3 = −1.7407407e-6, m4 = 3.4129630e-7, m2 = 4.0555556e-4
    near(metrics.skewness, moment(3) / m2 ** 1.5); // −0.213130
    near(metrics.excessKurtosis, moment(4) / m2 ** 2 - 3); // −0.924991
    near(metrics.meanReturn, mean);
    near(metrics.bestPeriod, 0.04);
    near(metrics.worstPeriod, -0.03);
    near(metrics.positivePeriodsShare, 7 / 12); // .02 .03 .01 .04 .02 .01 .02 (0 is not positive)
  });

  it('performanceanalytics profile differs only where CONVENTIONS.md says', () => {
    const { metrics } = computeMetrics(r, metricContext(P, 'performanceanalytics'));
    near(metrics.sharpe, cagr / (sd * 2)); // geometric: 0.618673
    near(metrics.downsideDeviation, ddPer); // per period
    near(metrics.sortino, mean / ddPer); // per period: 0.596285
    expect(metrics.longestDrawdownPeriods).toBe(5); // findDrawdowns length = 4 + 1
    near(metrics.cvar95, -0.03); // strictly below −0.0245: still only −0.03
    near(metrics.annualizedVolatility, sd * 2);
    near(metrics.calmar, cagr / maxDd);
  });

  it('risk-free and MAR are converted per period as (1 + rate)^(1/P) − 1', () => {
    const rfAnnual = 0.0406; // per quarter: 1.0406^(1/4) − 1
    const rf = Math.pow(1.0406, 0.25) - 1;
    const { metrics } = computeMetrics(r, { periodsPerYear: P, convention: 'standard', riskFreeRate: rfAnnual, mar: 0 });
    // sd(r − rf) = sd(r): a constant shift
    near(metrics.sharpe, ((mean - rf) / sd) * 2, 1e-10);
  });
});

describe('computeRelativeMetrics on the same quarters, by hand', () => {
  // Σb = 0.03 (mean 0.0025), Σb² = 27e-4, Σrb = 35e-4
  // cov(r, b) = (Σrb − Σr·Σb/n)/11 = (0.0035 − 0.08·0.03/12)/11 = 0.0033/11
  // var(b)    = (Σb² − (Σb)²/n)/11 = (0.0027 − 0.0009/12)/11 = 0.002625/11
  const beta = 0.0033 / 0.002625; // 44/35 = 1.2571429
  const alphaPer = mean - beta * 0.0025; // 0.0035238
  // r − b = .01 .01 .01 −.01 .01 −.01 .01 −.01 .01 .01 0 .01 → Σ = 0.05, Σ² = 11e-4
  const ssD = 0.0011 - 0.0025 / 12;
  const te = Math.sqrt(ssD / 11) * 2; // 0.0180067
  const growthB = 1.01 * 0.98 * 1.02 * 0.99 * 1.0 * 1.01 * 1.03 * 0.98 * 1.01 * 1.0 * 0.99 * 1.01;
  const cagrB = Math.pow(growthB, 1 / 3) - 1;
  // b > 0 in quarters 1, 3, 6, 7, 9, 12: r = .02 .03 0 .04 .02 .02; b = .01 .02 .01 .03 .01 .01
  const up = (Math.pow(1.02 * 1.03 * 1.0 * 1.04 * 1.02 * 1.02, 4 / 6) - 1) / (Math.pow(1.01 * 1.02 * 1.01 * 1.03 * 1.01 * 1.01, 4 / 6) - 1);
  // b < 0 in quarters 2, 4, 8, 11: r = −.01 −.02 −.03 −.01; b = −.02 −.01 −.02 −.01 (4 periods = 1 year)
  const down = (0.99 * 0.98 * 0.97 * 0.99 - 1) / (0.98 * 0.99 * 0.98 * 0.99 - 1);

  it('standard profile', () => {
    const { metrics, warnings } = computeRelativeMetrics(r, b, metricContext(P, 'standard'));
    expect(warnings).toEqual([]);
    near(metrics.beta, 44 / 35);
    near(metrics.alpha, Math.pow(1 + alphaPer, 4) - 1);
    near(metrics.correlation, 0.0033 / Math.sqrt(ss * 0.002625)); // 0.926005
    near(metrics.trackingError, te);
    near(metrics.informationRatio, (0.05 / 12 / Math.sqrt(ssD / 11)) * 2);
    near(metrics.upCapture, up);
    near(metrics.downCapture, down);
  });

  it('performanceanalytics profile: per-period alpha, geometric information ratio', () => {
    const { metrics } = computeRelativeMetrics(r, b, metricContext(P, 'performanceanalytics'));
    near(metrics.beta, beta);
    near(metrics.alpha, alphaPer);
    near(metrics.informationRatio, (cagr - cagrB) / te);
    near(metrics.trackingError, te);
  });
});

describe('CVaR: ≤ VaR (standard) versus < VaR (performanceanalytics)', () => {
  // 21 returns: −0.10, −0.09, −0.09, then −0.07 ... 0.10. h = 20·0.05 ≈ 1 lands between x[1] and
  // x[2], which are equal, so var95 = −0.09 exactly in both profiles (R skips interpolation
  // when x[hi] == x[lo]).
  const x = Float64Array.from([-0.1, -0.09, -0.09, ...Array.from({ length: 18 }, (_, i) => (i - 7) / 100)]);
  it('includes the returns equal to VaR in standard and excludes them in performanceanalytics', () => {
    const s = computeMetrics(x, metricContext(252, 'standard')).metrics;
    const p = computeMetrics(x, metricContext(252, 'performanceanalytics')).metrics;
    expect(s.var95).toBe(-0.09);
    expect(p.var95).toBe(-0.09);
    near(s.cvar95, (-0.1 - 0.09 - 0.09) / 3);
    near(p.cvar95, -0.1);
  });
});
