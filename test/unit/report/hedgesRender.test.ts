import { describe, expect, it } from 'vitest';
import { renderHtml } from '../../../src/report/renderHtml.js';
import { hedgeLines } from '../../../src/report/hedgeLines.js';
import type { Report } from '../../../src/report/reportTypes.js';
import { fixtureReport, fixtureSeries } from './fixtureReport.js';

function withHedges(): Report {
  const report = fixtureReport();
  report.hedges = [
    {
      sleeve: 'safety',
      growth: ['growth'],
      growthBy: 'role',
      days: 4,
      tailDays: 1,
      correlation: -0.25,
      tailCorrelation: null,
      downCapture: 0.125,
      episodes: [
        { kind: 'drawdown', from: '2024-01-03', to: '2024-01-04', growthReturn: -0.2, hedgeReturn: 0.03, verdict: 'held' },
        { kind: 'stress', name: 'Rate shock', from: '2024-01-03', to: '2024-01-05', growthReturn: -0.1, hedgeReturn: -0.04, verdict: 'failed' },
        { kind: 'stress', name: 'AI rally', from: '2024-01-05', to: '2024-01-08', growthReturn: 0.3, hedgeReturn: 0.01, verdict: null },
      ],
    },
  ];
  return report;
}

describe('hedges in the terminal and the HTML report', () => {
  it('terminal: one row per hedge sleeve with the held counts, and the 2022 line', () => {
    const text = hedgeLines(withHedges()).join('\n');
    expect(text).toContain('does the hedge hedge? against growth (role: growth)');
    // 1 of 1 drawdown held; 0 of the 1 stress window in which growth fell (the rally has no verdict).
    expect(text).toMatch(/safety\s+-0\.25\s+–\s+0\.13\s+1\/1\s+0\/1/);
    expect(text).toContain('2022 rate shock (2024-01-03 → 2024-01-05): growth -10.0%; safety -4.0% (failed)');
  });

  it('HTML: the episodes chart and the tables, with exact values in data-value', async () => {
    const html = await renderHtml(withHedges(), fixtureSeries());
    expect(html).toContain('<section id="hedges">');
    expect(html).toMatch(/data-chart="hedge-episodes"><h3>[^<]*<\/h3><div class="plot">(<figure[^>]*>.*)?<svg/s);
    expect(html).toContain('data-value="-0.25"');
    expect(html).toContain('data-value="0.03"');
    expect(html).toMatch(/<td class="failed">failed<\/td>/);
    expect(html).toContain('growth rose');
  });

  it('nothing when the report has no hedges (older reports, one sleeve)', async () => {
    expect(hedgeLines(fixtureReport())).toEqual([]);
    expect(await renderHtml(fixtureReport(), fixtureSeries())).not.toContain('id="hedges"');
  });
});

describe('hedges in compare', () => {
  it('one row per hedge sleeve and figure, null where a report has no such hedge, lower marked best', async () => {
    const { compareReports } = await import('../../../src/report/compareReports.js');
    const a = withHedges();
    const b = fixtureReport({ name: 'other' });
    b.hedges = [{ ...a.hedges![0]!, correlation: 0.5, downCapture: -0.1 }];
    const c = fixtureReport({ name: 'none' });
    const cmp = compareReports([a, b, c].map((report, i) => ({ label: `r${i}`, source: `r${i}`, report, series: null })));
    const row = (key: string) => cmp.rows.find((r) => r.key === key)!;
    expect(row('hedges.safety.correlation').values).toEqual([-0.25, 0.5, null]);
    expect(row('hedges.safety.correlation').best).toEqual([0]);
    expect(row('hedges.safety.downCapture').values).toEqual([0.125, -0.1, null]);
    expect(row('hedges.safety.downCapture').best).toEqual([1]);
    expect(row('hedges.safety.tailCorrelation').values).toEqual([null, null, null]);
  });
});
