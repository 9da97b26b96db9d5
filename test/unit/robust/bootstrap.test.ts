import { describe, expect, it } from 'vitest';
import { runBacktest } from '../../../src/engine/runBacktest.js';
import { metricContext } from '../../../src/metrics/convention.js';
import { mulberry32, pathSeed } from '../../../src/robust/prng.js';
import { resamplePanel } from '../../../src/robust/resamplePanel.js';
import { periodBounds, runRobustJob, type RobustParams } from '../../../src/robust/robustJob.js';
import { runRobust, sequentialJobs } from '../../../src/robust/runRobust.js';
import { stationaryBootstrapIndexes } from '../../../src/robust/stationaryBootstrapIndexes.js';
import { spec, wavePanel } from './panelFixture.js';

const ASSETS = ['AAA', 'BBB', 'CCC', 'BMK'];
const panel = wavePanel(ASSETS, 900);
const barbell = spec({
  sleeves: { growth: { assets: ['AAA', 'BBB'] }, safe: { assets: ['CCC'] } },
  allocation: { across: { method: 'fixed', weights: { growth: 0.6, safe: 0.4 } } },
  rebalance: { schedule: 'monthly' },
  costs: { bps: 5 },
  benchmark: 'BMK',
  period: { from: '2015-03-02', to: '2018-06-29' },
});
const options = { paths: 40, block: 21, strategyFile: null, data: { directory: 'fixture', synthetic: true } };

describe('stationaryBootstrapIndexes', () => {
  it('with a mean block length ≥ the sample length, a path is the original rows 0..T−1', () => {
    for (const L of [500, 501, 10_000]) {
      const idx = stationaryBootstrapIndexes(500, L, mulberry32(123));
      expect(Array.from(idx)).toEqual(Array.from({ length: 500 }, (_, j) => j));
    }
  });

  it('starts at row 0 and otherwise steps to the next row (wrapping) or restarts anywhere', () => {
    const T = 300;
    const idx = stationaryBootstrapIndexes(T, 5, mulberry32(9));
    expect(idx[0]).toBe(0);
    expect(Array.from(idx).every((i) => i >= 0 && i < T)).toBe(true);
    // With mean block 5 over 300 rows there are about 60 restarts: the path is not the original.
    expect(Array.from(idx)).not.toEqual(Array.from({ length: T }, (_, j) => j));
  });

  it('wraps around from the last row to row 0 inside a block', () => {
    // Find a path of a short sample with no restart before reaching the end: block ≥ T/2 on T = 6.
    let seen = false;
    for (let s = 0; s < 200 && !seen; s++) {
      const idx = stationaryBootstrapIndexes(6, 3, mulberry32(s));
      for (let j = 1; j < 6; j++) if (idx[j - 1] === 5 && idx[j] === 0) seen = true;
    }
    expect(seen).toBe(true);
  });

  it('block lengths are geometric with the requested mean (P&R: restart probability 1/L)', () => {
    // Count restarts as steps that are not "previous + 1 (mod T)". A restart lands on the next row
    // by chance with probability 1/T, so the expected visible count is (T−1)·p·(1 − 1/T).
    const T = 200_000;
    const L = 21;
    const idx = stationaryBootstrapIndexes(T, L, mulberry32(2024));
    let breaks = 0;
    for (let j = 1; j < T; j++) if (idx[j] !== ((idx[j - 1] as number) + 1) % T) breaks++;
    const expected = ((T - 1) / L) * (1 - 1 / T); // ≈ 9523.7
    // sd of a binomial(T−1, 1/21) count ≈ √(199999 · 0.0476 · 0.9524) ≈ 95; allow 4 sd.
    expect(Math.abs(breaks - expected)).toBeLessThan(4 * 95);
  });

  it('restart rows are spread uniformly over the sample', () => {
    const T = 10;
    const counts = new Array<number>(T).fill(0);
    const path = stationaryBootstrapIndexes(100_001, 1, mulberry32(77)); // L = 1: p = 1, every step restarts
    for (let j = 1; j < path.length; j++) counts[(path[j] as number) % T]!++;
    // 100,000 draws into 10 residues: each ≈ 10,000 with sd ≈ 95.
    for (const c of counts) expect(Math.abs(c - 10_000)).toBeLessThan(500);
  });
});

describe('resamplePanel', () => {
  it('with the identity indexes rebuilds the original prices (within rounding)', () => {
    const lo = 40;
    const hi = 700;
    const idx = Int32Array.from({ length: hi - lo - 1 }, (_, j) => j);
    const out = resamplePanel(panel, lo, hi, idx).panel;
    const N = panel.dates.length;
    for (let a = 0; a < ASSETS.length; a++) {
      for (let t = 0; t < hi; t++) {
        const orig = panel.values[a * N + t] as number;
        expect(Math.abs((out.values[a * hi + t] as number) / orig - 1)).toBeLessThan(1e-12);
      }
    }
  });

  it('resamples rows jointly: every asset takes its return of the same original row', () => {
    const lo = 10;
    const hi = 20;
    // Path returns j = 0..8 take original returns 3,3,7,0,1,2,8,8,5 (row j is p[lo+j+1]/p[lo+j] − 1).
    const idx = Int32Array.from([3, 3, 7, 0, 1, 2, 8, 8, 5]);
    const out = resamplePanel(panel, lo, hi, idx).panel;
    const N = panel.dates.length;
    for (let a = 0; a < ASSETS.length; a++) {
      const p = (t: number) => panel.values[a * N + t] as number;
      let q = p(lo);
      for (let t = 0; t <= lo; t++) expect(out.values[a * hi + t]).toBe(p(t));
      idx.forEach((s, j) => {
        q *= p(lo + s + 1) / p(lo + s);
        expect(out.values[a * hi + lo + j + 1]).toBeCloseTo(q, 10);
      });
    }
  });

  it('keeps a late-listed asset missing until its real listing and holds a missing return flat', () => {
    const N = 8;
    const p: PriceTable = { dates: panel.dates.slice(0, N), assets: ['X', 'Y'], values: new Float64Array(2 * N) };
    // X: 10, 11, 12.1, 13.31, ... (+10% a day); Y: missing on rows 0–3, then 50, 55, 60.5, 66.55.
    for (let t = 0; t < N; t++) p.values[t] = 10 * 1.1 ** t;
    for (let t = 0; t < N; t++) p.values[N + t] = t < 4 ? Number.NaN : 50 * 1.1 ** (t - 4);
    // Period rows 0..7, returns j = 0..6; path takes return 0 everywhere (NaN for Y).
    const r = resamplePanel(p, 0, N, new Int32Array(7));
    // X: every path return is +10%.
    for (let t = 0; t < N; t++) expect(r.panel.values[t]).toBeCloseTo(10 * 1.1 ** t, 10);
    // Y: NaN until row 4 (its real first price 50), then return 0 of Y is NaN → held flat at 50.
    expect(Array.from(r.panel.values.subarray(N, N + 4)).every(Number.isNaN)).toBe(true);
    expect(Array.from(r.panel.values.subarray(N + 4))).toEqual([50, 50, 50, 50]);
    expect(r.missing).toBe(3);
  });
});

