/**
 * Attribution on real prices (the seed barbell with reporting.factors SPY, QQQ, TLT, GLD):
 * the linked contributions add up to the total return and the Brinson–Fachler effects to the
 * active return (1e-12); the reference return and the factor betas against computations written
 * here from the raw CSV files (a daily 30/30/20/20 equal-within index; a QR least-squares fit).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { backtestToReport } from '../../src/run/backtestToReport.js';
import { prepareRun } from '../../src/run/prepareRun.js';
import { hasRealData, realDataDir, repoRoot, tempDir } from '../helpers/cli.js';

function adjClose(ticker: string): Map<string, number> {
  const lines = readFileSync(path.join(realDataDir, `${ticker}.csv`), 'utf8').trim().split('\n');
  const col = lines[0]!.split(',').indexOf('adj_close');
  return new Map(lines.slice(1).map((l) => l.split(',')).map((c) => [c[0]!, Number(c[col])]));
}

/** Each row's price: the last close on or before the row's date. */
function onDates(ticker: string, dates: string[]): number[] {
  const p = adjClose(ticker);
  const sorted = [...p.keys()].sort();
  let k = 0;
  let last = Number.NaN;
  return dates.map((d) => {
    while (k < sorted.length && sorted[k]! <= d) last = p.get(sorted[k++]!)!;
    return last;
  });
}

/** OLS with intercept by the normal equations solved with Gaussian elimination (partial pivoting). */
function leastSquares(y: number[], cols: number[][]): number[] {
  const X = [y.map(() => 1), ...cols];
  const p = X.length;
  const A = X.map((a) => X.map((b) => a.reduce((s, v, t) => s + v * b[t]!, 0)));
  const g = X.map((a) => a.reduce((s, v, t) => s + v * y[t]!, 0));
  for (let c = 0; c < p; c++) {
    let piv = c;
    for (let r = c + 1; r < p; r++) if (Math.abs(A[r]![c]!) > Math.abs(A[piv]![c]!)) piv = r;
    [A[c], A[piv]] = [A[piv]!, A[c]!];
    [g[c], g[piv]] = [g[piv]!, g[c]!];
    for (let r = c + 1; r < p; r++) {
      const f = A[r]![c]! / A[c]![c]!;
      for (let k = c; k < p; k++) A[r]![k]! -= f * A[c]![k]!;
      g[r]! -= f * g[c]!;
    }
  }
  const b = new Array<number>(p).fill(0);
  for (let r = p - 1; r >= 0; r--) {
    let s = g[r]!;
    for (let k = r + 1; k < p; k++) s -= A[r]![k]! * b[k]!;
    b[r] = s / A[r]![r]!;
  }
  return b;
}

