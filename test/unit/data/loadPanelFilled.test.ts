/**
 * loadPanel's fill counts: when every aligned row is kept, the count is the aligner's own
 * (alignToCalendar's `filled`); when rows are cut, it is recounted on the kept rows. Both must
 * equal the definition, checked here by a naive count on the loaded panel: the rows of an
 * asset that hold a price although its file has no row dated that day.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatIsoDate, parseIsoDate } from '../../../src/core/dates.js';
import { loadPanel } from '../../../src/data/loadPanel.js';

let dir: string;
const own: Record<string, Set<number>> = {};

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'sleeves-filled-'));
  // Four series on weekdays of 2020 with their own gaps (one of 9 days, longer than the fill
  // limit), an early end and a late start, so that fills, unfilled gaps and dropped dates occur.
  const start = parseIsoDate('2020-01-01');
  const skip: Record<string, (k: number) => boolean> = {
    A: (k) => k % 7 === 3,
    B: (k) => k >= 20 && k < 29,
    C: (k) => k < 15 || k % 11 === 0,
    D: (k) => k > 90 || k % 5 === 1,
  };
  for (const [ticker, skipped] of Object.entries(skip)) {
    const lines = ['date,close'];
    own[ticker] = new Set();
    let k = 0;
    for (let d = start; d < start + 150; d++) {
      if ((d + 4) % 7 === 5 || (d + 4) % 7 === 6) continue; // Saturday, Sunday
      if (!skipped(k++)) {
        lines.push(`${formatIsoDate(d)},${100 + k}`);
        own[ticker].add(d);
      }
    }
    writeFileSync(path.join(dir, `${ticker}.csv`), `${lines.join('\n')}\n`);
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function naiveFilled(loaded: ReturnType<typeof loadPanel>): Record<string, number> {
  const { dates, assets, values } = loaded.panel;
  const n = dates.length;
  const out: Record<string, number> = {};
  assets.forEach((ticker, a) => {
    let count = 0;
    for (let t = 0; t < n; t++) if (!Number.isNaN(values[a * n + t]!) && !own[ticker]!.has(dates[t]!)) count++;
    out[ticker] = count;
  });
  return out;
}

describe('loadPanel fill counts', () => {
  const tickers = ['A', 'B', 'C', 'D'];
  for (const calendar of ['union', 'intersection', 'A', 'C']) {
    for (const maxFillDays of [0, 2, 5]) {
      it(`calendar ${calendar}, fill limit ${maxFillDays}: whole panel and a cut panel`, () => {
        const whole = loadPanel(dir, { tickers, calendar, maxFillDays });
        expect(whole.filled).toEqual(naiveFilled(whole));
        expect(Object.values(whole.filled).some((c) => c > 0) || maxFillDays === 0 || calendar === 'intersection').toBe(true);
        const cut = loadPanel(dir, { tickers, calendar, maxFillDays, from: parseIsoDate('2020-02-03'), to: parseIsoDate('2020-04-30') });
        expect(cut.filled).toEqual(naiveFilled(cut));
      });
    }
  }
});
