import { describe, expect, it } from 'vitest';
import { parseReport, parseReportSeries } from '../../../src/report/reportSchema.js';
import { fixtureReport, fixtureSeries } from './fixtureReport.js';

describe('parseReport', () => {
  it('accepts a report as JSON round-trips it, keeping unknown keys', () => {
    const json = JSON.parse(JSON.stringify({ ...fixtureReport(), futureKey: 1 }));
    const r = parseReport(json, 'r.json');
    expect(r.metrics['cagr']).toBe(90.5);
    expect((r as unknown as Record<string, unknown>)['futureKey']).toBe(1);
  });
  it('rejects a wrong type with one line naming the file and the field', () => {
    const json = JSON.parse(JSON.stringify(fixtureReport()));
    json.metrics.cagr = 'high';
    expect(() => parseReport(json, 'r.json')).toThrow(/^r\.json: not a sleeves report: metrics\.cagr: /);
  });
  it('rejects a report of another schema version and a missing section', () => {
    const json = JSON.parse(JSON.stringify(fixtureReport()));
    expect(() => parseReport({ ...json, schemaVersion: 2 }, 'r.json')).toThrow(/schemaVersion/);
    delete json.period;
    expect(() => parseReport(json, 'r.json')).toThrow(/period/);
  });
  it('validates series.json, where hhi may be null but dates must be ISO', () => {
    const s = JSON.parse(JSON.stringify(fixtureSeries()));
    expect(parseReportSeries(s, 's.json').hhi[0]).toBeNull();
    s.dates[1] = '03/01/2024';
    expect(() => parseReportSeries(s, 's.json')).toThrow(/^s\.json: not a sleeves series file: dates\.1: /);
  });
});
