import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvCell } from '../../../src/report/csvCell.js';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { csvCells, seriesCsv, seriesCsvFiles, type ColumnTexts } from '../../../src/report/renderCsv.js';
import { streamJson } from '../../../src/core/streamJson.js';
import { writeRunFolder } from '../../../src/report/writeRunFolder.js';
import { fixtureReport } from './fixtureReport.js';
import { tempDir } from '../../helpers/cli.js';
import type { ReportSeries } from '../../../src/report/reportTypes.js';
import { fixtureSeries } from './fixtureReport.js';

/** The CSV files as written cell by cell with String(x) (the renderer before it took cells from JSON). */
function naiveCsv(series: ReportSeries): { returns: string; weights: string } {
  const cell = (x: number | null | undefined): string => (typeof x === 'number' && Number.isFinite(x) ? String(x) : '');
  const bench = series.benchmarkReturns;
  const r = [bench ? 'date,portfolio,benchmark' : 'date,portfolio'];
  series.dates.forEach((d, t) => r.push(`${d},${t === 0 ? '' : cell(series.returns[t])}${bench ? `,${cell(bench[t])}` : ''}`));
  const assets = Object.keys(series.weights);
  const w = [['date', ...assets, 'cash'].map(csvCell).join(',')];
  series.dates.forEach((d, t) => w.push([d, ...assets.map((a) => cell(series.weights[a]![t])), cell(series.cash[t])].join(',')));
  return { returns: `${r.join('\n')}\n`, weights: `${w.join('\n')}\n` };
}

/** Numbers whose text forms differ: exponents, −0, subnormals, NaN and infinities (no value). */
const awkward = [0, -0, 1e-7, 1.5e-300, 5e-324, 123456789012345680000, 0.1 + 0.2, -2.5e21, Number.NaN, Infinity, -Infinity];

describe('the CSV files of the daily series, numbers formatted by JSON.stringify', () => {
  it('csvCells: String(x) for a finite number, empty for NaN, ±Infinity, null; nothing for no values', () => {
    expect(csvCells(awkward)).toEqual(['0', '0', '1e-7', '1.5e-300', '5e-324', '123456789012345680000', '0.30000000000000004', '-2.5e+21', '', '', '']);
    expect(csvCells([null, 1, undefined])).toEqual(['', '1', '']);
    expect(csvCells([])).toEqual([]);
  });

  it('the CSV files equal the cell-by-cell rendering (fixture, awkward values, odd asset names, no benchmark)', () => {
    const s = fixtureSeries();
    s.weights['CCC,"D"'] = awkward.slice(0, 5);
    s.weights['BBB'] = [Number.NaN, -0, 1e-7, Infinity, 2];
    s.weights['=SUM(A1)'] = [Number.NaN, 0.25, -0, 1e-9, -Infinity];
    s.weights['SHORT'] = [0.5, 0.5]; // shorter than the dates: empty cells after its end
    s.cash = [1, Number.NaN, 0, 5e-324, -0];
    for (const series of [s, { ...s, benchmarkReturns: null }]) {
      const expected = naiveCsv(series);
      expect(seriesCsv(series)).toEqual(expected);
    }
    // The fixture's returns.csv by hand: the start row has no return, the benchmark's null is empty.
    expect(seriesCsv(fixtureSeries()).returns.split('\n').slice(0, 3)).toEqual(['date,portfolio,benchmark', '2024-01-02,,', '2024-01-03,0.1,0.05']);
  });

  it('on random series (doubles of every kind, including NaN and infinities)', () => {
    const column = (n: number) => fc.array(fc.double(), { minLength: n, maxLength: n });
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }).chain((n) => fc.tuple(fc.constant(n), fc.array(column(n), { minLength: 1, maxLength: 4 }), column(n), column(n))),
        ([n, weights, returns, cash]) => {
          const s: ReportSeries = {
            ...fixtureSeries(),
            dates: Array.from({ length: n }, (_, t) => `2024-02-${String(t + 1).padStart(2, '0')}`),
            returns,
            benchmarkReturns: returns.map((x, t) => (t % 3 === 0 ? null : x)),
            cash,
            weights: Object.fromEntries(weights.map((w, k) => [`A${k}`, w])),
          };
          expect(seriesCsv(s)).toEqual(naiveCsv(s));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('columns formatted once for the CSV files and series.json', () => {
  /** A series of n rows whose columns hold every kind of value (NaN, −0, subnormals, null). */
  function longSeries(n: number): ReportSeries {
    const col = (k: number) => Array.from({ length: n }, (_, t) => (t % 97 === k ? Number.NaN : t % 89 === k ? -0 : (t % 7 === 0 ? 5e-324 : Math.sin(t * (k + 1)) / 3)));
    return {
      ...fixtureSeries(),
      dates: Array.from({ length: n }, (_, t) => `d${t}`),
      returns: col(1),
      benchmarkReturns: col(2).map((x, t) => (t % 5 === 0 ? null : x)),
      cash: col(3),
      weights: { A: col(4), B: col(5), C: col(6).slice(0, n - 3) },
    };
  }

  it('1,100 rows (blocks of 512 rows): the cell-by-cell files', () => {
    const s = longSeries(1100);
    expect(seriesCsv(s)).toEqual(naiveCsv(s));
  });

  it('series.json from the CSV files\' column texts is JSON.stringify of the series; each column formatted once', () => {
    const s = longSeries(700);
    const texts: ColumnTexts = new Map();
    const files = seriesCsvFiles(s, texts);
    for (const f of [files.returns, files.weights]) if (typeof f !== 'string') f(() => {});
    // returns, benchmark, 3 weights columns and cash: 6 texts, each JSON.stringify of its column.
    expect(texts.size).toBe(6);
    for (const [column, text] of texts) expect(text).toBe(JSON.stringify(column));
    const pieces: string[] = [];
    streamJson(s, (p) => pieces.push(p), 64, texts);
    expect(pieces.join('')).toBe(JSON.stringify(s));
    expect(pieces).toContain(texts.get(s.weights['A']!)); // written as made, not again
  });

  it('writeRunFolder: series.json is the JSON of the series plus a newline, the CSV files as seriesCsv', () => {
    const s = longSeries(600);
    const folder = writeRunFolder(tempDir(), 'x', fixtureReport(), s, { seriesJson: true });
    expect(readdirSync(folder).sort()).toEqual(['report.json', 'returns.csv', 'series.json', 'strategy.resolved.json', 'weights.csv']);
    expect(readFileSync(path.join(folder, 'series.json'), 'utf8')).toBe(`${JSON.stringify(s)}\n`);
    expect(readFileSync(path.join(folder, 'weights.csv'), 'utf8')).toBe(naiveCsv(s).weights);
    expect(readFileSync(path.join(folder, 'returns.csv'), 'utf8')).toBe(naiveCsv(s).returns);
  });
});
