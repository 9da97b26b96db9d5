import { describe, expect, it } from 'vitest';
import { computeMetrics } from '../../../src/metrics/computeMetrics.js';
import { computeRelativeMetrics } from '../../../src/metrics/computeRelativeMetrics.js';
import { metricContext } from '../../../src/metrics/convention.js';

function noNonFinite(metrics: Record<string, number | null>): void {
  for (const [key, value] of Object.entries(metrics)) {
    if (value !== null) expect(Number.isFinite(value), key).toBe(true);
  }
}

describe('null plus a warning instead of NaN or Infinity', () => {
  it('zero volatility: a constant series has no Sharpe, skewness or kurtosis', () => {
    const r = new Float64Array(10).fill(0.001);
    for (const convention of ['standard', 'performanceanalytics'] as const) {
      const { metrics, warnings } = computeMetrics(r, metricContext(252, convention));
      noNonFinite(metrics);
      expect(metrics.annualizedVolatility).toBe(0);
      expect(metrics.sharpe).toBeNull();
      expect(metrics.skewness).toBeNull();
      expect(metrics.excessKurtosis).toBeNull();
      expect(warnings).toContain('sharpe: null (zero volatility: every return is the same)');
      // Constant positive: no period below MAR → no sortino; no drawdown → no calmar.
      expect(metrics.sortino).toBeNull();
      expect(warnings).toContain('sortino: null (no periods below MAR)');
      expect(metrics.calmar).toBeNull();
      expect(warnings).toContain('calmar: null (no drawdown)');
      expect(metrics.maxDrawdown).toBe(0);
      expect(metrics.downsideDeviation).toBe(0);
    }
  });

  it('no down days: sortino is null, the rest is defined', () => {
    const r = Float64Array.from([0.01, 0.02, 0.0, 0.03]);
    const { metrics, warnings } = computeMetrics(r, metricContext(252, 'standard'));
    noNonFinite(metrics);
    expect(metrics.sortino).toBeNull();
    expect(warnings.some((w) => w.startsWith('sortino:') && w.includes('no periods below MAR'))).toBe(true);
    expect(metrics.sharpe).not.toBeNull();
  });

  it('fewer than 2 periods: volatility and moments are null with the count in the reason', () => {
    const { metrics, warnings } = computeMetrics(Float64Array.from([0.05]), metricContext(12, 'standard'));
    noNonFinite(metrics);
    expect(metrics.totalReturn).toBeCloseTo(0.05, 15);
    expect(metrics.annualizedVolatility).toBeNull();
    expect(warnings).toContain('annualizedVolatility: null (1 period, needs at least 2)');
    expect(warnings).toContain('sharpe: null (1 period, needs at least 2)');
  });

  it('an empty series gives only nulls (and periods 0)', () => {
    const { metrics } = computeMetrics(new Float64Array(0), metricContext(252, 'performanceanalytics'));
    noNonFinite(metrics);
    expect(metrics.periods).toBe(0);
    expect(metrics.cagr).toBeNull();
  });

  it('benchmark with zero variance: beta, alpha and correlation are null', () => {
    const r = Float64Array.from([0.01, -0.02, 0.03, 0.0]);
    const b = new Float64Array(4).fill(0.001);
    const { metrics, warnings } = computeRelativeMetrics(r, b, metricContext(252, 'standard'));
    noNonFinite(metrics);
    expect(metrics.beta).toBeNull();
    expect(metrics.alpha).toBeNull();
    expect(metrics.correlation).toBeNull();
    expect(warnings).toContain('beta: null (benchmark has zero variance)');
    // b > 0 every period: no down periods.
    expect(metrics.downCapture).toBeNull();
    expect(warnings).toContain('downCapture: null (no periods with benchmark below 0)');
    expect(metrics.trackingError).not.toBeNull();
  });

  it('a series equal to its benchmark has zero tracking error and no information ratio', () => {
    const r = Float64Array.from([0.01, -0.02, 0.03, 0.0]);
    const { metrics, warnings } = computeRelativeMetrics(r, r, metricContext(252, 'performanceanalytics'));
    noNonFinite(metrics);
    expect(metrics.trackingError).toBe(0);
    expect(metrics.informationRatio).toBeNull();
    expect(warnings.some((w) => w.startsWith('informationRatio: null (zero tracking error'))).toBe(true);
    expect(metrics.beta).toBeCloseTo(1, 14);
    expect(metrics.upCapture).toBeCloseTo(1, 14);
  });

  it('rejects NaN returns (callers trim missing periods first)', () => {
    expect(() => computeMetrics(Float64Array.from([0.01, Number.NaN]), metricContext(252))).toThrow(/return 1 is NaN/);
  });
});
