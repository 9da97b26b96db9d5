import { createHash } from 'node:crypto';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { buildRollingSeries } from '../../../src/report/buildRollingSeries.js';
import type { ReportSeries } from '../../../src/report/reportTypes.js';
import { renderCompareHtml } from '../../../src/report/renderCompareHtml.js';
import { compareReports } from '../../../src/report/compareReports.js';
import { renderHtml } from '../../../src/report/renderHtml.js';
import { fixtureReport, fixtureSeries } from './fixtureReport.js';

const EVIL = '<script>alert(1)</script>';

/** The fixture's series with the tearsheet's rolling figures (windows 2 and 4 at P = 4). */
function tearsheetSeries(): ReportSeries {
  const s = fixtureSeries();
  const bench = Float64Array.from(s.benchmarkReturns!.slice(1), (x) => x ?? Number.NaN);
  return { ...s, ...buildRollingSeries(Float64Array.from(s.returns.slice(1)), bench, { periodsPerYear: 4, convention: 'standard', riskFreeRate: 0, mar: 0 }) };
}

/** The page's executable scripts are exactly those whose sha256 the CSP lists; the others are JSON data. */
function checkScripts(html: string): { data: unknown[] } {
  const { document } = parseHTML(html);
  const csp = document.querySelector('meta[http-equiv="Content-Security-Policy"]')!.getAttribute('content')!;
  expect(csp).toMatch(/^default-src 'none'; /);
  const scriptSrc = /script-src ([^;]*)/.exec(csp)![1]!;
  expect(scriptSrc.split(' ').every((src) => /^'sha256-[A-Za-z0-9+/=]+'$/.test(src))).toBe(true);
  const code = [...document.querySelectorAll('script')].filter((el) => !el.getAttribute('type'));
  expect(code).toHaveLength(2);
  for (const el of code) expect(scriptSrc).toContain(`'sha256-${createHash('sha256').update(el.textContent!, 'utf8').digest('base64')}'`);
  const data = [...document.querySelectorAll('script')].filter((el) => el.getAttribute('type') === 'application/json').map((el) => JSON.parse(el.textContent!));
  return { data };
}

