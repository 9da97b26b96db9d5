/**
 * The same figure prints the same text in `sleeves run`, `sleeves compare` and `sleeves
 * metrics`: a 60/40 run on the sample prices with SPY as benchmark, compared with itself, and
 * its returns.csv measured by `sleeves metrics --benchmark benchmark`. Each summary figure's
 * text is checked against report.json formatted by hand (percent: x·100 to 2 digits, numbers:
 * 2 digits), and the total return against ∏(1 + r) − 1 of returns.csv.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { figuresIn, figuresOf } from '../../src/report/figures/figureCatalogue.js';
import type { Figure } from '../../src/report/figures/figureTypes.js';
import { sleeves, tempDir } from '../helpers/cli.js';

const STRATEGY = `version: 1
name: sixty-forty
sleeves:
  stocks: { assets: [SPY] }
  bonds: { assets: [TLT] }
allocation:
  across: { method: fixed, weights: { stocks: 0.6, bonds: 0.4 } }
`;

/** The catalogue's display rule written out independently: percent 2 digits, numbers 2, counts whole. */
function byHand(f: Figure, x: number): string {
  if (f.format.unit === 'percent') return `${(x * 100).toFixed(f.format.digits)}%`;
  if (f.format.unit === 'count') return String(x);
  return x.toFixed(f.format.digits);
}

describe('one figure, one text in run, compare and metrics', () => {
  let runOut: string;
  let compareOut: string;
  let metricsOut: string;
  let report: any;
  let returnsCsv: string;

  beforeAll(() => {
    const dir = tempDir('sleeves-figures-');
    const file = path.join(dir, 'sixty-forty.yaml');
    writeFileSync(file, STRATEGY);
    const run = sleeves(['run', file, '--data', 'data/sample', '--benchmark', 'SPY', '--out', path.join(dir, 'runs'), '--no-html']);
    expect(run.code, run.stderr).toBe(0);
    runOut = run.stdout;
    const parent = path.join(dir, 'runs/sixty-forty');
    const folder = path.join(parent, readdirSync(parent)[0]!);
    report = JSON.parse(readFileSync(path.join(folder, 'report.json'), 'utf8'));
    returnsCsv = path.join(folder, 'returns.csv');
    const cmp = sleeves(['compare', folder, folder]);
    expect(cmp.code, cmp.stderr).toBe(0);
    compareOut = cmp.stdout;
    const m = sleeves(['metrics', returnsCsv, '--benchmark', 'benchmark']);
    expect(m.code, m.stderr).toBe(0);
    metricsOut = m.stdout;
  });

  it('the returns file gives the report its total return (the three commands measure the same series)', () => {
    const rows = readFileSync(returnsCsv, 'utf8').trim().split('\n').slice(2); // header, then the start day without a return
    const growth = rows.reduce((g, line) => g * (1 + Number(line.split(',')[1])), 1);
    expect(Math.abs(growth - 1 - report.metrics.totalReturn)).toBeLessThan(1e-12);
  });

  it('prints each summary metric and relative figure identically in the three commands', () => {
    const runLines = runOut.split('\n');
    const cmpLines = compareOut.split('\n');
    const metricLines = metricsOut.split('\n');
    const figures = figuresIn('summary').filter((f) => f.scope === 'metrics' || f.scope === 'relative');
    expect(figures.length).toBeGreaterThanOrEqual(12);
    for (const f of figures) {
      const value = f.scope === 'metrics' ? report.metrics[f.name] : report.benchmark.relative[f.name];
      const text = byHand(f, value);
      // run: the metrics table row "label  strategy  SPY", or the "vs SPY: label value, ..." line.
      if (f.scope === 'metrics') {
        const cells = runLines.find((l) => l.startsWith(`${f.label} `))!.slice(f.label.length).trim().split(/\s+/);
        expect(cells[0], `run ${f.key}`).toBe(text);
        expect(cells[1], `run benchmark ${f.key}`).toBe(byHand(f, report.benchmark.metrics[f.name]));
      } else {
        expect(runLines.find((l) => l.startsWith('vs SPY')), `run ${f.key}`).toContain(`${f.label} ${text}`);
      }
      // compare: the row "label ↑  A  B" (a run compared with itself: equal values, none starred).
      const arrow = f.better === null ? '' : f.better === 'higher' ? ' ↑' : ' ↓';
      const cmpCells = cmpLines.find((l) => l.startsWith(`${f.label}${arrow} `))!.slice(`${f.label}${arrow}`.length).trim().split(/\s+/);
      expect(cmpCells, `compare ${f.key}`).toEqual([text, text]);
      // metrics: the row "key  portfolio  benchmark".
      const mCells = metricLines.find((l) => l.startsWith(`${f.name} `))!.slice(f.name.length).trim().split(/\s+/);
      expect(mCells[0], `metrics ${f.key}`).toBe(text);
    }
  });

  it('reads every concentration and cost figure of the catalogue from a real report, and the report has no summary the catalogue lacks', () => {
    const figures = [...figuresOf('concentration'), ...figuresOf('costs')];
    for (const f of figures) {
      const [head, ...rest] = f.key.split('.');
      const value = rest.reduce((node: any, part) => node?.[part], report[head!]);
      expect(typeof value, f.key).toBe('number');
    }
    // Each {mean, …} summary of report.concentration (sleeveWeights is per sleeve) is a catalogue figure.
    const summaries = Object.entries(report.concentration)
      .filter(([, v]: [string, any]) => v !== null && typeof v === 'object' && 'mean' in v)
      .map(([k]) => k);
    expect(summaries.length).toBeGreaterThanOrEqual(7);
    for (const k of summaries) expect(figures.some((f) => f.key.startsWith(`concentration.${k}.`)), k).toBe(true);
  });

  it('shows drawdowns as positive fractions and VaR as a signed return everywhere', () => {
    expect(report.metrics.maxDrawdown).toBeGreaterThan(0);
    expect(report.metrics.var95).toBeLessThan(0);
    const dd = byHand(figuresIn('summary').find((f) => f.name === 'maxDrawdown')!, report.metrics.maxDrawdown);
    const v = byHand(figuresIn('summary').find((f) => f.name === 'var95')!, report.metrics.var95);
    expect(dd.startsWith('-')).toBe(false);
    expect(v.startsWith('-')).toBe(true);
    for (const out of [runOut, compareOut, metricsOut]) {
      expect(out).toContain(dd);
      expect(out).toContain(v);
    }
  });
});
