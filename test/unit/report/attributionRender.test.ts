/**
 * The attribution figures in the terminal and in report.html: every value shown with its exact
 * JSON value in `data-value`, the data-figure ids, null as a dash, nothing for an older report.
 */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { attributionSectionHtml } from '../../../src/report/html/attributionSection.js';
import { attributionLines } from '../../../src/report/renderAttributionTerminal.js';
import { renderHtml } from '../../../src/report/renderHtml.js';
import type { Report } from '../../../src/report/reportTypes.js';
import { parseReport } from '../../../src/report/reportSchema.js';
import { fixtureReport, fixtureSeries } from './fixtureReport.js';

function withAttribution(): Report {
  const report = fixtureReport();
  // Contributions that add up: 0.15 + 0.06 + 0 − 0.01 = 0.2 (the fixture's total return).
  report.contributions = { method: 'carino', assets: { AAA: 0.15, BBB: 0.06 }, sleeves: { growth: 0.15, safety: 0.06 }, cash: 0, costs: -0.01, total: 0.2 };
  // Effects: 0.02 − 0.01 + 0.005 + 0.01 + 0.003 − 0.002 + 0 − 0.01 (costs) = 0.016 = 0.2 − 0.184.
  report.attribution = {
    method: 'brinson-fachler, carino-linked',
    reference: 'equal sleeve weights (50% each), equal weights within each sleeve, rebalanced daily',
    sleeves: { growth: { allocation: 0.02, selection: -0.01, interaction: 0.005 }, safety: { allocation: 0.01, selection: 0.003, interaction: -0.002 } },
    cash: { allocation: 0, selection: 0, interaction: 0 },
    costs: -0.01,
    active: 0.016,
    portfolioReturn: 0.2,
    referenceReturn: 0.184,
  };
  report.factors = {
    tickers: ['SPY', 'TLT'],
    betas: { SPY: 0.8, TLT: null },
    tStats: { SPY: 12.5, TLT: null },
    alpha: 0.031,
    alphaTStat: 2.1,
    rSquared: 0.64,
    periods: 4,
    alphaConvention: 'alpha = per-period OLS intercept × periods per year (arithmetic); raw returns, no risk-free rate subtracted',
  };
  return report;
}

describe('attribution in the terminal', () => {
  it('prints contributions, effects and factors', () => {
    const lines = attributionLines(withAttribution()).join('\n');
    expect(lines).toContain('contributions to the total return 20.0% (Cariño-linked, they add up): growth +15.0% · safety +6.0% · costs −1.00%');
    // Sleeve effects: 0.02 − 0.01 + 0.005 + 0.01 + 0.003 − 0.002 = 0.026; 0.026 + 0 − 0.01 = 0.016.
    expect(lines).toContain('attribution (Brinson–Fachler, Cariño-linked) against equal sleeve weights (50% each), equal weights within each sleeve, rebalanced daily');
    expect(lines).toContain('  strategy 20.0%, reference 18.4%: active +1.6% = sleeve effects +2.6% + costs −1.00%');
    expect(lines).toMatch(/growth\s+\+2\.0%\s+−1\.0%\s+\+0\.5%/);
    expect(lines).toContain('factor betas SPY 0.80 (t 12.5) · TLT – (t –); alpha +3.10%/year (t 2.1), R² 0.64, 4 periods');
  });

  it('prints nothing for a report without the figures', () => {
    expect(attributionLines(fixtureReport())).toEqual([]);
  });
});

describe('attribution in report.html', () => {
  it('has the tables with exact values and the rolling betas chart', async () => {
    const series = { ...fixtureSeries(), factorBetas: { SPY: [null, null, 0.7, 0.75, 0.8], TLT: [null, null, null, null, null] } };
    const { document } = parseHTML(`<html><body>${attributionSectionHtml(withAttribution(), series)}</body></html>`);
    const ids = [...document.querySelectorAll('[data-figure]')].map((e) => e.getAttribute('data-figure'));
    expect(ids).toEqual(['contribution-table', 'brinson', 'factor-exposure', 'rolling-factor-betas']);
    const values = (sel: string) => [...document.querySelectorAll(`${sel} td[data-value]`)].map((td) => td.getAttribute('data-value'));
    expect(values('#contribution-sleeves')).toEqual(['0.15', '0.06', '0', '-0.01', '0.2']);
    // Brinson rows: growth (3 effects + total), safety, cash, costs total, active total.
    expect(values('#brinson-table').slice(0, 4)).toEqual(['0.02', '-0.01', '0.005', String(0.02 - 0.01 + 0.005)]);
    expect(values('#brinson-table').slice(-2)).toEqual(['-0.01', '0.016']);
    expect(values('#factor-table')).toEqual(['0.8', '12.5', '', '', '0.031', '2.1', '0.64']);
    expect(document.querySelector('#factor-table')!.textContent).toContain('–');
    // The rolling betas are an interactive time chart: its data is the series as given (SPY drawn, TLT all null).
    const chart = JSON.parse(document.querySelector('[data-figure="rolling-factor-betas"] script[type="application/json"]')!.textContent!);
    expect(chart.series.map((s: { name: string }) => s.name)).toEqual(['SPY', 'TLT']);
    expect(chart.series[0].values).toEqual([null, null, 0.7, 0.75, 0.8]);
    expect(document.querySelector('[data-figure="brinson"] .note')!.textContent).toContain('equal sleeve weights (50% each)');
  });

  it('is hooked into the page, and the contribution bars show the linked figures', async () => {
    const html = await renderHtml(withAttribution(), fixtureSeries());
    const { document } = parseHTML(html);
    expect(document.querySelector('section#attribution')).not.toBeNull();
    // No factorBetas in this series: the chart is replaced by a note.
    expect(document.querySelector('[data-figure="rolling-factor-betas"] .note')!.textContent).toMatch(/Daily series are not available/);
    expect(html).toContain('Cariño-linked contributions: the bars (with costs) add up to the total return 20.0%.');
    expect(await renderHtml(fixtureReport(), fixtureSeries())).not.toContain('id="attribution"');
  });
});

describe('attribution in report.json read back', () => {
  it('parses, and names a malformed field', () => {
    const json = JSON.parse(JSON.stringify(withAttribution()));
    expect(parseReport(json, 'report.json').attribution!.active).toBe(0.016);
    json.attribution.sleeves.growth.selection = 'x';
    expect(() => parseReport(json, 'report.json')).toThrow('report.json: not a sleeves report: attribution.sleeves.growth.selection: ');
  });
});