type PriceTable = { dates: Int32Array; assets: string[]; values: Float64Array };

describe('bootstrap runs', () => {
  it('one path with block length ≥ the sample reproduces the real run (figures of the same series)', () => {
    const full = runBacktest(barbell, { panel });
    const base = { ...barbell, period: { from: '2015-03-02', to: '2018-06-29' } };
    const { lo, hi } = periodBounds(panel, base);
    const params: RobustParams = { spec: base, ctx: metricContext(252), seed: 42, block: hi - lo - 1, jobs: [{ kind: 'bootstrap', path: 0 }] };
    const path = runRobustJob(panel, params, 0);
    // Independent: the real run's CAGR from its equity, (V_n / V_0 · (1 + r_0))^(252/n) − 1, i.e. ∏(1+r_t), t ≥ 1.
    const r = full.ledger.returns;
    let growth = 1;
    for (let t = 1; t < r.length; t++) growth *= 1 + (r[t] as number);
    expect(path.cagr).toBeCloseTo(growth ** (252 / (r.length - 1)) - 1, 12);
    expect(path.totalReturn).toBeCloseTo(growth - 1, 12);
    // Benchmark: buy and hold BMK over the period rows.
    const N = panel.dates.length;
    const b = ASSETS.indexOf('BMK');
    expect(path.benchmark?.totalReturn).toBeCloseTo((panel.values[b * N + hi - 1] as number) / (panel.values[b * N + lo] as number) - 1, 12);
  });

  it('the same seed gives identical intervals; another seed gives other ones', async () => {
    const run = (seed: number) => runRobust(barbell, panel, { ...options, seed }, sequentialJobs(runRobustJob));
    const [a, b, c] = await Promise.all([run(7), run(7), run(8)]);
    expect(b.bootstrap).toEqual(a.bootstrap);
    expect(c.bootstrap.cagr).not.toEqual(a.bootstrap.cagr);
    // The interval is ordered and the real run's CAGR is a plausible draw.
    const i = a.bootstrap.cagr;
    expect(i.p5!).toBeLessThan(i.p50!);
    expect(i.p50!).toBeLessThan(i.p95!);
  });

  it('path k uses its own stream: results do not depend on which paths run together', () => {
    const base = { ...barbell, period: { from: '2015-03-02', to: '2018-06-29' } };
    const jobs = Array.from({ length: 5 }, (_, k) => ({ kind: 'bootstrap' as const, path: k }));
    const params: RobustParams = { spec: base, ctx: metricContext(252), seed: 3, block: 10, jobs };
    const forward = jobs.map((_, i) => runRobustJob(panel, params, i));
    const backward = jobs.map((_, i) => runRobustJob(panel, params, 4 - i)).reverse();
    expect(backward).toEqual(forward);
    expect(pathSeed(3, 0)).not.toBe(pathSeed(3, 1));
  });

  it('the probability of underperforming is the share of paths with a total return below the benchmark', async () => {
    const rep = await runRobust(barbell, panel, { ...options, seed: 11 }, sequentialJobs(runRobustJob));
    // Recount from the per-path jobs, run again independently of the summary.
    const base = { ...barbell, period: { from: rep.period.start, to: rep.period.end } };
    const params: RobustParams = { spec: base, ctx: metricContext(252), seed: 11, block: 21, jobs: Array.from({ length: 40 }, (_, k) => ({ kind: 'bootstrap' as const, path: k })) };
    let under = 0;
    for (let k = 0; k < 40; k++) {
      const f = runRobustJob(panel, params, k);
      if ((f.totalReturn as number) < (f.benchmark!.totalReturn as number)) under++;
    }
    expect(rep.bootstrap.underperformProbability).toBe(under / 40);
  });
});

describe('mulberry32', () => {
  it('is deterministic and uniform on [0, 1)', () => {
    const a = mulberry32(1);
    const b = mulberry32(1);
    const xs = Float64Array.from({ length: 100_000 }, () => a());
    const ys = Float64Array.from({ length: 100_000 }, () => b());
    expect(ys).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    let sum = 0;
    for (const x of xs) sum += x;
    // Mean of 100,000 uniforms: 0.5 ± 4 · √(1/12 / 100000) ≈ 0.5 ± 0.0037.
    expect(Math.abs(sum / 100_000 - 0.5)).toBeLessThan(0.0037);
  });
});
