/**
 * The seed barbell on real prices, checked by hand for a short window: an independent
 * computation in this file (read the CSVs, buy the targets at the close after the decision,
 * let them drift) must give the engine's daily returns and total return.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasRealData, realDataDir, sleeves, tempDir } from '../helpers/cli.js';

function adjClose(ticker: string): Map<string, number> {
  const lines = readFileSync(path.join(realDataDir, `${ticker}.csv`), 'utf8').trim().split('\n');
  const header = lines[0]!.split(',');
  const col = header.indexOf('adj_close');
  return new Map(lines.slice(1).map((l) => {
    const cells = l.split(',');
    return [cells[0]!, Number(cells[col])];
  }));
}

describe.skipIf(!hasRealData)('seed-barbell on real data, short window checked by hand', () => {
  it('matches an independent drift computation, including the 5 bps entry cost', () => {
    const out = tempDir();
    const r = sleeves(['run', 'strategies/seed-barbell.yaml', '--data', realDataDir, '--from', '2024-01-02', '--to', '2024-01-12', '--out', out, '--json', '--include-series']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);

    // Targets: 30% AI over 4 names, 30% defensive over 3, 20% gold, 20% military over 3.
    const targets: Record<string, number> = {
      NVDA: 0.3 / 4, MSFT: 0.3 / 4, GOOGL: 0.3 / 4, TSM: 0.3 / 4,
      XLU: 0.1, XLP: 0.1, TLT: 0.1, GLD: 0.2, LMT: 0.2 / 3, RTX: 0.2 / 3, NOC: 0.2 / 3,
    };
    const prices = Object.fromEntries(Object.keys(targets).map((t) => [t, adjClose(t)]));
    const dates: string[] = report.series.dates;
    expect(dates[0]).toBe('2024-01-02');
    expect(dates.at(-1)).toBe('2024-01-12');
    // Decided at the close of 2024-01-02 (row 0), traded at the close of 2024-01-03 (lag 1).
    // Buying 100% from cash at c = 5 bps: cost = c·V' with V' = 1 − cost → V' = 1/(1 + c).
    const c = 0.0005;
    const invested = 1 / (1 + c);
    const units = Object.fromEntries(Object.entries(targets).map(([t, w]) => [t, (w * invested) / prices[t]!.get(dates[1]!)!]));
    const equity = dates.map((d, k) => (k === 0 ? 1 : Object.keys(targets).reduce((v, t) => v + units[t]! * prices[t]!.get(d)!, 0)));
    for (let k = 1; k < dates.length; k++) {
      expect(report.series.returns[k]).toBeCloseTo(equity[k]! / equity[k - 1]! - 1, 13);
    }
    expect(report.metrics.totalReturn).toBeCloseTo(equity.at(-1)! - 1, 13);
    expect(report.costs.total).toBeCloseTo(1 - invested, 15);
    expect(report.rebalances).toHaveLength(1);
    expect(report.final.sleeves.gold).toBeCloseTo((units['GLD']! * prices['GLD']!.get('2024-01-12')!) / equity.at(-1)!, 13);
    // The benchmark is SPY held from the close of the start day.
    const spy = adjClose('SPY');
    expect(report.benchmark.metrics.totalReturn).toBeCloseTo(spy.get('2024-01-12')! / spy.get('2024-01-02')! - 1, 13);
  });

  it('runs the 2015–2024 decade and reports finite headline figures', () => {
    const out = tempDir();
    const r = sleeves(['run', 'strategies/seed-barbell.yaml', '--data', realDataDir, '--from', '2015-01-01', '--to', '2024-12-31', '--out', out, '--json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.period).toEqual({ start: '2015-01-02', end: '2024-12-31', periods: 2515, periodsPerYear: 252 });
    expect(report.data.synthetic).toBe(false);
    expect(report.rebalances.length).toBe(120);
    for (const key of ['totalReturn', 'cagr', 'annualizedVolatility', 'sharpe', 'maxDrawdown']) expect(Number.isFinite(report.metrics[key])).toBe(true);
    expect(r.stdout).not.toMatch(/NaN|Infinity/);
    // The best and worst years are the extremes of the yearly table.
    const yearly: { year: number; return: number }[] = report.tables.yearly;
    const best = yearly.reduce((a, b) => (b.return > a.return ? b : a));
    const worst = yearly.reduce((a, b) => (b.return < a.return ? b : a));
    expect(report.tables.extremes.bestYear).toEqual({ year: best.year, return: best.return });
    expect(report.tables.extremes.worstYear).toEqual({ year: worst.year, return: worst.return });
  });
});