describe.skipIf(!hasRealData)('attribution on real data (seed-barbell with factors)', () => {
  const dir = tempDir();
  // The seed barbell names its factors itself (reporting.factors: [SPY, QQQ, TLT, GLD]).
  const file = path.join(repoRoot, 'strategies/seed-barbell.yaml');
  const seedText = readFileSync(file, 'utf8');

  it('adds up, matches the raw-price reference and an independent factor fit', async () => {
    const run = await prepareRun({ source: { kind: 'strategy', file }, dataDir: realDataDir });
    const { report } = backtestToReport(run, { includeSeries: true });
    const total = report.metrics['totalReturn']!;

    // Linked contributions: assets + cash + costs = sleeves + cash + costs = total return.
    const c = report.contributions!;
    expect(c.method).toBe('carino');
    expect(c.total).toBe(total);
    const sumAssets = Object.values(c.assets).reduce((s, v) => s + v, 0) + c.cash + c.costs;
    const sumSleeves = Object.values(c.sleeves).reduce((s, v) => s + v, 0) + c.cash + c.costs;
    expect(Math.abs(sumAssets - total)).toBeLessThan(1e-12);
    expect(Math.abs(sumSleeves - total)).toBeLessThan(1e-12);
    // The old arithmetic sums (Σ_t w·r) fall far short of the compounded total (the complaint).
    const old = report.concentration['returnContribution'] as { sleeves: Record<string, number>; costs: number };
    const oldSum = Object.values(old.sleeves).reduce((s, v) => s + v, 0) + old.costs;
    expect(total - oldSum).toBeGreaterThan(1);
    expect(Math.abs(c.sleeves['ai_leaders']! - old.sleeves['ai_leaders']!)).toBeGreaterThan(0.5);

    // Brinson–Fachler: Σ effects + cash + costs = active = R − B.
    const a = report.attribution!;
    let sum = a.costs + a.cash.allocation + a.cash.selection + a.cash.interaction;
    for (const e of Object.values(a.sleeves)) sum += e.allocation + e.selection + e.interaction;
    expect(Math.abs(sum - a.active)).toBeLessThan(1e-12);
    expect(a.portfolioReturn).toBe(total);
    expect(a.reference).toBe("the strategy's fixed sleeve weights (ai_leaders 30%, defensive 30%, gold 20%, military 20%), equal weights within each sleeve, rebalanced daily");
    // The reference from the raw CSVs: each day 30% · mean(AI returns) + 30% · mean(defensive) + 20% GLD + 20% · mean(military).
    const dates = report.series!.dates;
    const sleeves: [number, string[]][] = [
      [0.3, ['NVDA', 'MSFT', 'GOOGL', 'TSM']],
      [0.3, ['XLU', 'XLP', 'TLT']],
      [0.2, ['GLD']],
      [0.2, ['LMT', 'RTX', 'NOC']],
    ];
    const prices = new Map(sleeves.flatMap(([, ts]) => ts).map((t) => [t, onDates(t, dates)]));
    let growth = 1;
    for (let t = 1; t < dates.length; t++) {
      let b = 0;
      for (const [w, ts] of sleeves) b += (w * ts.reduce((s, tk) => s + prices.get(tk)![t]! / prices.get(tk)![t - 1]! - 1, 0)) / ts.length;
      growth *= 1 + b;
    }
    expect(Math.abs(a.referenceReturn - (growth - 1))).toBeLessThan(1e-10 * growth);

    // Factors: OLS of the daily returns on SPY, QQQ, TLT, GLD returns from the raw files.
    const f = report.factors!;
    expect(f.tickers).toEqual(['SPY', 'QQQ', 'TLT', 'GLD']);
    const fp = f.tickers.map((t) => onDates(t, dates));
    const rows = dates.map((_, t) => t).filter((t) => t > 0 && fp.every((p) => Number.isFinite(p[t - 1]!) && Number.isFinite(p[t]!)));
    expect(f.periods).toBe(rows.length);
    const y = rows.map((t) => report.series!.returns[t]!);
    const cols = fp.map((p) => rows.map((t) => p[t]! / p[t - 1]! - 1));
    const b = leastSquares(y, cols);
    f.tickers.forEach((t, j) => expect(Math.abs(f.betas[t]! - b[j + 1]!)).toBeLessThan(1e-10));
    expect(Math.abs(f.alpha! - b[0]! * 252)).toBeLessThan(1e-10);
    expect(f.rSquared!).toBeGreaterThan(0);
    expect(f.rSquared!).toBeLessThan(1);
    // Rolling betas: one per row, null for the first year.
    const rolling = report.series!.factorBetas!;
    expect(rolling['SPY']!.length).toBe(dates.length);
    expect(rolling['SPY']!.slice(0, 252).every((v) => v === null)).toBe(true);
    expect(JSON.stringify(report)).not.toMatch(/NaN|Infinity/);
  });

  it('adds up on the largest total among the seed strategies (winner-takes-all, about 22,900%: 1/k(R) ≈ 45 magnifies every day)', async () => {
    const run = await prepareRun({ source: { kind: 'strategy', file: path.join(repoRoot, 'strategies/winner-takes-all.yaml') }, dataDir: realDataDir });
    const { report } = backtestToReport(run);
    const c = report.contributions!;
    expect(c.total).toBeGreaterThan(100);
    expect(Math.abs(Object.values(c.assets).reduce((s, v) => s + v, 0) + c.cash + c.costs - c.total)).toBeLessThan(1e-12);
    expect(Math.abs(Object.values(c.sleeves).reduce((s, v) => s + v, 0) + c.cash + c.costs - c.total)).toBeLessThan(1e-12);
    const a = report.attribution!;
    let sum = a.costs + a.cash.allocation;
    for (const e of Object.values(a.sleeves)) sum += e.allocation + e.selection + e.interaction;
    expect(Math.abs(sum - a.active)).toBeLessThan(1e-12);
  });

  it('names a factor without a price file and where the strategy file lists it', async () => {
    const bad = path.join(dir, 'bad-factor.yaml');
    expect(seedText).toContain('factors: [SPY, QQQ, TLT, GLD]');
    writeFileSync(bad, seedText.replace('factors: [SPY, QQQ, TLT, GLD]', 'factors: [SPY, NOPE]'));
    const lines = readFileSync(bad, 'utf8').split('\n');
    const line = lines.findIndex((l) => l.includes('NOPE')) + 1;
    await expect(prepareRun({ source: { kind: 'strategy', file: bad }, dataDir: realDataDir })).rejects.toThrow(
      new RegExp(`^${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:${line}:\\d+: no price file for ticker "NOPE" in `),
    );
  });
});
