import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../../src/core/errors.js';
import { readPriceCsv } from '../../../src/data/readPriceCsv.js';
import { fileNameToTicker, tickerToFileName } from '../../../src/data/tickerToFileName.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const realDir = path.resolve(repoRoot, '../shared/data/real');

// 2020-01-02 is day 18263: 50 years of 365 days (18250) + 12 leap days (1972..2016) + 1.
const D_2020_01_02 = 18263;

function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(UserError);
    return (error as Error).message;
  }
  throw new Error('expected a UserError');
}

describe('readPriceCsv formats', () => {
  it('reads the uniform format and prefers adj_close', () => {
    const s = readPriceCsv(
      'date,open,high,low,close,adj_close,volume\n2020-01-02,1,2,0.5,1.5,1.25,100\n2020-01-03,1.5,2,1,1.8,1.5,200\n',
      'X.csv',
      'X',
    );
    expect(s.info.format).toBe('uniform');
    expect(s.info.priceColumn).toBe('adj_close');
    expect([...s.dates]).toEqual([D_2020_01_02, D_2020_01_02 + 1]);
    expect([...s.prices]).toEqual([1.25, 1.5]);
    expect(s.info.start).toBe('2020-01-02');
    expect(s.info.end).toBe('2020-01-03');
    expect(s.info.rows).toBe(2);
    expect(s.warnings).toEqual([]);
  });

  it('reads Yahoo downloads, skipping null rows with a warning', () => {
    const s = readPriceCsv(
      'Date,Open,High,Low,Close,Adj Close,Volume\n2020-01-02,1,2,0.5,1.5,1.4,100\n2020-01-03,null,null,null,null,null,null\n2020-01-06,1,2,1,2,1.9,5\n',
      'dir/Y.csv',
      'Y',
    );
    expect(s.info.format).toBe('yahoo');
    expect(s.info.file).toBe('Y.csv');
    expect([...s.prices]).toEqual([1.4, 1.9]);
    expect(s.warnings).toEqual(['dir/Y.csv: skipped 1 row with null prices']);
  });

  it('reads Stooq and plain files from close', () => {
    const stooq = readPriceCsv('Date,Open,High,Low,Close,Volume\n2020-01-02,1,2,0.5,1.5,100\n', 'S.csv', 'S');
    expect(stooq.info.format).toBe('stooq');
    expect(stooq.info.priceColumn).toBe('close');
    expect([...stooq.prices]).toEqual([1.5]);
    const plain = readPriceCsv('DATE,Close\n2020-01-02,7\n', 'P.csv', 'P');
    expect(plain.info.format).toBe('plain');
    expect([...plain.prices]).toEqual([7]);
  });

  it('falls back to close when adj_close is empty, and says so', () => {
    const s = readPriceCsv('date,open,high,low,close,adj_close,volume\n2020-01-02,,,,4.5,,\n2020-01-03,,,,4.6,,\n', 'G.csv', 'G');
    expect(s.info.priceColumn).toBe('close');
    expect([...s.prices]).toEqual([4.5, 4.6]);
    expect(s.warnings[0]).toMatch(/adj_close column is empty, so close is used/);
  });

  it('tolerates a BOM, CRLF, blank lines and a time part in the date', () => {
    const s = readPriceCsv('\uFEFFdate,close\r\n2020-01-02 00:00:00-05:00,3\r\n\r\n2020-01-03,4\r\n', 'B.csv', 'B');
    expect([...s.prices]).toEqual([3, 4]);
    expect(s.dates[0]).toBe(D_2020_01_02);
  });
});

