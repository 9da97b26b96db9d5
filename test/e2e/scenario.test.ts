/**
 * `sleeves scenario` end to end on real prices (in process): the holdings are the run's final
 * weights, the conditional move of each asset is its covariance with the shocked asset over the
 * variance (last 252 daily returns, recomputed from the CSV files) times the shock, and the
 * sleeve and portfolio figures are the weighted sums.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { hasRealData, realDataDir, repoRoot, tempDir } from '../helpers/cli.js';
import { sleevesInProcess } from '../helpers/inProcessCli.js';

const SEED = path.join(repoRoot, 'strategies/seed-barbell.yaml');
const COMMON = ['--data', realDataDir, '--from', '2015-01-01', '--to', '2024-12-31'];

function adjClose(ticker: string): Map<string, number> {
  const lines = readFileSync(path.join(realDataDir, `${ticker}.csv`), 'utf8').trim().split('\n');
  const col = lines[0]!.split(',').indexOf('adj_close');
  return new Map(lines.slice(1).map((l) => l.split(',')).map((c) => [c[0]!, Number(c[col])]));
}

describe.skipIf(!hasRealData)('sleeves scenario', () => {
  let s: any;
  let run: any;
  beforeAll(async () => {
    const r = await sleevesInProcess(['scenario', SEED, ...COMMON, '--shock', 'NVDA=-0.30', '--json']);
    expect(r.code, r.stderr).toBe(0);
    s = JSON.parse(r.stdout);
    const out = tempDir('sleeves-scenario-');
    const rr = await sleevesInProcess(['run', SEED, ...COMMON, '--json', '--quiet', '--no-html', '--out', out]);
    expect(rr.code, rr.stderr).toBe(0);
    run = JSON.parse(rr.stdout);
  }, 60_000);

  it('holds the run\'s weights at the close of the last day', () => {
    expect(s.asOf).toBe('2024-12-31');
    expect(s.asOf).toBe(run.final.date);
    for (const [t, w] of Object.entries(run.final.assets)) expect(s.weights[t]).toBeCloseTo(w as number, 12);
  });

  it('conditional: cov(u, NVDA) / var(NVDA) × −0.30 over the last 252 daily returns', () => {
    // Every asset of seed-barbell trades on the US calendar: 253 closes up to 2024-12-31 give 252 returns.
    const nvda = adjClose('NVDA');
    const days = [...nvda.keys()].sort().filter((d) => d <= '2024-12-31').slice(-253);
    const rets = (t: string) => {
      const p = adjClose(t);
      return days.slice(1).map((d, i) => p.get(d)! / p.get(days[i]!)! - 1);
    };
    const x = rets('NVDA');
    const mean = (a: number[]) => a.reduce((u, v) => u + v, 0) / a.length;
    const cov = (a: number[], b: number[]) => {
      const ma = mean(a);
      const mb = mean(b);
      return a.reduce((u, v, i) => u + (v - ma) * (b[i]! - mb), 0) / (a.length - 1);
    };
    expect(s.methods.conditional.observations).toBe(252);
    for (const t of ['MSFT', 'TSM', 'GLD', 'TLT']) {
      const y = rets(t);
      expect(s.methods.conditional.assets[t]).toBeCloseTo((cov(y, x) / cov(x, x)) * -0.3, 12);
    }
    expect(s.methods.conditional.assets['NVDA']).toBe(-0.3);
  });

  it('sleeves and portfolio are weighted sums of the asset moves, for both methods', () => {
    const sleeves: Record<string, string[]> = { ai_leaders: ['NVDA', 'MSFT', 'GOOGL', 'TSM'], defensive: ['XLU', 'XLP', 'TLT'], gold: ['GLD'], military: ['LMT', 'RTX', 'NOC'] };
    for (const method of ['conditional', 'historical']) {
      const m = s.methods[method];
      let total = 0;
      for (const [name, tickers] of Object.entries(sleeves)) {
        const c = tickers.reduce((u, t) => u + s.weights[t] * m.assets[t], 0);
        const w = tickers.reduce((u, t) => u + s.weights[t], 0);
        expect(m.sleeves[name]).toBeCloseTo(c, 14);
        expect(m.sleeveReturns[name]).toBeCloseTo(c / w, 14);
        total += c;
      }
      expect(m.portfolio).toBeCloseTo(total, 14);
    }
  });

  it('historical: each analogue is a 21-day window whose NVDA move is read from the CSV; the mean over them', () => {
    const nvda = adjClose('NVDA');
    const msft = adjClose('MSFT');
    const h = s.methods.historical;
    expect(h.analogues).toHaveLength(5);
    let sum = 0;
    for (const a of h.analogues) {
      expect(a.moves.NVDA).toBeCloseTo(nvda.get(a.to)! / nvda.get(a.from)! - 1, 12);
      const days = [...nvda.keys()].sort();
      expect(days.indexOf(a.to) - days.indexOf(a.from)).toBe(21);
      sum += msft.get(a.to)! / msft.get(a.from)! - 1;
    }
    expect(h.assets.MSFT).toBeCloseTo(sum / 5, 12);
    // Sorted by distance to −30%.
    const d = h.analogues.map((a: any) => a.distance);
    expect(d).toEqual([...d].sort((p: number, q: number) => p - q));
  });

  it('a named scenario of the strategy file, and a shocked ticker that is not an asset', async () => {
    const named = await sleevesInProcess(['scenario', SEED, ...COMMON, '--scenario', 'taiwan', '--json']);
    expect(named.code, named.stderr).toBe(0);
    expect(JSON.parse(named.stdout).shock).toEqual({ TSM: -0.4, NVDA: -0.25 });
    const bad = await sleevesInProcess(['scenario', SEED, ...COMMON, '--shock', 'AAPL=-0.3']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('--shock: AAPL is not an asset of seed-barbell');
  });
});
