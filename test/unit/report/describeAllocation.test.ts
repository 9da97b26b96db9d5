/**
 * describeAllocation: the header rows of the tearsheet that state the allocation spec, read
 * from the resolved spec (methods with their parameters, sleeve overrides, rebalancing).
 */
import { describe, expect, it } from 'vitest';
import { describeAllocation } from '../../../src/report/describeAllocation.js';
import { fixtureReport } from './fixtureReport.js';

describe('describeAllocation', () => {
  it('states the across and within methods with their parameters, sleeve overrides and the rebalancing rule', () => {
    const report = fixtureReport();
    report.strategy.spec = {
      ...report.strategy.spec,
      sleeves: { growth: { assets: ['AAA'], role: 'growth', within: { method: 'inverseVolatility', lookback: 63 } }, safety: { assets: ['BBB'] } },
      allocation: { across: { method: 'fixed', weights: { growth: 0.6, safety: 0.4 } }, within: { method: 'equal' } },
      rebalance: { schedule: 'monthly', on: 'last', lag: 1, minTrade: 0 },
    } as unknown as typeof report.strategy.spec;
    expect(describeAllocation(report)).toEqual([
      ['across sleeves', 'fixed (weights: growth 0.6, safety 0.4)'],
      ['within sleeves', 'equal'],
      ['sleeve growth', 'within: inverseVolatility (lookback: 63)'],
      ['rebalancing', 'schedule monthly, on last, lag 1, minTrade 0'],
    ]);
  });
});
