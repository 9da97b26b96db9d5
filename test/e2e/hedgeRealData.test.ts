/**
 * The hedge check on real prices (seed-barbell, roles declared), against a naive per-day loop
 * written here from the raw CSV files and the run's end-of-day weights: sleeve returns, the
 * correlation and down-capture of gold, and the 2022 window as GLD's own price ratio.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatIsoDate } from '../../src/core/dates.js';
import { backtestToReport } from '../../src/run/backtestToReport.js';
import { prepareRun } from '../../src/run/prepareRun.js';
import { hasRealData, realDataDir, repoRoot } from '../helpers/cli.js';

function adjClose(ticker: string): Map<string, number> {
  const lines = readFileSync(path.join(realDataDir, `${ticker}.csv`), 'utf8').trim().split('\n');
  const head = lines[0]!.split(',');
  const col = head.indexOf('adj_close');
  return new Map(lines.slice(1).map((l) => l.split(',')).map((c) => [c[0]!, Number(c[col])]));
}

describe.skipIf(!hasRealData)('hedges on real data (seed-barbell)', () => {
  it('match a naive per-day loop over the raw prices', async () => {
    const run = await prepareRun({ source: { kind: 'strategy', file: path.join(repoRoot, 'strategies/seed-barbell.yaml') }, dataDir: realDataDir });
    const { result, report } = backtestToReport(run);
    const dates = Array.from(result.dates, formatIsoDate);
    const n = dates.length;
    const assets = result.layout.assets;
    const w = result.ledger.weights;
    // Price of each asset on each row: the last close on or before the row's date (the loader's forward fill).
    const priceRows = assets.map((t) => {
      const p = adjClose(t);
      let last = Number.NaN;
      const sorted = [...p.keys()].sort();
      let k = 0;
      return dates.map((d) => {
        while (k < sorted.length && sorted[k]! <= d) last = p.get(sorted[k++]!)!;
        return last;
      });
    });
    const sleeveReturn = (tickers: string[]) =>
      dates.map((_, t) => {
        if (t === 0) return Number.NaN;
        let held = 0;
        let earned = 0;
        for (const ticker of tickers) {
          const a = assets.indexOf(ticker);
          const wt = w[a * n + t - 1]!;
          held += wt;
          earned += wt * (priceRows[a]![t]! / priceRows[a]![t - 1]! - 1);
        }
        return held > 0 ? earned / held : Number.NaN;
      });
    const growth = sleeveReturn(['NVDA', 'MSFT', 'GOOGL', 'TSM']);
    const gold = sleeveReturn(['GLD']);
    const rows = dates.map((_, t) => t).filter((t) => !Number.isNaN(growth[t]!) && !Number.isNaN(gold[t]!));
    const xs = rows.map((t) => growth[t]!);
    const ys = rows.map((t) => gold[t]!);
    const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
    const my = ys.reduce((a, b) => a + b, 0) / ys.length;
    let sxy = 0, sxx = 0, syy = 0;
    for (let i = 0; i < xs.length; i++) {
      sxy += (xs[i]! - mx) * (ys[i]! - my);
      sxx += (xs[i]! - mx) ** 2;
      syy += (ys[i]! - my) ** 2;
    }
    const down = rows.filter((t) => growth[t]! < 0);
    const downCapture = down.reduce((a, t) => a + gold[t]!, 0) / down.reduce((a, t) => a + growth[t]!, 0);

    const hedges = report.hedges!;
    expect(hedges.map((h) => h.sleeve)).toEqual(['defensive', 'gold', 'military']);
    const g = hedges.find((h) => h.sleeve === 'gold')!;
    expect(g.growth).toEqual(['ai_leaders']);
    expect(g.growthBy).toBe('role');
    expect(g.days).toBe(rows.length);
    expect(g.correlation).toBeCloseTo(sxy / Math.sqrt(sxx * syy), 10);
    expect(g.downCapture).toBeCloseTo(downCapture, 10);

    // 2022: gold is GLD alone, held every day, so its return over the window is GLD's price ratio
    // from the last close of 2021 to the last close of 2022, straight from the CSV.
    const gld = adjClose('GLD');
    const rate = g.episodes.find((e) => e.name === 'Rate shock')!;
    expect(rate.from).toBe('2022-01-03');
    expect(rate.to).toBe('2022-12-30');
    expect(rate.hedgeReturn).toBeCloseTo(gld.get('2022-12-30')! / gld.get('2021-12-31')! - 1, 10);
    const i0 = dates.indexOf('2021-12-31');
    const i1 = dates.indexOf('2022-12-30');
    let v = 1;
    for (let t = i0 + 1; t <= i1; t++) v *= 1 + growth[t]!;
    expect(rate.growthReturn).toBeCloseTo(v - 1, 10);
    expect(rate.verdict).toBe(rate.hedgeReturn >= 0 ? 'held' : 'failed');

    // Every growth drawdown deeper than 10%, found by the naive loop, is an episode with the same dates.
    const found: string[] = [];
    let value = 1, peak = 1, peakRow = 0, trough = 1, troughRow = 0;
    for (let t = 1; t < n; t++) {
      value *= 1 + (Number.isNaN(growth[t]!) ? 0 : growth[t]!);
      if (value >= peak) {
        if (1 - trough / peak > 0.1) found.push(`${dates[peakRow]}→${dates[troughRow]}`);
        peak = trough = value;
        peakRow = troughRow = t;
      } else if (value < trough) {
        trough = value;
        troughRow = t;
      }
    }
    if (1 - trough / peak > 0.1) found.push(`${dates[peakRow]}→${dates[troughRow]}`);
    expect(g.episodes.filter((e) => e.kind === 'drawdown').map((e) => `${e.from}→${e.to}`)).toEqual(found);
    expect(found.length).toBeGreaterThan(5);
  }, 60_000);
});
