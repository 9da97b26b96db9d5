import { describe, expect, it } from 'vitest';
import { computeMetrics, METRIC_KEYS } from '../../../src/metrics/computeMetrics.js';

describe('computeMetrics with `only` (the sweep computes 9 of the 20 metrics)', () => {
  it.each(['standard', 'performanceanalytics'] as const)('gives exactly the full computation\'s values for the chosen keys and nothing else (%s)', (convention) => {
    let s = 17;
    const r = Float64Array.from({ length: 500 }, () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32 - 0.49) * 0.03);
    const ctx = { periodsPerYear: 252, convention, riskFreeRate: 0.02, mar: 0 };
    const full = computeMetrics(r, ctx).metrics;
    const only = ['cagr', 'sharpe', 'sortino', 'maxDrawdown', 'skewness'] as const;
    const some = computeMetrics(r, ctx, only).metrics;
    expect(Object.keys(some).sort()).toEqual([...only].sort());
    for (const k of only) expect(some[k]).toBe(full[k]);
    // The full computation has every key (a check that `only` is the restriction of it).
    expect(Object.keys(full).sort()).toEqual([...METRIC_KEYS].sort());
  });

  it('an undefined chosen metric is still null with its warning', () => {
    // Constant returns: zero volatility, Sharpe undefined.
    const { metrics, warnings } = computeMetrics(new Float64Array(10).fill(0.001), { periodsPerYear: 252, convention: 'standard', riskFreeRate: 0, mar: 0 }, ['sharpe']);
    expect(metrics).toEqual({ sharpe: null });
    expect(warnings).toEqual(['sharpe: null (zero volatility: every return is the same)']);
  });
});
