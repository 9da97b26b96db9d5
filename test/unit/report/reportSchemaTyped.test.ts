/**
 * The report type is derived from its schema: the typed concentration summary is checked field
 * by field when a report is read back, and the fields early engines did not write are optional
 * in the schema and so in the type (renderers handle them missing instead of crashing).
 */
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../../src/report/reportSchema.js';
import { renderTerminal } from '../../../src/report/renderTerminal.js';
import { fixtureReport } from './fixtureReport.js';

describe('parseReport with the typed concentration summary', () => {
  it('names a wrong type inside a concentration summary', () => {
    const json = JSON.parse(JSON.stringify(fixtureReport()));
    json.concentration.maxWeight.max = 'half';
    expect(() => parseReport(json, 'r.json')).toThrow(/^r\.json: not a sleeves report: concentration\.maxWeight\.max: /);
    const again = JSON.parse(JSON.stringify(fixtureReport()));
    again.concentration.returnContribution.assets = { AAA: '0.15' };
    expect(() => parseReport(again, 'r.json')).toThrow(/concentration\.returnContribution\.assets\.AAA: /);
  });

  it('reads the summary back with its values and types (maxWeight with its asset and date)', () => {
    const r = parseReport(JSON.parse(JSON.stringify(fixtureReport())), 'r.json');
    expect(r.concentration.maxWeight).toEqual({ mean: 0.5, min: 0.5, max: 0.5, last: 0.5, asset: 'AAA', date: '2024-01-03' });
    expect(r.concentration.returnContribution?.sum).toBe(0.1895);
  });

  it('accepts a report of an early engine (no coverage, currency, skipped rebalances, extremes, risk window) and prints it', () => {
    const json = JSON.parse(JSON.stringify(fixtureReport()));
    delete json.data.coverage;
    delete json.data.currency;
    delete json.costs.skippedRebalances;
    delete json.tables.extremes;
    delete json.convention.riskFree;
    delete json.convention.cash;
    delete json.benchmark.periods;
    json.concentration = { hhi: json.concentration.hhi, maxWeight: json.concentration.maxWeight };
    const r = parseReport(json, 'old.json');
    const text = renderTerminal(r, { color: false });
    // largest weight (max) 0.5 → "50.00%" with its asset and date; no best/worst year line.
    expect(text).toContain('largest weight (max) 50.00% (AAA on 2024-01-03)');
    expect(text).not.toContain('best year');
  });
});

describe('parseReportSeries', () => {
  it('reads a series.json of an early engine without the rolling series as empty rolling series', async () => {
    const { parseReportSeries } = await import('../../../src/report/reportSchema.js');
    const { fixtureSeries } = await import('./fixtureReport.js');
    const s = JSON.parse(JSON.stringify(fixtureSeries()));
    delete s.rollingReturn;
    delete s.rollingVolatility;
    const parsed = parseReportSeries(s, 's.json');
    expect(parsed.rollingReturn).toEqual([]);
    expect(parsed.rollingVolatility).toEqual([]);
    expect(parsed.equity).toEqual([1, 1.1, 0.99, 1.089, 1.2]);
  });
});
