/**
 * Every strategy file in strategies/ validates and runs through the built CLI on the synthetic
 * sample and on the real prices beside the project (skipped when absent). On real data, three
 * strategies are checked against independent computations written here from the CSVs:
 * winner-takes-all's picks (top 3 by 126-day return), trend-to-safety's switches (the AI
 * basket's index against its 200-day SMA) and min-variance's 25% cap at every trade; and
 * risk-budget-barbell's sleeve risk shares (30/30/20/20 to 1e-8 at every decision, from the
 * CSVs) and min-cvar-barbell's floors and caps at every trade.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasRealData, realDataDir, repoRoot, sleeves, tempDir } from '../helpers/cli.js';

const files = readdirSync(path.join(repoRoot, 'strategies'))
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((f) => `strategies/${f}`);

const EXPECTED = [
  'ai-leaders-equal',
  'barbell-risk-parity',
  'black-litterman-barbell',
  'china-ai-leaders',
  'core-satellite',
  'herc-barbell',
  'hrp-barbell',
  'mean-cvar-barbell',
  'min-cdar-barbell',
  'min-cvar-barbell',
  'min-variance',
  'risk-budget-barbell',
  'seed-barbell',
  'sixty-forty',
  'trend-to-cash',
  'trend-to-safety',
  'winner-takes-all',
];

interface Report {
  strategy: { name: string };
  data: { synthetic: boolean };
  period: { start: string; end: string };
  metrics: Record<string, number | null>;
  rebalances: { decisionDate: string; tradeDate: string; fallbacks: unknown[] }[];
  series: { dates: string[]; weights: Record<string, number[]>; sleeveWeights: Record<string, number[]> };
}

function run(file: string, data: string, extra: string[] = []): Report {
  const r = sleeves(['run', file, '--data', data, '--out', tempDir(), '--json', '--no-html', ...extra]);
  expect(r.stderr, `${file} stderr`).toBe('');
  expect(r.code, `${file} exit code`).toBe(0);
  expect(r.stdout).not.toMatch(/NaN|Infinity/);
  return JSON.parse(r.stdout) as Report;
}

function checkHeadline(file: string, report: Report): void {
  expect(report.strategy.name).toBe(path.basename(file, '.yaml'));
  for (const key of ['totalReturn', 'cagr', 'annualizedVolatility', 'maxDrawdown']) expect(Number.isFinite(report.metrics[key]), `${file} ${key}`).toBe(true);
  expect(report.rebalances.length).toBeGreaterThan(10);
}

/** Adjusted closes of a real-data file by ISO date. */
function closes(ticker: string): Map<string, number> {
  const lines = readFileSync(path.join(realDataDir, `${ticker.replace('^', 'IDX_').replace('=', '_')}.csv`), 'utf8').trim().split('\n');
  const col = lines[0]!.split(',').indexOf('adj_close');
  return new Map(lines.slice(1).map((l) => [l.split(',')[0]!, Number(l.split(',')[col])]));
}

/** Prices of several tickers on the union of their dates, forward-filled (NaN before the first). */
function unionPanel(tickers: string[]): { dates: string[]; p: number[][] } {
  const series = tickers.map(closes);
  const dates = [...new Set(series.flatMap((s) => [...s.keys()]))].sort();
  const p = series.map((s) => {
    let last = Number.NaN;
    return dates.map((d) => (last = s.get(d) ?? last));
  });
  return { dates, p };
}

