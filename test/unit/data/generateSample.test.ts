import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { generateSample, SAMPLE_DEFAULT_SEED } from '../../../src/data/generateSample.js';
import { loadPanel } from '../../../src/data/loadPanel.js';
import { createRng } from '../../../src/data/random.js';
import { readPriceCsv } from '../../../src/data/readPriceCsv.js';
import { writeSample } from '../../../src/data/writeSample.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const sampleDir = path.join(repoRoot, 'data/sample');
const temps: string[] = [];
afterAll(() => temps.forEach((d) => rmSync(d, { recursive: true, force: true })));

const files = generateSample();
const byName = new Map(files.map((f) => [f.name, f.text]));
const series = (name: string) => readPriceCsv(byName.get(name) as string, name, name);
const dates = (name: string): Set<string> => new Set((byName.get(name) as string).split('\n').slice(1, -1).map((l) => l.slice(0, 10)));

/** Daily log returns on the dates both files have. */
function commonReturns(a: string, b: string): [number[], number[]] {
  const sa = series(a);
  const sb = series(b);
  const mb = new Map<number, number>();
  sb.dates.forEach((d, i) => mb.set(d, sb.prices[i] as number));
  const ra: number[] = [];
  const rb: number[] = [];
  let prev: [number, number] | null = null;
  sa.dates.forEach((d, i) => {
    const pb = mb.get(d);
    if (pb === undefined) return;
    const pa = sa.prices[i] as number;
    if (prev !== null) {
      ra.push(Math.log(pa / prev[0]));
      rb.push(Math.log(pb / prev[1]));
    }
    prev = [pa, pb];
  });
  return [ra, rb];
}

