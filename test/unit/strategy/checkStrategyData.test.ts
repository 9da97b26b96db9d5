/**
 * `strategies validate --data`: strategyTickers lists every file a strategy needs, and
 * checkStrategyData reports every missing, unreadable or too-short file at the strategy line
 * that names its ticker.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkStrategyData } from '../../../src/strategy/checkStrategyData.js';
import { parseStrategy } from '../../../src/strategy/loadStrategy.js';
import { strategyTickers } from '../../../src/strategy/strategyTickers.js';

let dir: string;
const prices = (dates: string[]) => `date,close\n${dates.map((d, i) => `${d},${10 + i}`).join('\n')}\n`;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'sleeves-checkdata-'));
  writeFileSync(path.join(dir, 'A.csv'), prices(['2020-01-02', '2020-06-30']));
  writeFileSync(path.join(dir, 'B.csv'), prices(['2020-01-11', '2020-06-29']));
  writeFileSync(path.join(dir, 'D.csv'), prices(['2020-01-12', '2020-07-10']));
  writeFileSync(path.join(dir, '0700.HK.csv'), prices(['2020-01-02', '2020-07-10']));
  writeFileSync(path.join(dir, 'SPY.csv'), prices(['2020-01-02', '2020-07-10']));
  writeFileSync(path.join(dir, 'C.csv'), 'date,close\n2020-01-02,abc\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const text = (extra: string) =>
  [
    'version: 1',
    'name: s',
    'sleeves:',
    '  us: { assets: [A, B, D, C] }', // line 4: "  us: { assets: [" is 17 characters: A at 18, B 21, D 24, C 27
    '  hk: { assets: [0700.HK] }', //    line 5: 0700.HK at 18
    extra, //                             line 6
    'benchmark: SPYY', //                 line 7: SPYY at 12
  ].join('\n');

describe('strategyTickers', () => {
  it('lists assets, benchmark and the FX files of base USD, each once', () => {
    const spec = parseStrategy(text('currency: { assets: { B: CNY } }'), 's.yaml');
    const t = strategyTickers(spec);
    expect(t.assets).toEqual(['A', 'B', 'D', 'C', '0700.HK']);
    expect(t.benchmark).toBe('SPYY');
    // 0700.HK is HKD by its suffix; B is CNY by currency.assets.
    expect(t.fx).toEqual([
      { ticker: 'USDCNY', converts: ['B'] },
      { ticker: 'USDHKD', converts: ['0700.HK'] },
    ]);
    expect(t.all).toEqual(['A', 'B', 'D', 'C', '0700.HK', 'SPYY', 'USDCNY', 'USDHKD']);
    expect(strategyTickers(parseStrategy(text('currency: { base: local }'), 's.yaml')).fx).toEqual([]);
  });
});

describe('checkStrategyData', () => {
  it('reports every missing file, unreadable file and uncovered period bound', () => {
    const src = text('period: { from: 2020-01-01, to: 2020-07-10 }');
    const errors = checkStrategyData(parseStrategy(src, 's.yaml'), { file: 's.yaml', text: src }, dir);
    // Grace of 10 days: first price ≤ 2020-01-11, last price ≥ 2020-06-30.
    // A (01-02..06-30), 0700.HK and SPY cover; B ends 06-29 < 06-30; D starts 01-12 > 01-11.
    expect(errors).toEqual([
      `s.yaml:7:12: no price file for ticker "SPYY" in ${dir} (expected ${path.join(dir, 'SPYY.csv')}); closest tickers there: SPY`,
      `s.yaml:5:18: no price file for ticker "USDHKD" in ${dir} (expected ${path.join(dir, 'USDHKD.csv')}); no close match; run "sleeves data list ${dir}"; it holds the FX rates (local currency per USD) that convert 0700.HK to USD: add it, or set currency.base: local`,
      `s.yaml:4:21: B has prices from 2020-01-11 to 2020-06-29 (${path.join(dir, 'B.csv')}), which does not cover period.to 2020-07-10`,
      `s.yaml:4:24: D has prices from 2020-01-12 to 2020-07-10 (${path.join(dir, 'D.csv')}), which does not cover period.from 2020-01-01`,
      expect.stringMatching(/^s\.yaml:4:27: the price file of C is invalid: C\.csv:2/),
    ]);
  });

  it('reports a reporting.factors ticker without a price file at its line', () => {
    const src = text('reporting: { factors: [SPY, QQQ] }'); // line 6: "reporting: { factors: [SPY, " is 28 characters: QQQ at 29
    const errors = checkStrategyData(parseStrategy(src, 's.yaml'), { file: 's.yaml', text: src }, dir);
    expect(errors).toContain(`s.yaml:6:29: no price file for ticker "QQQ" in ${dir} (expected ${path.join(dir, 'QQQ.csv')}); no close match; run "sleeves data list ${dir}" (a reporting.factors ticker)`);
    expect(errors.some((e) => e.includes('"SPY"'))).toBe(false);
  });

  it('checks no period when the strategy states none, and no FX file with base local', () => {
    const src = text('currency: { base: local }');
    const errors = checkStrategyData(parseStrategy(src, 's.yaml'), { file: 's.yaml', text: src }, dir);
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatch(/^s\.yaml:7:12: no price file for ticker "SPYY"/);
    expect(errors[1]).toMatch(/^s\.yaml:4:27: the price file of C is invalid/);
  });
});
