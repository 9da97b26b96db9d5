import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { UserError } from '../../../src/core/errors.js';
import { formatIsoDate } from '../../../src/core/dates.js';
import { readPriceFile } from '../../../src/data/readPriceFile.js';
import { validatePriceFile } from '../../../src/data/validatePriceFile.js';

// The corpus of broken files (test/fixtures/broken) and what sleeves does with each; the same
// table is in docs/data.md. "error" rows are UserErrors naming file and line; "accepted" rows load.
const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/broken');

type Outcome = { error: string } | { rows: number; prices: number[]; warnings: string[] };

const EXPECTED: Record<string, Outcome> = {
  'truncated-row.csv': { error: 'truncated-row.csv:4: 3 fields, expected 7 (date,open,high,low,close,adj_close,volume)' },
  'semicolons.csv': {
    error:
      'semicolons.csv:1: columns are separated by semicolons, expected commas (date,open,high,low,close,adj_close,volume (uniform), ' +
      'Date,Open,High,Low,Close,Adj Close,Volume (Yahoo), Date,Open,High,Low,Close,Volume (Stooq) or date,close (plain))',
  },
  'header-only.csv': { error: 'header-only.csv: no data rows, expected at least one row of date and price after the header' },
  'dates-ddmmyyyy.csv': { error: 'dates-ddmmyyyy.csv:2: unparseable date "02/01/2020" (day-first or month-first dates are ambiguous), expected YYYY-MM-DD' },
  'duplicate-dates.csv': { error: 'duplicate-dates.csv:4: duplicate date 2020-01-03 (also on line 3), expected each date once' },
  'zero-price.csv': { error: 'zero-price.csv:3: close is 0, expected a price > 0' },
  'newest-first.csv': {
    error: 'newest-first.csv:3: date 2020-01-03 comes after 2020-01-06 (line 2), expected dates in ascending order (the file looks newest-first: reverse it)',
  },
  'extra-column.csv': { error: expect.stringMatching(/^extra-column\.csv:1: unknown column "dividends" in header "date,close,dividends", expected date,open/) as unknown as string },
  'bom.csv': { rows: 2, prices: [10, 11], warnings: [] },
  'crlf.csv': { rows: 2, prices: [10.5, 11.5], warnings: [] },
  'yahoo-null-row.csv': { rows: 2, prices: [10.4, 11.4], warnings: ['yahoo-null-row.csv: skipped 1 row with null prices'] },
  'empty-adj-close.csv': {
    rows: 2,
    prices: [4.5, 4.6],
    warnings: ['empty-adj-close.csv: the adj_close column is empty, so close is used (not adjusted for dividends or splits)'],
  },
};

function outcome(file: string): Outcome {
  try {
    const s = readPriceFile(path.join(dir, file), 'X');
    return { rows: s.info.rows, prices: [...s.prices], warnings: s.warnings };
  } catch (error) {
    expect(error).toBeInstanceOf(UserError);
    return { error: (error as Error).message };
  }
}

describe('the broken-file corpus', () => {
  for (const [file, expected] of Object.entries(EXPECTED)) {
    it(file, () => expect(outcome(file)).toEqual(expected));
  }

  it('validate reports the same problem as an error on the same line', () => {
    const v = validatePriceFile(path.join(dir, 'duplicate-dates.csv'));
    expect(v.findings.map((f) => [f.kind, f.line, f.severity])).toEqual([['duplicate', 4, 'error']]);
    const z = validatePriceFile(path.join(dir, 'zero-price.csv'));
    expect(z.findings.map((f) => [f.kind, f.line])).toEqual([['nonPositive', 3]]);
    expect(validatePriceFile(path.join(dir, 'semicolons.csv')).findings.map((f) => f.kind)).toEqual(['header']);
    expect(validatePriceFile(path.join(dir, 'header-only.csv')).findings.map((f) => f.kind)).toEqual(['noData']);
  });

  describe('a 10,000-row file with one bad cell at row 9,999 (generated here, not committed)', () => {
    const tmp = mkdtempSync(path.join(tmpdir(), 'sleeves-broken-'));
    afterAll(() => rmSync(tmp, { recursive: true, force: true }));
    const rows = ['Date,Open,High,Low,Close,Adj Close,Volume'];
    for (let i = 0; i < 10_000; i++) {
      const p = (100 + i / 100).toFixed(2);
      // Data row 9,999 (index 9,998) has "1O2.5" (a letter O) in Adj Close; it is file line 10,000.
      rows.push(`${formatIsoDate(10_000 + i)},${p},${p},${p},${p},${i === 9_998 ? '1O2.5' : p},1000`);
    }
    const file = path.join(tmp, 'BIG.csv');
    writeFileSync(file, `${rows.join('\n')}\n`);

    it('names line 10,000 and the column', () => {
      expect(outcome(path.relative(dir, file))).toEqual({ error: 'BIG.csv:10000: adj_close is "1O2.5", expected a number' });
    });

    it('validate finds that one cell and nothing else', () => {
      const v = validatePriceFile(file);
      expect(v.findings.map((f) => [f.kind, f.line])).toEqual([['nonNumeric', 10_000]]);
      expect(v.rows).toBe(9_999);
    });
  });
});
