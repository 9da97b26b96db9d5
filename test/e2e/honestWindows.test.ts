/**
 * Honest windows on real prices (skipped without ../shared/data/real): the cases issue #11
 * reproduced, each with what the files say computed here from the CSVs themselves.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasRealData, realDataDir, tempDir } from '../helpers/cli.js';
import { sleevesInProcess } from '../helpers/inProcessCli.js';

/** First and last date of a real price file (its first column, after the header). */
function span(ticker: string): { first: string; last: string } {
  const rows = readFileSync(path.join(realDataDir, `${ticker}.csv`), 'utf8').trim().split('\n').slice(1);
  return { first: rows[0]!.slice(0, 10), last: rows.at(-1)!.slice(0, 10) };
}

describe.skipIf(!hasRealData)('honest windows (real data)', () => {
  const out = tempDir('sleeves-windows-');
  const base = ['--data', realDataDir, '--out', out, '--no-html', '--quiet'];

  it('refuses 1990–1995 for the seed barbell, naming every ticker without prices, exit 1', async () => {
    const r = await sleevesInProcess(['run', 'strategies/seed-barbell.yaml', ...base, '--from', '1990-01-01', '--to', '1995-12-31']);
    expect(r.code).toBe(1);
    const lines = r.stderr.trim().split('\n');
    // NVDA, GOOGL, TSM, XLU, XLP, TLT, GLD have no price before 1996; SPY (benchmark) starts 1993-01-29.
    expect(lines[0]).toMatch(/^sleeves: period 1990-01-02 to 1995-12-29: 8 of 12 tickers have no price over part of it/);
    for (const t of ['NVDA', 'GOOGL', 'TSM', 'XLU', 'XLP', 'TLT', 'GLD']) {
      expect(lines).toContain(`  ${t}: its file has prices from ${span(t).first} to ${span(t).last}, covers 0.0% of the period`);
    }
    expect(lines.some((l) => l.startsWith('  SPY (benchmark): prices from 1993-01-29 to 1995-12-29'))).toBe(true);
    expect(r.stdout).toBe('');
  });

  it('ends by default on the last date every asset and the benchmark has a real price', async () => {
    const r = await sleevesInProcess(['run', 'strategies/seed-barbell.yaml', ...base, '--json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    const tickers = ['NVDA', 'MSFT', 'GOOGL', 'TSM', 'XLU', 'XLP', 'TLT', 'GLD', 'LMT', 'RTX', 'NOC', 'SPY'];
    const end = tickers.map((t) => span(t).last).sort()[0];
    expect(report.period.end).toBe(end);
    expect(report.data.coverage.every((c: { coverage: number }) => c.coverage === 1)).toBe(true);
    // The benchmark's figures stand on every period (SPY is priced on each row of the period).
    expect(report.benchmark.periods).toBe(report.period.periods);
  });

  it('starts a weights-file run at its first row, not years earlier', async () => {
    const dir = tempDir('sleeves-windows-weights-');
    const file = path.join(dir, 'w.csv');
    writeFileSync(file, 'date,SPY,TLT\n2015-01-05,0.6,0.4\n2016-01-04,0.5,0.5\n');
    const r = await sleevesInProcess(['run', '--weights', file, ...base, '--to', '2016-12-30', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.period.start).toBe('2015-01-05');
    expect(report.rebalances[0].tradeDate).toBe('2015-01-05');
  });

  it('runs a late start with data.lateStart: cash and reports the coverage', async () => {
    const r = await sleevesInProcess(['run', 'strategies/seed-barbell.yaml', ...base, '--from', '2004-01-02', '--to', '2005-12-30', '--set', 'data.lateStart=cash', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout);
    const gld = report.data.coverage.find((c: { ticker: string }) => c.ticker === 'GLD');
    expect(gld.treatment).toBe('cash');
    expect(gld.firstPrice).toBe(span('GLD').first);
    // What cash does to the weights is checked by hand in test/unit/engine/periodWindow.test.ts.
    expect(report.warnings.some((w: string) => w.startsWith('GLD: prices from 2004-11-18'))).toBe(true);
  });
});