describe('strategy files', () => {
  it('are the seed strategies, and `strategies validate` accepts all of them', () => {
    expect(files.map((f) => path.basename(f, '.yaml'))).toEqual(EXPECTED);
    const r = sleeves(['strategies', 'validate', ...files]);
    expect(r.code).toBe(0);
    expect(r.stderr.trim().split('\n')).toHaveLength(files.length);
    for (const f of files) expect(r.stderr).toContain(`ok  ${f}`);
  });

  it('each opens with comments saying what it tests and which part of the seed it encodes', () => {
    for (const f of files) {
      const text = readFileSync(path.join(repoRoot, f), 'utf8');
      expect(text.startsWith('#'), f).toBe(true);
      expect(text, f).toMatch(/^# Tests:/m);
      expect(text, f).toMatch(/^# Seed argument encoded:/m);
    }
  });

  it('an unknown ticker is named at run time, in one line, with the closest ticker', () => {
    const dir = tempDir();
    const file = path.join(dir, 'typo.yaml');
    const text = readFileSync(path.join(repoRoot, 'strategies/sixty-forty.yaml'), 'utf8').replace('[TLT]', '[TLTT]');
    writeFileSync(file, text);
    const r = sleeves(['run', file, '--out', dir, '--no-html']);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('TLTT');
    expect(r.stderr).toContain('TLT');
  });
});

describe('every strategy runs on the synthetic sample', () => {
  for (const file of files) {
    it(file, () => {
      const report = run(file, 'data/sample');
      expect(report.data.synthetic).toBe(true);
      checkHeadline(file, report);
      if (file.includes('china')) expect(report.period).toMatchObject({ start: '2020-07-21', end: '2023-10-20' });
    });
  }
});

describe.skipIf(!hasRealData)('every strategy runs on real prices', () => {
  for (const file of files) {
    it(file, () => {
      const report = run(file, realDataDir);
      expect(report.data.synthetic).toBe(false);
      checkHeadline(file, report);
      if (file.includes('china')) expect(report.period).toMatchObject({ start: '2020-07-21', end: '2023-10-20' });
    });
  }
});

describe.skipIf(!hasRealData)('strategies on real prices against independent computations', () => {
  const AI = ['NVDA', 'MSFT', 'GOOGL', 'AMZN', 'META', 'AVGO', 'TSM', 'AMD'];

  it('winner-takes-all holds, after each trade, exactly the top 3 by 126-day total return at the decision close', () => {
    const report = run('strategies/winner-takes-all.yaml', realDataDir, ['--from', '2023-01-03', '--to', '2024-12-31', '--include-series']);
    const { dates, p } = unionPanel([...AI, 'QQQ']);
    const row = new Map(report.series.dates.map((d, i) => [d, i]));
    expect(report.rebalances.length).toBe(24);
    for (const reb of report.rebalances) {
      const t = dates.indexOf(reb.decisionDate);
      // Momentum over the last 126 return rows: p_t / p_{t−126} − 1.
      const momentum = AI.map((_, i) => p[i]![t]! / p[i]![t - 126]! - 1);
      const top = AI.map((name, i) => ({ name, m: momentum[i]! }))
        .sort((a, b) => b.m - a.m)
        .slice(0, 3)
        .map((x) => x.name)
        .sort();
      const k = row.get(reb.tradeDate)!;
      const held = AI.filter((name) => report.series.weights[name]![k]! > 1e-12).sort();
      expect(held, reb.decisionDate).toEqual(top);
      for (const name of held) expect(report.series.weights[name]![k]).toBeCloseTo(1 / 3, 12);
    }
  });

  it('trend-to-safety moves the AI sleeve into gold and defensive exactly when its index is below its 200-day SMA', () => {
    const report = run('strategies/trend-to-safety.yaml', realDataDir, ['--from', '2021-06-01', '--to', '2023-12-29', '--include-series']);
    const tickers = [...AI, 'XLU', 'XLP', 'TLT', 'GLD', 'SPY'];
    const { dates, p } = unionPanel(tickers);
    const row = new Map(report.series.dates.map((d, i) => [d, i]));
    let broken = 0;
    for (const reb of report.rebalances) {
      const t = dates.indexOf(reb.decisionDate);
      // The AI sleeve's index (equal weights): I = 1 at row t−199, then ×(1 + mean member return).
      let level = 1;
      let sum = 1;
      for (let s = t - 198; s <= t; s++) {
        level *= 1 + AI.reduce((acc, _, i) => acc + p[i]![s]! / p[i]![s - 1]! - 1, 0) / AI.length;
        sum += level;
      }
      const below = level < sum / 200;
      const k = row.get(reb.tradeDate)!;
      const sw = report.series.sleeveWeights;
      if (below) {
        broken++;
        // 0.6 split equally: gold 0.15 + 0.3, defensive 0.25 + 0.3.
        expect(sw['ai_leaders']![k], reb.decisionDate).toBeCloseTo(0, 12);
        expect(sw['gold']![k]).toBeCloseTo(0.45, 12);
        expect(sw['defensive']![k]).toBeCloseTo(0.55, 12);
      } else {
        expect(sw['ai_leaders']![k], reb.decisionDate).toBeCloseTo(0.6, 12);
        expect(sw['gold']![k]).toBeCloseTo(0.15, 12);
      }
    }
    // 2022 was a bear market for the AI leaders, 2023 a recovery: both states occur.
    expect(broken).toBeGreaterThan(5);
    expect(broken).toBeLessThan(report.rebalances.length - 5);
  });

  it('min-variance never trades any asset above 25%, and the cap binds', () => {
    const report = run('strategies/min-variance.yaml', realDataDir, ['--from', '2019-01-02', '--to', '2020-12-31', '--include-series']);
    const row = new Map(report.series.dates.map((d, i) => [d, i]));
    let binding = 0;
    for (const reb of report.rebalances) {
      const k = row.get(reb.tradeDate)!;
      const weights = Object.values(report.series.weights).map((w) => w[k]!);
      expect(Math.max(...weights), reb.tradeDate).toBeLessThanOrEqual(0.25 + 1e-12);
      if (weights.some((w) => w > 0.25 - 1e-9)) binding++;
      expect(weights.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
    }
    expect(binding).toBeGreaterThan(0);
  });
});

describe.skipIf(!hasRealData)('newer allocation methods on real prices against independent computations', () => {
  const SLEEVES = [['NVDA', 'MSFT', 'GOOGL', 'TSM'], ['XLU', 'XLP', 'TLT'], ['GLD'], ['LMT', 'RTX', 'NOC']];
  const NAMES = ['ai_leaders', 'defensive', 'gold', 'military'];

  it('risk-budget-barbell: at every decision the sleeves’ risk shares on the trailing year are 30/30/20/20 (to 1e-8)', () => {
    const report = run('strategies/risk-budget-barbell.yaml', realDataDir, ['--from', '2021-01-04', '--to', '2022-12-30', '--include-series']);
    const tickers = SLEEVES.flat();
    const { dates, p } = unionPanel(tickers);
    const row = new Map(report.series.dates.map((d, i) => [d, i]));
    const column = (t: string) => p[tickers.indexOf(t)]!;
    expect(report.rebalances.length).toBe(24);
    for (const reb of report.rebalances) {
      const t = dates.indexOf(reb.decisionDate);
      // Sleeve index returns (equal weights within): the mean of the members' daily returns, rows t−251..t.
      const r = SLEEVES.map((members) =>
        Array.from({ length: 252 }, (_, k) => {
          const s = t - 251 + k;
          return members.reduce((acc, m) => acc + column(m)[s]! / column(m)[s - 1]! - 1, 0) / members.length;
        }),
      );
      const mean = r.map((x) => x.reduce((a, b) => a + b, 0) / 252);
      const cov = r.map((a, i) => r.map((b, j) => a.reduce((acc, v, k) => acc + (v - mean[i]!) * (b[k]! - mean[j]!), 0) / 251));
      const k = row.get(reb.tradeDate)!;
      const w = NAMES.map((n) => report.series.sleeveWeights[n]![k]!);
      // The trade sets the sleeve weights exactly to the decision's targets (lag 1, no caps).
      const sw = cov.map((rowCov) => rowCov.reduce((acc, c, j) => acc + c * w[j]!, 0));
      const total = sw.reduce((acc, v, i) => acc + v * w[i]!, 0);
      [0.3, 0.3, 0.2, 0.2].forEach((b, i) => expect(Math.abs((w[i]! * sw[i]!) / total - b), `${reb.decisionDate} ${NAMES[i]}`).toBeLessThan(1e-8));
    }
  });

  it('min-cvar-barbell keeps every sleeve between its 5% floor and 50% cap at every trade', () => {
    const report = run('strategies/min-cvar-barbell.yaml', realDataDir, ['--from', '2021-01-04', '--to', '2022-12-30', '--include-series']);
    const row = new Map(report.series.dates.map((d, i) => [d, i]));
    for (const reb of report.rebalances) {
      const k = row.get(reb.tradeDate)!;
      const w = NAMES.map((n) => report.series.sleeveWeights[n]![k]!);
      for (const x of w) {
        expect(x).toBeGreaterThanOrEqual(0.05 - 1e-12);
        expect(x).toBeLessThanOrEqual(0.5 + 1e-12);
      }
      expect(w.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
      expect(reb.fallbacks).toEqual([]);
    }
  });
});
