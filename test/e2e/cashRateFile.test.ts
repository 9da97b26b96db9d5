/**
 * cash.rateFile end to end on the synthetic sample: `run`, `sweep` (worker threads) and
 * `robust` all read the rate file and agree on the Sharpe ratio in excess of it; the report
 * states both the cash and the risk-free rate. The Sharpe is checked against an independent
 * computation from the run's daily returns and the rates written here.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sleeves, tempDir } from '../helpers/cli.js';

const STRATEGY = `version: 1
name: rate-file
sleeves:
  ai: { assets: [NVDA, MSFT] }
  defensive: { assets: [TLT] }
allocation:
  across: { method: equal }
  acrossConstraints: { cashFloor: 0.2 }   # 20% cash
cash: { rateFile: rates.csv }
reporting: { riskFree: cash }
period: { from: '2020-01-02', to: '2021-12-31' }
rebalance: { schedule: monthly, lag: 1 }
`;

describe('cash.rateFile', () => {
  it('run, sweep and robust earn the file’s rates and measure Sharpe in excess of them', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'rates.csv'), 'date,rate\n2019-12-31,0.02\n2021-01-04,0.05\n');
    const file = path.join(dir, 'strategy.yaml');
    writeFileSync(file, STRATEGY);
    const run = sleeves(['run', file, '--data', 'data/sample', '--out', dir, '--json', '--no-html', '--include-series']);
    expect(run.stderr).toBe('');
    const report = JSON.parse(run.stdout) as {
      metrics: Record<string, number>;
      convention: { cash: string; riskFree: string };
      series: { dates: string[]; returns: (number | null)[]; cash: number[] };
    };
    expect(report.convention.cash).toMatch(/^the annual rates of .*rates\.csv, each accrued per period as \(1 \+ rate\)\^\(1\/252\) − 1 from its date$/);
    expect(report.convention.riskFree).toMatch(/^cash, the annual rates of/);
    // Independent: c_t = (1 + rate in force at the previous close)^(1/252) − 1; x = r − c; Sharpe = mean(x)/sd(x)·√252.
    const { dates, returns } = report.series;
    const x: number[] = [];
    for (let t = 1; t < dates.length; t++) {
      const rate = dates[t - 1]! >= '2021-01-04' ? 0.05 : 0.02;
      x.push(returns[t]! - (Math.pow(1 + rate, 1 / 252) - 1));
    }
    const mean = x.reduce((a, b) => a + b, 0) / x.length;
    const sd = Math.sqrt(x.reduce((a, b) => a + (b - mean) ** 2, 0) / (x.length - 1));
    expect(report.metrics['sharpe']).toBeCloseTo((mean / sd) * Math.sqrt(252), 10);

    const sweep = sleeves(['sweep', file, '--grid', 'costs.bps=0,5', '--workers', '2', '--data', 'data/sample', '--out', dir, '--json', '--quiet']);
    expect(sweep.stderr).toBe('');
    const top = (JSON.parse(sweep.stdout) as { top: { params: Record<string, number>; values: Record<string, number> }[] }).top;
    expect(top.find((v) => v.params['costs.bps'] === 0)!.values['sharpe']).toBeCloseTo(report.metrics['sharpe']!, 12);

    const robust = sleeves(['robust', file, '--paths', '2', '--workers', '1', '--data', 'data/sample', '--out', dir, '--json', '--quiet']);
    expect(robust.stderr).toBe('');
    expect((JSON.parse(robust.stdout) as { full: { sharpe: number } }).full.sharpe).toBeCloseTo(report.metrics['sharpe']!, 12);
  });
});
