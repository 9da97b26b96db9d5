import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { renderCompareHtml } from '../../../src/report/renderCompareHtml.js';
import { compareReports } from '../../../src/report/compareReports.js';
import { renderHtml } from '../../../src/report/renderHtml.js';
import { fixtureReport, fixtureSeries } from './fixtureReport.js';

const EVIL = '<script>alert(1)</script>';

describe('renderHtml', () => {
  it('shows a strategy name with markup as text, never as a tag', async () => {
    const report = fixtureReport({ name: EVIL });
    report.strategy.description = '<img src=x onerror=alert(2)>';
    report.data.directory = '"><script>alert(3)</script>';
    const html = await renderHtml(report, fixtureSeries());
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    const { document } = parseHTML(html);
    expect(document.querySelector('h1')!.textContent).toBe(EVIL);
    expect(document.querySelector('title')!.textContent).toBe(`sleeves · ${EVIL}`);
    expect(document.querySelectorAll('script')).toHaveLength(0);
    // A warning from the report with markup is text too.
    expect(document.querySelector('#warnings li')!.textContent).toBe('a warning with <b>markup</b> & an ampersand');
  });

  it('draws every chart as a non-empty inline SVG and references nothing outside the file', async () => {
    const html = await renderHtml(fixtureReport(), fixtureSeries());
    const { document } = parseHTML(html);
    const charts = [...document.querySelectorAll('[data-chart]')].map((f) => f.getAttribute('data-chart'));
    expect(charts).toEqual(['equity', 'underwater', 'sleeve-weights', 'concentration', 'effective-holdings', 'return-by-sleeve', 'risk-by-sleeve', 'return-by-asset', 'risk-by-asset', 'monthly']);
    for (const f of document.querySelectorAll('[data-chart]')) {
      const svg = f.querySelector('svg');
      expect(svg, f.getAttribute('data-chart')!).not.toBeNull();
      expect(svg!.querySelectorAll('path, rect, line, circle, text').length).toBeGreaterThan(0);
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
    expect([...real.querySelectorAll('[data-chart-missing]')].map((f) => f.getAttribute('data-chart-missing'))).toEqual(['equity', 'underwater', 'sleeve-weights', 'concentration']);
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
      { label: EVIL, source: 'a.json', report: a, series: fixtureSeries() },
      { label: 'B', source: 'b.json', report: b, series: null },
    ];
    const html = await renderCompareHtml(compareReports(entries), entries);
    expect(html).not.toMatch(/<script/i);
    const { document } = parseHTML(html);
    const cagr = [...document.querySelectorAll('#metrics-table td[data-key="metrics.cagr"]')];
    expect(cagr.map((c) => [c.textContent, c.classList.contains('best')])).toEqual([['9050.00%', true], ['100.00%', false]]);
    expect(document.querySelector('[data-chart="equity"] figcaption')!.textContent).toContain('Not drawn (no daily series): B.');
    expect(document.querySelector('[data-chart="sleeve-weights-0"] svg')).not.toBeNull();
    expect(document.querySelector('[data-chart-missing="sleeve-weights-1"]')).not.toBeNull();
  });
});
