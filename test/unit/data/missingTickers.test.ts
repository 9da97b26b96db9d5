/**
 * Every missing ticker in one error: loadPanel checks all requested files before reading any,
 * and locateMissingTickers points each at the strategy line that names it.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../../../src/core/errors.js';
import { findMissingTickers, loadPanel, MissingTickerError } from '../../../src/data/loadPanel.js';
import { locateMissingTickers } from '../../../src/strategy/locateMissingTickers.js';

let root: string;
let dir: string;

beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), 'sleeves-missing-'));
  dir = path.join(root, 'prices');
  mkdirSync(dir);
  for (const t of ['A', 'B', 'AAPL', 'GC_F']) writeFileSync(path.join(dir, `${t}.csv`), 'date,close\n2020-01-02,10\n2020-01-03,11\n');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

function caught(fn: () => unknown): MissingTickerError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(MissingTickerError);
    expect(e).toBeInstanceOf(UserError);
    return e as MissingTickerError;
  }
  throw new Error('expected a MissingTickerError');
}

describe('missing tickers', () => {
  it('loadPanel names every missing ticker once, in the order requested, with the closest files', () => {
    const e = caught(() => loadPanel(dir, { tickers: ['A', 'AAPX', 'ZZZZZZ', 'B', 'AAPX', 'GC=G'] }));
    expect(e.tickers).toEqual(['AAPX', 'ZZZZZZ', 'GC=G']);
    expect(e.ticker).toBe('AAPX'); // the first, for callers that read one
    // The folder's tickers: A, AAPL, B, GC=F (GC_F.csv). Closest by Levenshtein within
    // max(2, ⌊length/2⌋) edits: AAPX→AAPL is 1 edit (A is 3, B 4, GC=F 4: too far);
    // GC=G→GC=F is 1 edit; ZZZZZZ is ≥ 4 edits from each (limit 3): no match.
    const lines = e.message.split('\n');
    expect(lines).toEqual([
      `3 tickers have no price file in ${dir}: AAPX, ZZZZZZ, GC=G`,
      `  AAPX (expected ${path.join(dir, 'AAPX.csv')}); closest tickers there: AAPL`,
      `  ZZZZZZ (expected ${path.join(dir, 'ZZZZZZ.csv')}); no close match; run "sleeves data list ${dir}"`,
      `  GC=G (expected ${path.join(dir, 'GC_G.csv')}); closest tickers there: GC=F`,
    ]);
  });

  it('one missing ticker keeps the one-line message', () => {
    const e = caught(() => loadPanel(dir, { tickers: ['A', 'AAPX'] }));
    expect(e.tickers).toEqual(['AAPX']);
    expect(e.message).toBe(`no price file for ticker "AAPX" in ${dir} (expected ${path.join(dir, 'AAPX.csv')}); closest tickers there: AAPL`);
  });

  it('findMissingTickers is empty when every file exists', () => {
    expect(findMissingTickers(dir, ['A', 'B', 'GC=F'])).toEqual([]);
  });

  it('locateMissingTickers prefixes each ticker the strategy writes with its file:line:col', () => {
    const text = [
      'version: 1',
      'name: s',
      'sleeves:',
      '  ai: { assets: [A, AAPX] }', //        line 4: AAPX at column 21 ("  ai: { assets: [A, " is 20 characters)
      '  gold: { assets: { ZZZZZZ: 1 } }', //  line 5: ZZZZZZ at column 21 ("  gold: { assets: { " is 20)
      'benchmark: B',
    ].join('\n');
    const e = caught(() => loadPanel(dir, { tickers: ['A', 'AAPX', 'ZZZZZZ', 'USDHKD', 'B'] }));
    const located = locateMissingTickers(e, { file: 's.yaml', text });
    expect(located).toBeInstanceOf(MissingTickerError);
    expect(located.tickers).toEqual(['AAPX', 'ZZZZZZ', 'USDHKD']);
    const lines = located.message.split('\n');
    expect(lines[0]).toBe(`s.yaml: 3 tickers have no price file in ${dir}: AAPX, ZZZZZZ, USDHKD`);
    expect(lines[1]).toMatch(/^ {2}s\.yaml:4:21: AAPX \(expected /);
    expect(lines[2]).toMatch(/^ {2}s\.yaml:5:21: ZZZZZZ \(expected /);
    // An FX file is not written in the strategy: left unlocated.
    expect(lines[3]).toMatch(/^ {2}USDHKD \(expected /);
    // A single located ticker keeps the old one-line form, place first.
    const one = locateMissingTickers(caught(() => loadPanel(dir, { tickers: ['AAPX'] })), { file: 's.yaml', text });
    expect(one.message).toMatch(/^s\.yaml:4:21: no price file for ticker "AAPX" in /);
  });
});
