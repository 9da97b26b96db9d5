import fc from 'fast-check';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { detectPriceFormat } from '../../../src/data/detectPriceFormat.js';
import { fastPriceRows } from '../../../src/data/fastPriceRows.js';
import { parsePriceTable, type PriceTable } from '../../../src/data/parsePriceTable.js';
import type { PriceProblem } from '../../../src/data/priceProblem.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const realDir = path.resolve(repoRoot, '../shared/data/real');

/** The table and the problems of one reader; a thrown UserError is kept as its message. */
function read(text: string, fast: boolean): { table: PriceTable | null; problems: string[]; thrown: string | null } {
  const problems: string[] = [];
  try {
    const table = parsePriceTable(text, 'X.csv', (p: PriceProblem) => problems.push(`${p.kind} ${p.message}`), 'price', fast);
    return { table, problems, thrown: null };
  } catch (error) {
    return { table: null, problems, thrown: (error as Error).message };
  }
}

/** Both readers give the same table (every array element, bit for bit) and the same problems. */
function expectSameAsGeneralReader(text: string): void {
  const fast = read(text, true);
  const general = read(text, false);
  expect(fast.thrown).toBe(general.thrown);
  expect(fast.problems).toEqual(general.problems);
  if (general.table === null) return;
  const a = fast.table!;
  const b = general.table;
  expect([a.format, a.priceColumn, a.adjEmpty, a.n, a.nullRows]).toEqual([b.format, b.priceColumn, b.adjEmpty, b.n, b.nullRows]);
  expect(a.fields).toEqual(b.fields);
  expect([...a.dates]).toEqual([...b.dates]);
  expect([...a.lines]).toEqual([...b.lines]);
  // Object.is per element: the same doubles, not merely close ones.
  expect([...a.prices].every((p, i) => Object.is(p, b.prices[i]))).toBe(true);
  expect(a.prices.length).toBe(b.prices.length);
}

const HEADER = 'date,open,high,low,close,adj_close,volume';

/** True when the file takes the fast path (so the comparison above is not the general reader with itself). */
function takesFastPath(text: string): boolean {
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const end = text.indexOf('\n', start);
  const header = detectPriceFormat(text.slice(start, end).replace(/\r$/, ''), 'X.csv');
  // An empty table is left to the general reader too (it reports "no data rows").
  return (fastPriceRows(text, end + 1, header.fields)?.n ?? 0) > 0;
}

