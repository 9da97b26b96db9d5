import { describe, expect, it } from 'vitest';
import { renderHindsightHtml } from '../../../src/thesis/renderHindsightHtml.js';
import { renderScenarioHtml } from '../../../src/thesis/renderScenarioHtml.js';
import type { HindsightReport } from '../../../src/thesis/runHindsight.js';
import type { ScenarioReport } from '../../../src/thesis/runScenario.js';

const figures = (x: number) => ({ totalReturn: x, cagr: x / 10, annualizedVolatility: 0.2, sharpe: 1, maxDrawdown: 0.3 });

describe('hindsight.html and scenario.html', () => {
  it('hindsight: the figures with exact values, both charts, escaped text', async () => {
    const r: HindsightReport = {
      strategy: '<b>x</b>',
      sleeve: 'ai',
      selectedOn: null,
      period: { start: '2020-01-02', end: '2021-12-31' },
      rule: { sleeve: 'ai', universe: ['A', 'B'], select: 1, lookback: 5, reselect: 'yearly', on: 'last', description: 'rule' },
      asWritten: { metrics: figures(1), members: ['A'] },
      pointInTime: { metrics: figures(0.6), members: [{ date: '2020-01-02', sleeve: 'ai', tickers: ['B'] }, { date: '2020-12-31', sleeve: 'ai', tickers: ['A'] }], assets: [] },
      premium: { totalReturn: 0.4, cagr: 0.04, annualizedVolatility: 0, sharpe: 0, maxDrawdown: 0 },
      notYetQualified: [{ ticker: 'A', firstSelected: '2020-12-31' }],
      warnings: [],
    };
    const curve = { dates: ['2020-01-02', '2020-01-03', '2020-01-06'], equity: [1, 1.1, 1.2] };
    const html = await renderHindsightHtml(r, { asWritten: curve, pointInTime: curve });
    expect(html).toContain('&lt;b&gt;x&lt;/b&gt;');
    expect(html).not.toContain('<b>x</b>');
    expect(html).toContain('<td data-value="0.04">4.00%</td>');
    expect(html).toMatch(/data-chart="hindsight-equity">.*<svg/s);
    expect(html).toMatch(/data-chart="hindsight-members">.*<svg/s);
    expect(html).toContain('Not picked at the start: A (first 2020-12-31).');
  });

  it('scenario: the sleeve chart, the asset table and the analogues', async () => {
    const method = { assets: { A: -0.3, B: -0.1 }, sleeves: { s: -0.05, t: -0.02 }, sleeveReturns: { s: -0.1, t: -0.04 }, portfolio: -0.07 };
    const r: ScenarioReport = {
      strategy: 'x',
      scenario: 'taiwan',
      asOf: '2024-12-31',
      shock: { A: -0.3 },
      weights: { A: 0.5, B: 0.5 },
      sleeveWeights: { s: 0.5, t: 0.5 },
      cash: 0,
      methods: {
        conditional: { ...method, window: 252, observations: 250 },
        historical: { ...method, portfolio: -0.09, horizon: 21, analogues: [{ from: '2020-02-13', to: '2020-03-16', distance: 0.05, moves: { A: -0.25 } }] },
      },
      warnings: ['w'],
    };
    const html = await renderScenarioHtml(r);
    expect(html).toMatch(/data-chart="scenario-sleeves">.*<svg/s);
    expect(html).toContain('<td data-value="-0.1">-10.0%</td>');
    expect(html).toContain('<td>2020-02-13</td><td>2020-03-16</td><td>0.050</td><td data-value="-0.25">-25.0%</td>');
    expect(html).toContain('(250 used)');
  });
});
