/**
 * A backtest driven by a weights schedule file, zero costs, lag 0: its daily returns must equal
 * (1e-12) an independent computation written here — holdings bought at each scheduled close,
 * drifting in between, cash earning nothing.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasRealData, realDataDir, sleeves, tempDir } from '../helpers/cli.js';

function prices(ticker: string): Map<string, number> {
  const lines = readFileSync(path.join(realDataDir, `${ticker}.csv`), 'utf8').trim().split('\n');
  const col = lines[0]!.split(',').indexOf('adj_close');
  return new Map(lines.slice(1).map((l) => [l.split(',')[0]!, Number(l.split(',')[col])]));
}

describe.skipIf(!hasRealData)('run --weights', () => {
  it('matches an independent drifting-holdings computation to 1e-12', () => {
    const dir = tempDir();
    const file = path.join(dir, 'weights.csv');
    // Rebalance dates all trading days for SPY, TLT and GLD in 2023.
    const schedule: [string, number[]][] = [
      ['2023-01-03', [0.6, 0.4, 0]],
      ['2023-03-15', [0.2, 0.3, 0.5]],
      ['2023-07-03', [0.5, 0, 0.25]], // 25% cash
      ['2023-10-02', [0.34, 0.33, 0.33]],
    ];
    writeFileSync(file, `date,SPY,TLT,GLD\n${schedule.map(([d, w]) => `${d},${w.join(',')}`).join('\n')}\n`);
    const r = sleeves(['run', '--weights', file, '--data', realDataDir, '--from', '2023-01-03', '--to', '2023-12-29', '--out', dir, '--json', '--include-series']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.timing.lag).toBe(0);
    expect(report.rebalances.map((x: { tradeDate: string }) => x.tradeDate)).toEqual(schedule.map(([d]) => d));

    const tickers = ['SPY', 'TLT', 'GLD'];
    const p = tickers.map(prices);
    const dates: string[] = report.series.dates;
    let units = [0, 0, 0];
    let cash = 1;
    let prev = 1;
    const byDate = new Map(schedule);
    for (let k = 0; k < dates.length; k++) {
      const d = dates[k]!;
      const value = cash + units.reduce((v, u, i) => v + u * p[i]!.get(d)!, 0);
      const target = byDate.get(d);
      if (target) {
        units = target.map((w, i) => (w * value) / p[i]!.get(d)!);
        cash = value - target.reduce((a, b) => a + b, 0) * value;
      }
      if (k > 0) expect(Math.abs(report.series.returns[k] - (value / prev - 1))).toBeLessThan(1e-12);
      prev = value;
    }
    expect(Math.abs(report.metrics.totalReturn - (prev - 1))).toBeLessThan(1e-12);
  });

  it('moves a non-trading date to the next trading day and says so', () => {
    const dir = tempDir();
    const file = path.join(dir, 'w.csv');
    writeFileSync(file, 'date,SPY\n2023-01-03,1\n2023-07-04,0.5\n'); // 4 July: US market holiday
    const r = sleeves(['run', '--weights', file, '--data', realDataDir, '--from', '2023-01-03', '--to', '2023-12-29', '--out', dir, '--json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.rebalances[1].tradeDate).toBe('2023-07-05');
    expect(report.warnings.join('\n')).toMatch(/moved to the next trading day/);
  });

  it('rejects a row summing above 1 with file and line', () => {
    const dir = tempDir();
    const file = path.join(dir, 'w.csv');
    writeFileSync(file, 'date,SPY,TLT\n2023-01-03,0.5,0.5\n2023-02-01,0.7,0.4\n');
    const r = sleeves(['run', '--weights', file, '--data', realDataDir, '--out', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/w\.csv:3: weights sum to 1\.1\d*, more than 1/);
  });
});
