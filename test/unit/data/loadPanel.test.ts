import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../../../src/core/errors.js';
import { parseIsoDate } from '../../../src/core/dates.js';
import { loadPanel } from '../../../src/data/loadPanel.js';

let root: string;
let dir: string;

beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), 'sleeves-load-'));
  dir = path.join(root, 'prices');
  mkdirSync(dir);
  // A trades Thu 2020-01-02 and Fri 01-03 only; B from 01-02, then Mon 01-06 and Tue 01-07.
  writeFileSync(path.join(dir, 'A.csv'), 'date,close\n2020-01-02,10\n2020-01-03,11\n');
  writeFileSync(path.join(dir, 'B.csv'), 'date,close\n2020-01-02,20\n2020-01-06,21\n2020-01-07,22\n');
  writeFileSync(path.join(dir, 'LATE.csv'), 'date,close\n2020-01-06,5\n2020-01-07,6\n');
  writeFileSync(path.join(dir, 'IDX_HSI.csv'), 'Date,Open,High,Low,Close,Adj Close,Volume\n2020-01-02,1,1,1,1,1,0\n');
  writeFileSync(path.join(dir, 'AAPL.csv'), 'date,close\n2020-01-02,1\n');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('loadPanel', () => {
  it('cuts rows to [from, to] after filling, so a fill may use a price before from', () => {
    const loaded = loadPanel(dir, { tickers: ['A', 'B'], from: parseIsoDate('2020-01-03') });
    // Union calendar 01-02, 01-03, 01-06, 01-07; keep the last three. A = 11, then NaN: A's file
    // ends 01-03 and nothing is carried past a file's last price. B = 20 (carried from 01-02,
    // before `from`), 21, 22.
    expect([...loaded.panel.values]).toEqual([11, NaN, NaN, 20, 21, 22]);
    expect(loaded.panel.assets).toEqual(['A', 'B']);
    // Counted on the kept rows only: B's 01-03 is a fill; A has none.
    expect(loaded.filled).toEqual({ A: 0, B: 1 });
    expect(loaded.synthetic).toBe(false);
    expect(loaded.directory).toBe(dir);
    expect(loaded.files.map((f) => [f.file, f.rows, f.start, f.end])).toEqual([
      ['A.csv', 2, '2020-01-02', '2020-01-03'],
      ['B.csv', 3, '2020-01-02', '2020-01-07'],
    ]);
    // sha256 of "date,close\n2020-01-02,10\n2020-01-03,11\n" (checked with `sha256sum`).
    expect(loaded.files[0]?.sha256).toBe('8265efd72a95560e7df18b2c833edfbb9f95ae25221f13e56f72970826551b26');
    // Early ends and late starts are warned about only for a requested bound (no --to here).
    expect(loaded.warnings).toEqual([]);
    const bounded = loadPanel(dir, { tickers: ['A', 'B'], to: parseIsoDate('2020-01-07') });
    expect(bounded.warnings).toEqual(['A ends 2020-01-03, before the period end 2020-01-07']);
  });

  it('respects the fill limit across the cut', () => {
    // B's 01-03 would be a one-row fill: with the limit 0 it is NaN.
    const loaded = loadPanel(dir, { tickers: ['A', 'B'], from: parseIsoDate('2020-01-03'), maxFillDays: 0 });
    expect([...loaded.panel.values]).toEqual([11, NaN, NaN, NaN, 21, 22]);
  });

  it('counts fills and dropped dates inside the kept period only', () => {
    const whole = loadPanel(dir, { tickers: ['A', 'B'] });
    expect(whole.filled).toEqual({ A: 0, B: 1 }); // B: 01-03; A is not carried past its last price (01-03)
    // Calendar B: A's 01-03 is off the calendar (dropped) unless the period starts after it.
    const onB = loadPanel(dir, { tickers: ['A', 'B'], calendar: 'B' });
    expect(onB.droppedDates).toEqual({ A: ['2020-01-03'], B: [] });
    expect(loadPanel(dir, { tickers: ['A', 'B'], calendar: 'B', from: parseIsoDate('2020-01-06') }).droppedDates).toEqual({ A: [], B: [] });
  });

  it('reports late starts and reads ^ tickers from IDX_ files', () => {
    const loaded = loadPanel(dir, { tickers: ['B', 'LATE', '^HSI'] });
    expect(loaded.lateStarts).toEqual([{ ticker: 'LATE', firstDate: '2020-01-06' }]);
    expect(loaded.files[2]?.format).toBe('yahoo');
  });

  it('reads the synthetic flag from manifest.json', () => {
    const syn = path.join(root, 'syn');
    mkdirSync(syn);
    writeFileSync(path.join(syn, 'A.csv'), 'date,close\n2020-01-02,10\n');
    writeFileSync(path.join(syn, 'manifest.json'), '{"synthetic": true}');
    const loaded = loadPanel(syn, { tickers: ['A'] });
    expect(loaded.synthetic).toBe(true);
    expect(loaded.warnings[0]).toMatch(/SYNTHETIC/);
  });

  it('fails with one line naming what was wrong', () => {
    const messageOf = (fn: () => unknown): string => {
      try {
        fn();
      } catch (e) {
        expect(e).toBeInstanceOf(UserError);
        return (e as Error).message;
      }
      throw new Error('no error');
    };
    expect(messageOf(() => loadPanel(path.join(root, 'nope'), { tickers: ['A'] }))).toMatch(/data folder ".*nope" does not exist/);
    expect(messageOf(() => loadPanel(dir, { tickers: ['AAPX'] }))).toBe(
      `no price file for ticker "AAPX" in ${dir} (expected ${path.join(dir, 'AAPX.csv')}); closest tickers there: AAPL`,
    );
    expect(messageOf(() => loadPanel(dir, { tickers: ['A'], from: parseIsoDate('2021-01-01') }))).toBe(
      `no prices between 2021-01-01 to … in ${dir}; the data span 2020-01-02 to 2020-01-03, expected --from/--to inside it`,
    );
    expect(messageOf(() => loadPanel(dir, { tickers: [] }))).toMatch(/no tickers requested/);
  });
});