describe('renderHtml', () => {
  it('shows a strategy name with markup as text, never as a tag', async () => {
    const report = fixtureReport({ name: EVIL });
    report.strategy.description = '<img src=x onerror=alert(2)>';
    report.data.directory = '"><script>alert(3)</script>';
    const html = await renderHtml(report, tearsheetSeries());
    expect(html).not.toMatch(/<script>alert|<img/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    const { document } = parseHTML(html);
    expect(document.querySelector('h1')!.textContent).toBe(EVIL);
    expect(document.querySelector('title')!.textContent).toBe(`sleeves · ${EVIL}`);
    // In the charts' JSON the name is data (with < written as \u003c), never markup.
    const { data } = checkScripts(html);
    expect(html).toContain('\\u003cscript>alert(1)\\u003c/script>');
    expect((data[0] as { series: { name: string }[] }).series[0]!.name).toBe(EVIL);
    // A warning from the report with markup is text too.
    expect(document.querySelector('#warnings li')!.textContent).toBe('a warning with <b>markup</b> & an ampersand');
  });

  it('has every tearsheet figure: time charts as data for the page script, the others as inline SVG, tables', async () => {
    const series = tearsheetSeries();
    const html = await renderHtml(fixtureReport(), series);
    const { document } = parseHTML(html);
    const figures = [...document.querySelectorAll('[data-figure]')].map((f) => f.getAttribute('data-figure'));
    expect(figures).toEqual([
      'equity', 'underwater', 'drawdowns', 'eoy', 'monthly-heatmap', 'histogram', 'rolling-sharpe', 'rolling-volatility', 'rolling-beta',
      'asset-weights', 'holdings', 'sleeve-weights', 'concentration', 'effective-holdings', 'contributions', 'return-by-sleeve', 'risk-by-sleeve', 'return-by-asset', 'risk-by-asset',
    ]);
    const { data } = checkScripts(html);
    const charts = data as { id: string; x: number[]; series: { name: string; values: (number | null)[] }[] }[];
    expect(charts.map((c) => c.id)).toEqual(['equity', 'underwater', 'rolling-sharpe', 'rolling-volatility', 'rolling-beta', 'asset-weights', 'sleeve-weights', 'concentration', 'effective-holdings']);
    // x is seconds since 1970 of each date at 00:00 UTC: 2024-01-02 = 19724 days · 86400.
    expect(charts[0]!.x[0]).toBe(19724 * 86400);
    expect(charts[0]!.series.map((s) => s.values)).toEqual([series.equity, series.benchmarkEquity]);
    // Underwater drawn below zero; asset weights stacked: AAA then AAA + BBB, listed top layer first (cash, BBB, AAA).
    expect(charts[1]!.series[0]!.values).toEqual(series.underwater.map((u) => 0 - u + 0));
    expect(charts[5]!.series.map((s) => s.name)).toEqual(['cash', 'BBB', 'AAA']);
    expect(charts[5]!.series[1]!.values).toEqual([0, 1, 1, 1, 1]);
    expect(charts[5]!.series[0]!.values).toEqual([1, 1, 1, 1, 1]);
    for (const id of ['eoy', 'monthly-heatmap', 'histogram', 'return-by-sleeve']) {
      const svg = document.querySelector(`[data-figure="${id}"] svg`);
      expect(svg, id).not.toBeNull();
      expect(svg!.querySelectorAll('path, rect, line, circle, text').length, id).toBeGreaterThan(0);
    }
    expect(html).not.toMatch(/(src|href)=["']?(https?:)?\/\//i);
    expect(html).not.toMatch(/@import|url\(\s*['"]?http/i);
    expect(html).toContain('@media print');
  });

  it('puts each metric in the table with its exact value and display form', async () => {
    const report = fixtureReport();
    const { document } = parseHTML(await renderHtml(report, fixtureSeries()));
    const cells = [...document.querySelectorAll('#metrics-table tbody tr')].map((tr) => [...tr.querySelectorAll('td')]);
    // Rows follow report.metrics order: totalReturn 0.2 → "20.00%", sharpe 2.25 → "2.25", sortino null → "–".
    expect(cells.map((c) => c[1]!.getAttribute('data-key'))).toEqual(Object.keys(report.metrics));
    expect(cells[0]!.map((c) => c.textContent)).toEqual(['total return', '20.00%', '3.00%']);
    expect(cells[0]![1]!.getAttribute('data-value')).toBe('0.2');
    expect(cells[3]!.map((c) => c.textContent)).toEqual(['Sharpe', '2.25', '1.50']);
    expect(cells[5]!.map((c) => c.textContent)).toEqual(['Sortino', '–', '2.00']);
    expect(cells[5]![1]!.getAttribute('data-value')).toBe('');
  });

  it('shows the synthetic-data banner only for synthetic data, and notes missing series instead of charts', async () => {
    const real = parseHTML(await renderHtml(fixtureReport(), null)).document;
    expect(real.querySelector('.banner')).toBeNull();
    expect([...real.querySelectorAll('[data-chart-missing]')].map((f) => f.getAttribute('data-chart-missing'))).toEqual([
      'equity', 'underwater', 'histogram', 'rolling-sharpe', 'rolling-volatility', 'rolling-beta', 'asset-weights', 'holdings', 'sleeve-weights', 'concentration',
    ]);
    // Without time charts the page carries no script at all.
    expect(real.querySelectorAll('script')).toHaveLength(0);
    const synthetic = parseHTML(await renderHtml(fixtureReport({ synthetic: true }), null)).document;
    expect(synthetic.querySelector('.banner')!.textContent).toMatch(/^SYNTHETIC DATA: data\/fixture holds generated sample prices/);
  });
});

describe('renderCompareHtml', () => {
  it('overlays the runs, marks the best cells and escapes labels', async () => {
    const a = fixtureReport({ name: EVIL });
    const b = fixtureReport({ name: 'B' });
    b.metrics = { ...b.metrics, cagr: 1 };
    const entries = [
      { label: EVIL, source: 'a.json', report: a, series: tearsheetSeries() },
      { label: 'B', source: 'b.json', report: b, series: null },
    ];
    const html = await renderCompareHtml(compareReports(entries), entries);
    expect(html).not.toMatch(/<script>alert/i);
    checkScripts(html);
    const { document } = parseHTML(html);
    const cagr = [...document.querySelectorAll('#metrics-table td[data-key="metrics.cagr"]')];
    expect(cagr.map((c) => [c.textContent, c.classList.contains('best')])).toEqual([['9050.00%', true], ['100.00%', false]]);
    expect(document.querySelector('[data-chart="equity"] figcaption')!.textContent).toContain('Not drawn (no daily series): B.');
    for (const id of ['equity-0', 'underwater-0', 'rolling-sharpe-0', 'sleeve-weights-0']) expect(document.querySelector(`[data-figure="${id}"] .timechart`), id).not.toBeNull();
    expect(document.querySelector('[data-figure="eoy-0"] svg')).not.toBeNull();
    expect(document.querySelector('[data-figure="eoy-1"] svg')).not.toBeNull();
    for (const id of ['equity-1', 'underwater-1', 'rolling-sharpe-1', 'sleeve-weights-1']) expect(document.querySelector(`[data-chart-missing="${id}"]`), id).not.toBeNull();
  });
});