describe('readPriceCsv errors name file and line', () => {
  const cases: [string, string, RegExp][] = [
    ['unknown header', 'when,price\n2020-01-02,1\n', /^E\.csv:1: unknown column "when".*expected date,open,high,low,close,adj_close,volume/],
    ['semicolons', 'date;close\n2020-01-02;1\n', /^E\.csv:1: columns are separated by semicolons, expected commas/],
    ['wrong field count', 'date,close\n2020-01-02,1\n2020-01-03\n', /^E\.csv:3: 1 field, expected 2 \(date,close\)$/],
    ['bad date', 'date,close\n02/01/2020,1\n', /^E\.csv:2: unparseable date "02\/01\/2020" \(day-first .*\), expected YYYY-MM-DD$/],
    ['non-numeric', 'date,close\n2020-01-02,abc\n', /^E\.csv:2: close is "abc", expected a number$/],
    ['zero price', 'date,close\n2020-01-02,1\n2020-01-03,0\n', /^E\.csv:3: close is 0, expected a price > 0$/],
    ['negative price', 'date,close\n2020-01-02,-1\n', /^E\.csv:2: close is -1, expected a price > 0$/],
    ['duplicate', 'date,close\n2020-01-02,1\n2020-01-02,1\n', /^E\.csv:3: duplicate date 2020-01-02 \(also on line 2\)/],
    ['unsorted', 'date,close\n2020-01-03,1\n2020-01-06,1\n2020-01-02,1\n', /^E\.csv:4: date 2020-01-02 comes after 2020-01-06 \(line 3\), expected dates in ascending order$/],
    ['newest first', 'date,close\n2020-01-03,1\n2020-01-02,1\n', /newest-first/],
    ['header only', 'date,close\n', /^E\.csv: no data rows, expected at least one row/],
    ['empty file', '', /^E\.csv:1: empty file/],
    ['empty close', 'date,close\n2020-01-02,\n', /^E\.csv:2: empty close, expected a price$/],
    ['partly empty adj', 'date,close,adj_close\n2020-01-02,1,1\n2020-01-03,1,\n', /^E\.csv:3: empty adj_close/],
  ];
  for (const [name, text, pattern] of cases) {
    it(name, () => expect(errorOf(() => readPriceCsv(text, 'E.csv', 'E'))).toMatch(pattern));
  }

  it('finds one bad cell at row 9,999 of a 10,000-row file', () => {
    const rows = ['date,close'];
    for (let i = 0; i < 10_000; i++) rows.push(`${isoOf(D_2020_01_02 - 10_000 + i)},${i === 9_998 ? 'x1' : 100 + i}`);
    // Row 9,999 is index 9,998 and sits on line 10,000 (the header is line 1).
    expect(errorOf(() => readPriceCsv(rows.join('\n'), 'big.csv', 'B'))).toBe('big.csv:10000: close is "x1", expected a number');
  });
});

describe('tickerToFileName', () => {
  it('maps ^ and = both ways', () => {
    expect(tickerToFileName('^HSI')).toBe('IDX_HSI.csv');
    expect(tickerToFileName('GC=F')).toBe('GC_F.csv');
    expect(tickerToFileName('0700.HK')).toBe('0700.HK.csv');
    expect(fileNameToTicker('IDX_GSPC.csv')).toBe('^GSPC');
    expect(fileNameToTicker('GC_F.csv')).toBe('GC=F');
    expect(fileNameToTicker('600760.SS')).toBe('600760.SS');
  });
});

describe.skipIf(!existsSync(realDir))('readPriceCsv on the real files', () => {
  it('reads every file, and the index files without adj_close fall back to close', () => {
    const files = readdirSync(realDir).filter((f) => f.endsWith('.csv'));
    expect(files.length).toBeGreaterThan(40);
    for (const f of files) {
      const s = readPriceCsv(readFileSync(path.join(realDir, f), 'utf8'), f, fileNameToTicker(f));
      const expected = f === '000300.SS.csv' || f === '518880.SS.csv' ? 'close' : 'adj_close';
      expect(s.info.priceColumn, f).toBe(expected);
      expect(s.info.format, f).toBe('uniform');
    }
  });

  it('matches SOURCES.md rows and span for GC=F and 000300.SS', () => {
    const gc = readPriceCsv(readFileSync(path.join(realDir, 'GC_F.csv'), 'utf8'), 'GC_F.csv', 'GC=F');
    expect([gc.info.rows, gc.info.start, gc.info.end]).toEqual([6395, '2000-08-30', '2026-02-23']);
    const csi = readPriceCsv(readFileSync(path.join(realDir, '000300.SS.csv'), 'utf8'), '000300.SS.csv', '000300.SS');
    expect([csi.info.rows, csi.info.start, csi.info.end]).toEqual([2409, '2005-01-04', '2014-12-05']);
    expect(csi.prices[0]).toBe(982.79); // first close in the file
  });
});

function isoOf(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}
