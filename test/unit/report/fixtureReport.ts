/**
 * A small report written by hand (not produced by the engine), with its 5-day series, for the
 * renderer and comparison tests. Values are arbitrary but consistent where a test relies on it:
 * equity 1 → 1.1 → 0.99 → 1.089 → 1.2 (returns 10%, −10%, 10%, 1.2/1.089 − 1).
 */
import type { Report, ReportSeries } from '../../../src/report/reportTypes.js';

export function fixtureSeries(): ReportSeries {
  return {
    dates: ['2024-01-02', '2024-01-03', '2024-01-04', '2024-01-05', '2024-01-08'],
    equity: [1, 1.1, 0.99, 1.089, 1.2],
    returns: [0, 0.1, -0.1, 0.1, 1.2 / 1.089 - 1],
    benchmarkEquity: [1, 1.05, 1.0, 1.02, 1.03],
    benchmarkReturns: [null, 0.05, 1 / 1.05 - 1, 0.02, 1.03 / 1.02 - 1],
    underwater: [0, 0, 0.1, 0.01, 0],
    weights: { AAA: [0, 0.5, 0.5, 0.5, 0.5], BBB: [0, 0.5, 0.5, 0.5, 0.5] },
    sleeveWeights: { growth: [0, 0.5, 0.5, 0.5, 0.5], safety: [0, 0.5, 0.5, 0.5, 0.5] },
    cash: [1, 0, 0, 0, 0],
    hhi: [null, 0.5, 0.5, 0.5, 0.5],
    effectiveHoldings: [null, 2, 2, 2, 2],
    maxWeight: [null, 0.5, 0.5, 0.5, 0.5],
    rollingReturn: [null, null, null, null, null],
    rollingVolatility: [null, null, null, null, null],
  };
}

export function fixtureReport(overrides: { name?: string; synthetic?: boolean } = {}): Report {
  const name = overrides.name ?? 'fixture';
  return {
    schemaVersion: 1,
    engineVersion: '0.1.0',
    strategy: {
      name,
      description: 'two assets, half each',
      file: 'strategies/fixture.yaml',
      sleeves: [
        { name: 'growth', assets: ['AAA'] },
        { name: 'safety', assets: ['BBB'] },
      ],
      spec: { version: 1, name } as unknown as Report['strategy']['spec'],
    },
    data: {
      directory: 'data/fixture',
      synthetic: overrides.synthetic ?? false,
      files: [
        { ticker: 'AAA', file: 'AAA.csv', format: 'plain', rows: 5, start: '2024-01-02', end: '2024-01-08', priceColumn: 'close', sha256: 'a'.repeat(64) },
        { ticker: 'BBB', file: 'BBB.csv', format: 'plain', rows: 5, start: '2024-01-02', end: '2024-01-08', priceColumn: 'close', sha256: 'b'.repeat(64) },
      ],
      filled: {},
      droppedDates: {},
      coverage: [
        { ticker: 'AAA', role: 'asset', firstPrice: '2024-01-02', lastPrice: '2024-01-08', coverage: 1, treatment: 'complete' },
        { ticker: 'BBB', role: 'asset', firstPrice: '2024-01-02', lastPrice: '2024-01-08', coverage: 1, treatment: 'complete' },
      ],
      currency: null,
    },
    period: { start: '2024-01-02', end: '2024-01-08', periods: 4, periodsPerYear: 252 },
    convention: { name: 'standard', definitions: 'sleeves-conventions-1', riskFree: '0% a year (reporting.riskFreeRate)', cash: 'earns nothing' },
    timing: { lag: 1, description: 'weights decided at the close of day t trade at the close of day t+1' },
    costs: { bps: 5, slippageBps: 0, total: 0.0005, cagrDrag: 0.01, annualizedTurnover: 0.5, skippedRebalances: 0 },
    metrics: { totalReturn: 0.2, cagr: 90.5, annualizedVolatility: 1.5, sharpe: 2.25, maxDrawdown: 0.1, sortino: null, var95: -0.08 },
    benchmark: { ticker: 'SPY', periods: 4, metrics: { totalReturn: 0.03, cagr: 3.4, annualizedVolatility: 0.6, sharpe: 1.5, maxDrawdown: 0.0476, sortino: 2, var95: -0.03 }, relative: { beta: 1.2, alpha: 0.3 } },
    drawdowns: [{ peak: '2024-01-03', trough: '2024-01-04', recovery: '2024-01-08', depth: 0.1, periodsToTrough: 1, periodsToRecovery: 2, periodsUnderwater: 2 }],
    tables: {
      monthly: [{ year: 2024, month: 1, return: 0.2 }],
      yearly: [{ year: 2024, return: 0.2, benchmark: 0.03 }],
      extremes: { bestMonth: { year: 2024, month: 1, return: 0.2 }, worstMonth: { year: 2024, month: 1, return: 0.2 }, bestYear: { year: 2024, return: 0.2 }, worstYear: { year: 2024, return: 0.2 } },
    },
    concentration: {
      topK: 3,
      hhi: { mean: 0.5, min: 0.5, max: 0.5, last: 0.5 },
      effectiveHoldings: { mean: 2, min: 2, max: 2, last: 2 },
      maxWeight: { mean: 0.5, min: 0.5, max: 0.5, last: 0.5, asset: 'AAA', date: '2024-01-03' },
      // sum = 0.15 + 0.04 − 0.0005 = 0.1895; residual = geometric total 0.2 − 0.1895 = 0.0105.
      returnContribution: {
        method: 'arithmetic',
        note: 'arithmetic',
        assets: { AAA: 0.15, BBB: 0.04 },
        sleeves: { growth: 0.15, safety: 0.04 },
        costs: -0.0005,
        sum: 0.1895,
        arithmeticTotal: 0.1895,
        geometricTotal: 0.2,
        residual: 0.0105,
      },
      riskContribution: { assets: { AAA: 0.7, BBB: 0.3 }, sleeves: { growth: 0.7, safety: 0.3 }, rebalancesUsed: 1, window: 252 },
      topContributorsShare: 1,
    },
    final: { date: '2024-01-08', assets: { AAA: 0.5, BBB: 0.5 }, sleeves: { growth: 0.5, safety: 0.5 }, cash: 0 },
    rebalances: [{ decisionDate: '2024-01-02', tradeDate: '2024-01-03', rule: 'initial', turnover: 0.5, cost: 0.0005, fallbacks: [], brokenTrends: [] }],
    warnings: ['a warning with <b>markup</b> & an ampersand'],
  };
}
