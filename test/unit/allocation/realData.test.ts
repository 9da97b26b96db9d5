/**
 * The allocators on real prices (../shared/data/real, see its SOURCES.md): five ETFs/stocks over
 * the 252 common trading days ending 2023-12-29. Each result is checked against a certificate
 * computed independently in the test (naive covariance, KKT conditions, price ratios).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { allocate, parseAllocationSpec } from '../../../src/allocation/registry.js';
import type { AllocationInput } from '../../../src/allocation/types.js';
import { naiveCovariance } from './syntheticInput.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const dir = path.resolve(repoRoot, '../shared/data/real');
const TICKERS = ['SPY', 'TLT', 'GLD', 'XLU', 'NVDA'];

function adjClose(ticker: string): Map<string, number> {
  const lines = readFileSync(path.join(dir, `${ticker}.csv`), 'utf8').trim().split('\n');
  const header = lines[0]!.split(',');
  const col = header.indexOf('adj_close');
  const out = new Map<string, number>();
  for (const line of lines.slice(1)) {
    const cells = line.split(',');
    const v = Number(cells[col]);
    if (cells[0]! >= '2022-01-01' && cells[0]! <= '2023-12-31' && v > 0) out.set(cells[0]!, v);
  }
  return out;
}

function load(): { input: AllocationInput; prices: number[][] } {
  const series = TICKERS.map(adjClose);
  const dates = [...series[0]!.keys()].filter((d) => series.every((s) => s.has(d))).sort();
  const last = dates.slice(-253); // 253 prices → 252 returns
  const prices = series.map((s) => last.map((d) => s.get(d)!));
  const length = 252;
  const returns = new Float64Array(TICKERS.length * length);
  prices.forEach((p, i) => {
    for (let s = 0; s < length; s++) returns[i * length + s] = p[s + 1]! / p[s]! - 1;
  });
  return { input: { n: TICKERS.length, names: TICKERS, returns, length, eligible: new Uint8Array(TICKERS.length).fill(1) }, prices };
}

const times = (cov: number[][], w: ArrayLike<number>) => cov.map((row) => row.reduce((s, c, j) => s + c * (w[j] as number), 0));

describe.skipIf(!existsSync(dir))('allocators on real prices', () => {
  it('minVariance with a 0.4 cap meets the KKT conditions on the naive covariance', () => {
    const { input } = load();
    const cov = naiveCovariance(input);
    const w = allocate(parseAllocationSpec({ method: 'minVariance', maxWeight: 0.4 }), input).weights;
    const g = times(cov, w);
    const free = [...w].flatMap((v, i) => (v > 1e-12 && v < 0.4 - 1e-12 ? [i] : []));
    expect(free.length).toBeGreaterThan(0);
    const lambda = g[free[0]!]!;
    w.forEach((v, i) => {
      if (v <= 1e-12) expect(g[i]! - lambda, `${TICKERS[i]} at 0`).toBeGreaterThan(-1e-12);
      else if (v >= 0.4 - 1e-12) expect(lambda - g[i]!, `${TICKERS[i]} at cap`).toBeGreaterThan(-1e-12);
      else expect(Math.abs(g[i]! - lambda) / lambda, `${TICKERS[i]} free`).toBeLessThan(1e-9);
    });
    expect([...w].reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  it('riskParity equalises risk contributions', () => {
    const { input } = load();
    const cov = naiveCovariance(input);
    const w = allocate(parseAllocationSpec({ method: 'riskParity' }), input).weights;
    const rc = times(cov, w).map((v, i) => v * (w[i] as number));
    const mean = rc.reduce((a, b) => a + b, 0) / rc.length;
    expect((Math.max(...rc) - Math.min(...rc)) / mean).toBeLessThan(1e-8);
  });

  it('inverseVol over 63 rows equals 1/sd from the naive covariance of those rows', () => {
    const { input } = load();
    const tail: AllocationInput = {
      ...input,
      length: 63,
      returns: Float64Array.from(TICKERS.flatMap((_, i) => [...input.returns.subarray(i * 252 + 189, (i + 1) * 252)])),
    };
    const inv = naiveCovariance(tail).map((row, i) => 1 / Math.sqrt(row[i]!));
    const total = inv.reduce((a, b) => a + b, 0);
    const w = allocate(parseAllocationSpec({ method: 'inverseVol' }), input).weights;
    inv.forEach((v, i) => expect(w[i]).toBeCloseTo(v / total, 13));
  });

  it('momentumTopK picks the two best 126-day price ratios', () => {
    const { input, prices } = load();
    const mom = prices.map((p) => p[252]! / p[252 - 126]! - 1);
    const best = mom
      .map((m, i) => [m, i] as const)
      .sort((a, b) => b[0] - a[0])
      .slice(0, 2)
      .map(([, i]) => i);
    const w = allocate(parseAllocationSpec({ method: 'momentumTopK', k: 2 }), input).weights;
    w.forEach((v, i) => expect(v).toBe(best.includes(i) ? 0.5 : 0));
  });
});