describe('fastPriceRows (the clean-file path of parsePriceTable) equals the general reader', () => {
  it('on hand-made clean files: uniform, Yahoo, Stooq, plain, CRLF, BOM, blank lines, no final newline', () => {
    const files = [
      `${HEADER}\n2020-01-02,1,2,0.5,1.5,1.25,100\n2020-01-03,1.5,2,1,1.8,1.5,200\n`,
      'Date,Open,High,Low,Close,Adj Close,Volume\r\n2020-01-02,1,2,0.5,1.5,1.4,100\r\n2020-01-06,1,2,1,2,1.9,5\r\n',
      'Date,Open,High,Low,Close,Volume\n2020-01-02,1,2,0.5,1.5,100\n\n2020-01-03,1,2,0.5,1.75,100',
      '\ufeffdate,close\n2020-01-02,7\n2020-01-03,7.25\n',
      // close before date, adj_close absent: the price column is found by name, not position.
      'close,date\n3.5,2021-03-01\n3.75,2021-03-02\n',
    ];
    for (const text of files) {
      expect(takesFastPath(text)).toBe(true);
      expectSameAsGeneralReader(text);
    }
    // And the values are the ones written: 1.25 and 1.5 from adj_close on 2020-01-02 (day 18263) and the day after.
    const t = read(files[0]!, true).table!;
    expect([...t.dates]).toEqual([18263, 18264]);
    expect([...t.prices]).toEqual([1.25, 1.5]);
    expect([...t.lines]).toEqual([2, 3]);
  });

  it('on files with problems (each one left to the general reader, which reports it)', () => {
    const files = [
      `${HEADER}\n2020-01-02,1,2,0.5,1.5,null,100\n2020-01-03,1.5,2,1,1.8,1.5,200\n`, // Yahoo null row
      `${HEADER}\n2020-01-02,1,2,0.5,1.5,,100\n2020-01-03,1.5,2,1,1.8,,200\n`, // empty adj_close: close is used
      `${HEADER}\n2020-01-02,1,2,0.5,1.5,1.25,100\n2020-01-02,1.5,2,1,1.8,1.5,200\n`, // duplicate date
      `${HEADER}\n2020-01-03,1,2,0.5,1.5,1.25,100\n2020-01-02,1.5,2,1,1.8,1.5,200\n`, // unsorted
      `${HEADER}\n2020-01-02,1,2,0.5,1.5,1.25\n`, // a field short
      `${HEADER}\n2020-01-02,1,2,0.5,1.5,1.25,100,9\n`, // a field too many
      `${HEADER}\n02/01/2020,1,2,0.5,1.5,1.25,100\n`, // not ISO
      `${HEADER}\n"2020-01-02",1,2,0.5,1.5,1.25,100\n`, // a quoted date (accepted by the general reader)
      `${HEADER}\n2020-01-02,1,2,0.5,1.5,0,100\n`, // price 0
      `${HEADER}\n2020-01-02,1,2,0.5,1.5,-3,100\n`, // negative
      `${HEADER}\n2020-01-02,1,2,0.5,1.5,abc,100\n`, // not a number
      `${HEADER}\n2020-02-30,1,2,0.5,1.5,1.25,100\n`, // no such day
      `${HEADER}\n   \n2020-01-02,1,2,0.5,1.5,1.25,100\n`, // whitespace-only line
      `${HEADER}\n`, // no data rows
    ];
    for (const text of files) {
      expect(takesFastPath(text)).toBe(false);
      expectSameAsGeneralReader(text);
    }
  });

  it('on cells both readers read with the same call: Number() prices, a time after the date', () => {
    const files = [
      `${HEADER}\n2020-01-02T00:00:00,1,2,0.5,1.5,1.25,100\n`, // isoDayAt reads the date part
      `${HEADER}\n2020-01-02,1,2,0.5,1.5,1.5e2,100\n`, // exponent: 150
      `${HEADER}\n2020-01-02,1,2,0.5,1.5,0x10,100\n`, // hex: Number() gives 16 (price sanity warns about it)
      `${HEADER}\n2020-01-02,1,2,0.5,1.5, 1.25 ,100\n`, // spaces around the price: 1.25
      `${HEADER}\n2020-01-02,1,2,0.5,1.5,"1.25",100\n`, // a quoted price: 1.25
    ];
    for (const text of files) expectSameAsGeneralReader(text);
    expect(files.map((f) => read(f, true).table!.prices[0])).toEqual([1.25, 150, 16, 1.25, 1.25]);
  });

  it('on random files, clean and with random damage to one line', () => {
    const day = fc.integer({ min: 0, max: 3 });
    const price = fc.oneof(
      fc.double({ min: 0.0001, max: 1e6, noNaN: true }).map((x) => String(x)),
      fc.integer({ min: 1, max: 99999 }).map((k) => (k / 100).toFixed(2)),
      fc.constantFrom('null', '', '0', '-1.5', '1e3', '"2.5"', ' 3', 'x'),
    );
    const damage = fc.constantFrom('', ',', '\r', '"', ' ', 'T', '-');
    const file = fc.record({
      steps: fc.array(fc.tuple(day, price), { minLength: 0, maxLength: 40 }),
      hit: fc.nat(),
      cut: fc.nat(),
      insert: damage,
      crlf: fc.boolean(),
    });
    fc.assert(
      fc.property(file, ({ steps, hit, cut, insert, crlf }) => {
        let d = 18262;
        const rows = steps.map(([gap, p]) => {
          d += gap; // a gap of 0 repeats the date (a duplicate for the general reader to report)
          const iso = new Date(d * 86_400_000).toISOString().slice(0, 10);
          return `${iso},1,1,1,1,${p},10`;
        });
        if (rows.length > 0 && insert !== '') {
          const k = hit % rows.length;
          const r = rows[k]!;
          const at = cut % (r.length + 1);
          rows[k] = r.slice(0, at) + insert + r.slice(at);
        }
        const eol = crlf ? '\r\n' : '\n';
        expectSameAsGeneralReader(`${HEADER}${eol}${rows.join(eol)}${eol}`);
      }),
      { numRuns: 1500 },
    );
  });

  it('on every file of the real data folder', () => {
    if (!existsSync(realDir)) return; // the shared real prices are optional
    const files = readdirSync(realDir).filter((f) => f.endsWith('.csv'));
    expect(files.length).toBeGreaterThan(10);
    let fast = 0;
    for (const f of files) {
      const text = readFileSync(path.join(realDir, f), 'utf8');
      if (takesFastPath(text)) fast++;
      expectSameAsGeneralReader(text);
    }
    // Most real files are clean (the index files without adj_close, and any with a blank adj_close, are not).
    expect(fast).toBeGreaterThan(files.length / 2);
  });

  it('grows its row arrays past the first line’s estimate (short first line, long file)', () => {
    // The first data line is long (its estimate of the row count is low); the rest are short.
    const rows = ['2020-01-01,1,1,1,1,123456789.123456,1000000000'];
    for (let k = 1; k <= 500; k++) rows.push(`${new Date((18262 + k) * 86_400_000).toISOString().slice(0, 10)},1,1,1,1,${k},1`);
    const text = `${HEADER}\n${rows.join('\n')}\n`;
    expectSameAsGeneralReader(text);
    const t = read(text, true).table!;
    expect(t.n).toBe(501);
    expect(t.prices[500]).toBe(500);
  });
});
