import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { validatePriceFile, validatePriceText } from '../../../src/data/validatePriceFile.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const realDir = path.resolve(repoRoot, '../shared/data/real');

const csv = (rows: string[]): string => `date,open,high,low,close,adj_close,volume\n${rows.join('\n')}\n`;

describe('validatePriceText', () => {
  it('collects every row problem instead of stopping at the first', () => {
    const v = validatePriceText(
      'date,close\n2020-01-02,1\n2020-01-03,x\n2020-01-03,2\n2020-01-03,2\n2020-01-01,2\n2020-01-06,0\n2020-01-07\n',
      'V.csv',
    );
    // Line 3 is dropped (x), so line 4 is the first 2020-01-03 and line 5 its duplicate.
    expect(v.findings.map((f) => [f.kind, f.line, f.severity])).toEqual([
      ['nonNumeric', 3, 'error'],
      ['duplicate', 5, 'error'],
      ['unsorted', 6, 'error'],
      ['nonPositive', 7, 'error'],
      ['fieldCount', 8, 'error'],
    ]);
    // Kept rows: line 2 (2020-01-02, 1) and line 4 (2020-01-03, 2).
    expect([v.rows, v.start, v.end, v.errors, v.warnings]).toEqual([2, '2020-01-02', '2020-01-03', 5, 0]);
  });

  it('reports a header problem as one error', () => {
    const v = validatePriceText('a;b\n1;2\n', 'H.csv');
    expect(v.findings).toHaveLength(1);
    expect(v.findings[0]).toMatchObject({ kind: 'header', line: 1, severity: 'error' });
    expect(v.format).toBeNull();
  });

  it('flags a gap longer than 10 calendar days, and not one of exactly 10', () => {
    // 2020-01-02 → 2020-01-12 is 10 days (fine); 2020-01-12 → 2020-01-23 is 11 days (flagged).
    const v = validatePriceText('date,close\n2020-01-02,1\n2020-01-12,2\n2020-01-23,3\n', 'G.csv');
    expect(v.findings.map((f) => [f.kind, f.line, f.severity])).toEqual([['gap', 4, 'warning']]);
    expect(v.findings[0]?.message).toBe('G.csv:4: gap of 11 days from 2020-01-12 to 2020-01-23, expected at most 10');
  });

  it('flags runs of 5 identical closes but not 4', () => {
    const rows = (k: number, start: number): string[] => Array.from({ length: k }, (_, i) => `2020-02-${String(start + i).padStart(2, '0')},7`);
    const four = validatePriceText(`date,close\n2020-01-31,6\n${rows(4, 3).join('\n')}\n2020-02-10,8\n`, 'F.csv');
    expect(four.counts.flatRun).toBeUndefined();
    const five = validatePriceText(`date,close\n2020-01-31,6\n${rows(5, 3).join('\n')}\n2020-02-10,8\n`, 'F.csv');
    expect(five.findings.map((f) => [f.kind, f.line])).toEqual([['flatRun', 3]]);
    expect(five.findings[0]?.message).toMatch(/5 identical closes \(7\) from 2020-02-03 to 2020-02-07/);
  });

  it('tells an unadjusted split (no reversal) from a bad tick (reverses)', () => {
    // 100 → 49 (−51%) and it stays near 50: about a 2:1 split. Later 52 → 120 (+130.8%) and back
    // to 52.5 the next day: a bad tick; its return leg (−56%) is not reported again.
    const prices = [100, 49, 49.5, 50, 50.5, 51, 51.5, 52, 120, 52.5];
    const days = ['02', '03', '06', '07', '08', '09', '10', '13', '14', '15'];
    const v = validatePriceText(`date,close\n${prices.map((p, i) => `2020-01-${days[i]},${p}`).join('\n')}\n`, 'J.csv');
    expect(v.findings.map((f) => [f.kind, f.line])).toEqual([
      ['jump', 3],
      ['jump', 10],
    ]);
    expect(v.findings[0]?.message).toMatch(/move of -51\.0% on 2020-01-03 does not reverse: likely an unadjusted split of about 2:1/);
    expect(v.findings[1]?.message).toMatch(/move of \+130\.8% on 2020-01-14 reverses on 2020-01-15 \(a bad tick\?\)/);
    // −50% exactly is allowed (the bound is inclusive).
    expect(validatePriceText('date,close\n2020-01-02,100\n2020-01-03,50\n', 'J.csv').findings).toEqual([]);
  });

  it('flags OHLC inconsistencies beyond the float32 tolerance', () => {
    const v = validatePriceText(
      csv([
        '2020-01-02,10,11,9,10.5,10.5,1', // fine
        '2020-01-03,10,9.9,9,9.5,9.5,1', // high 9.9 < open 10
        '2020-01-06,10,11,10.2,10.5,10.5,1', // low 10.2 > open 10
        '2020-01-07,10.000001,10,9,9.5,9.5,1', // high below open by 1e-6: under 1e-4·close, ignored
        '2020-01-08,,,,9.5,9.5,', // close only: not checked
      ]),
      'O.csv',
    );
    expect(v.findings.map((f) => [f.kind, f.line])).toEqual([
      ['ohlc', 3],
      ['ohlc', 4],
    ]);
    expect(v.priceColumn).toBe('adj_close');
  });

  it('applies a severity map, including "off"', () => {
    const text = 'date,close\n2020-01-02,1\n2020-02-02,1\n';
    expect(validatePriceText(text, 'S.csv', { severity: { gap: 'error' } }).errors).toBe(1);
    expect(validatePriceText(text, 'S.csv', { severity: { gap: 'off' } }).findings).toEqual([]);
    expect(validatePriceText(text, 'S.csv', { maxGapDays: 31 }).findings).toEqual([]);
  });
});