function corr(x: number[], y: number[]): number {
  const n = x.length;
  const mx = x.reduce((s, v) => s + v, 0) / n;
  const my = y.reduce((s, v) => s + v, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += ((x[i] as number) - mx) * ((y[i] as number) - my);
    sxx += ((x[i] as number) - mx) ** 2;
    syy += ((y[i] as number) - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}

function annualVol(name: string): number {
  const p = series(name).prices;
  const r: number[] = [];
  for (let i = 1; i < p.length; i++) r.push(Math.log((p[i] as number) / (p[i - 1] as number)));
  const m = r.reduce((s, v) => s + v, 0) / r.length;
  return Math.sqrt((r.reduce((s, v) => s + (v - m) ** 2, 0) / (r.length - 1)) * 252);
}

describe('generateSample', () => {
  it('writes byte-identical folders from the same seed, and different prices from another seed', () => {
    const a = mkdtempSync(path.join(tmpdir(), 'sleeves-sample-a-'));
    const b = mkdtempSync(path.join(tmpdir(), 'sleeves-sample-b-'));
    temps.push(a, b);
    writeSample(a, generateSample(SAMPLE_DEFAULT_SEED));
    writeSample(b, generateSample(SAMPLE_DEFAULT_SEED));
    const names = readdirSync(a).sort();
    expect(readdirSync(b).sort()).toEqual(names);
    for (const n of names) expect(readFileSync(path.join(b, n)).equals(readFileSync(path.join(a, n))), n).toBe(true);
    const other = new Map(generateSample(7).map((f) => [f.name, f.text]));
    expect(other.get('NVDA.csv')).not.toBe(byName.get('NVDA.csv'));
    expect(JSON.parse(other.get('manifest.json') as string).seed).toBe(7);
  });

  it('equals the committed data/sample byte for byte (regenerate with `sleeves data sample`)', () => {
    expect(readdirSync(sampleDir).sort()).toEqual(files.map((f) => f.name));
    for (const f of files) expect(readFileSync(path.join(sampleDir, f.name), 'utf8') === f.text, f.name).toBe(true);
  });

  it('labels itself synthetic and covers the universe, every file well under 1 MB', () => {
    const manifest = JSON.parse(byName.get('manifest.json') as string);
    expect(manifest).toMatchObject({ synthetic: true, generator: 'sleeves data sample', seed: SAMPLE_DEFAULT_SEED, start: '2012-01-03', end: '2025-12-31' });
    expect(manifest.tickers).toHaveLength(50);
    for (const t of ['NVDA', '0700.HK', 'GC=F', '^HSI', '^GSPC', '518880.SS', 'USDCNY', 'USDHKD', '600760.SS']) expect(manifest.tickers).toContain(t);
    expect(byName.get('README.md')).toMatch(/^# SYNTHETIC SAMPLE DATA/);
    for (const f of files) expect(Buffer.byteLength(f.text), f.name).toBeLessThan(200_000);
    const loaded = loadPanel(sampleDir, { tickers: ['SPY', 'META'] });
    expect(loaded.synthetic).toBe(true);
    expect(loaded.lateStarts).toEqual([{ ticker: 'META', firstDate: '2012-05-18' }]);
  });

  it('gives markets their own calendars', () => {
    const us = dates('SPY.csv');
    const hk = dates('0700.HK.csv');
    const cn = dates('600760.SS.csv');
    // Thu 2019-07-04: US holiday only. Mon 2019-07-01: HK holiday only.
    expect([us.has('2019-07-04'), hk.has('2019-07-04'), cn.has('2019-07-04')]).toEqual([false, true, true]);
    expect([us.has('2019-07-01'), hk.has('2019-07-01'), cn.has('2019-07-01')]).toEqual([true, false, true]);
    // Lunar New Year 2020-01-25 (Sat): CN closed Fri 01-24 (eve) .. Thu 01-30; HK closed Mon 01-27 (LNY+2).
    expect(['2020-01-24', '2020-01-27', '2020-01-30', '2020-01-31'].map((d) => cn.has(d))).toEqual([false, false, false, true]);
    expect(['2020-01-24', '2020-01-27', '2020-01-28'].map((d) => hk.has(d))).toEqual([true, false, true]);
    // National Day week: Tue 2019-10-01 .. Mon 10-07 closed in CN; HK closed on 10-01 only.
    expect(['2019-10-01', '2019-10-07', '2019-10-08'].map((d) => cn.has(d))).toEqual([false, false, true]);
    expect(['2019-10-01', '2019-10-02'].map((d) => hk.has(d))).toEqual([false, true]);
    expect(dates('USDCNY.csv').has('2019-07-04')).toBe(true);
  });

  it('has realistic volatilities, correlated sleeves, and FX inside its bands', () => {
    // Targets from sampleUniverse (regimes shift volatility in time, normalised to keep its mean).
    expect(annualVol('SPY.csv')).toBeGreaterThan(0.13);
    expect(annualVol('SPY.csv')).toBeLessThan(0.2);
    expect(annualVol('TLT.csv')).toBeGreaterThan(0.11);
    expect(annualVol('TLT.csv')).toBeLessThan(0.18);
    expect(annualVol('GLD.csv')).toBeGreaterThan(0.12);
    expect(annualVol('GLD.csv')).toBeLessThan(0.19);
    expect(annualVol('NVDA.csv')).toBeGreaterThan(0.3);
    expect(annualVol('NVDA.csv')).toBeLessThan(0.5);
    const [nv, amd] = commonReturns('NVDA.csv', 'AMD.csv');
    const [nv2, tlt] = commonReturns('NVDA.csv', 'TLT.csv');
    const [gld, iau] = commonReturns('GLD.csv', 'IAU.csv');
    expect(corr(nv, amd)).toBeGreaterThan(0.4);
    expect(Math.abs(corr(nv2, tlt))).toBeLessThan(0.15);
    expect(corr(gld, iau)).toBeGreaterThan(0.85);
    const cny = series('USDCNY.csv').prices;
    const hkd = series('USDHKD.csv').prices;
    expect(Math.min(...cny)).toBeGreaterThan(6.15);
    expect(Math.max(...cny)).toBeLessThan(7.35);
    expect(Math.min(...hkd)).toBeGreaterThanOrEqual(7.75);
    expect(Math.max(...hkd)).toBeLessThanOrEqual(7.85);
  });

  it('puts the 2020 crash into the equity series', () => {
    const spy = series('SPY.csv');
    const at = (iso: string): number => spy.prices[spy.dates.indexOf(Date.parse(iso) / 86_400_000)] as number;
    // World factor moves −3 over the regime; SPY's loading 0.155 → exp(−0.465) − 1 ≈ −37% plus noise (sd ≈ 11%).
    expect(at('2020-03-23') / at('2020-02-19') - 1).toBeLessThan(-0.2);
  });

  it('rejects a bad seed', () => {
    expect(() => generateSample(-1)).toThrow(/--seed: got -1, expected a whole number/);
    expect(() => generateSample(1.5)).toThrow(/--seed/);
  });
});

describe('createRng', () => {
  it('draws normals and unit-variance Student-t with the right moments', () => {
    const rng = createRng(42);
    const n = 200_000;
    let s1 = 0;
    let s2 = 0;
    let t2 = 0;
    let t4 = 0;
    for (let i = 0; i < n; i++) {
      const z = rng.normal();
      s1 += z;
      s2 += z * z;
      const t = rng.studentT(5);
      t2 += t * t;
      t4 += t ** 4;
    }
    // Standard errors: mean 1/√n ≈ 0.0022, variance √(2/n) ≈ 0.0032; 5 s.e. bounds.
    expect(Math.abs(s1 / n)).toBeLessThan(0.012);
    expect(Math.abs(s2 / n - 1)).toBeLessThan(0.016);
    expect(Math.abs(t2 / n - 1)).toBeLessThan(0.05);
    // Student-t(5) kurtosis is 3 + 6/(ν − 4) = 9: clearly fatter than the normal's 3.
    expect(t4 / n / (t2 / n) ** 2).toBeGreaterThan(5);
  });

  it('is reproducible and uniform in [0, 1)', () => {
    const a = createRng(1);
    const b = createRng(1);
    const xs = Array.from({ length: 1000 }, () => a.uniform());
    expect(Array.from({ length: 1000 }, () => b.uniform())).toEqual(xs);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
  });
});