describe.skipIf(!existsSync(realDir))('validatePriceFile on ../shared/data/real flags what SOURCES.md describes', () => {
  // From the quality-notes column of SOURCES.md: "N runs of 5 or more identical closes",
  // "442 rows have high/low inconsistent", "278 rows have inconsistent OHLC", "3 rows have slightly
  // inconsistent OHLC", the gaps it lists, and "Gaps over 10 days are only Chinese holidays".
  // USDHKD: SOURCES.md is silent on its OHLC; 4 rows are inconsistent by more than 1e-4 of the close
  // (2018-11-05, 2018-11-13, 2019-02-14, 2023-07-07), which we assert as found.
  const expected: Record<string, Record<string, number>> = {
    'GC_F.csv': { ohlc: 442 },
    'USDCNY.csv': { gap: 1, ohlc: 278, flatRun: 31 }, // flat runs: the pre-2005 CNY peg
    'USDHKD.csv': { gap: 2, ohlc: 4 },
    '0700.HK.csv': { ohlc: 3, flatRun: 1 },
    'IDX_GSPC.csv': { gap: 1 }, // the 1933 bank holiday
    '600760.SS.csv': { flatRun: 6, gap: 3 },
    '000768.SZ.csv': { flatRun: 2, gap: 3 },
    '002230.SZ.csv': { flatRun: 5, gap: 3 },
    '000300.SS.csv': { gap: 2 },
    '510300.SS.csv': { gap: 3 },
    '512660.SS.csv': { gap: 3 },
    '518880.SS.csv': { gap: 1 },
    '688256.SS.csv': { gap: 2 },
    '688981.SS.csv': { gap: 2 },
    'AMD.csv': { flatRun: 1 },
    'SHY.csv': { flatRun: 3 },
    'PG.csv': { flatRun: 1 },
    'KO.csv': { flatRun: 1 },
    'LMT.csv': { flatRun: 3 },
    'RTX.csv': { flatRun: 1 },
    'NOC.csv': { flatRun: 1 },
    'GD.csv': { flatRun: 1 },
    'LHX.csv': { flatRun: 1 },
    'XAR.csv': { flatRun: 2 },
  };

  it('finds exactly the documented problems in every file, and no errors', () => {
    const files = readdirSync(realDir).filter((f) => f.endsWith('.csv')).sort();
    for (const f of files) {
      const v = validatePriceFile(path.join(realDir, f));
      expect(v.counts, f).toEqual(expected[f] ?? {});
      expect(v.errors, f).toBe(0);
    }
  });

  it('names the USDCNY 2003 gap and puts China gaps only on Lunar New Year or National Day', () => {
    const cny = validatePriceFile(path.join(realDir, 'USDCNY.csv'));
    expect(cny.findings.find((f) => f.kind === 'gap')?.message).toMatch(/gap of 216 days from 2003-04-29 to 2003-12-01/);
    for (const f of ['600760.SS.csv', '000300.SS.csv', '688256.SS.csv']) {
      for (const g of validatePriceFile(path.join(realDir, f)).findings.filter((x) => x.kind === 'gap')) {
        const to = /to (\d{4})-(\d{2})/.exec(g.message);
        expect(['01', '02', '10'], g.message).toContain(to?.[2]);
      }
    }
  });
});
