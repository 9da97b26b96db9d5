/**
 * PBO by CSCV against a naive implementation written here from the paper's steps (Bailey,
 * Borwein, López de Prado & Zhu 2017, §2): explicit row lists, two-pass mean and standard
 * deviation, ranks by sorting; and on constructed cases.
 */
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../src/robust/prng.js';
import { combinations, probabilityOfOverfitting } from '../../../src/validation/probabilityOfOverfitting.js';

/** N series of T draws from N(mean[n], sd²) (Box–Muller on a seeded uniform). */
function gaussianSeries(seed: number, N: number, T: number, sd: number, mean: (n: number) => number = () => 0): Float64Array[] {
  const u = mulberry32(seed);
  return Array.from({ length: N }, (_, n) => Float64Array.from({ length: T }, () => mean(n) + sd * Math.sqrt(-2 * Math.log(1 - u())) * Math.cos(2 * Math.PI * u())));
}

function naiveSharpe(xs: number[]): number {
  const m = xs.reduce((a, b) => a + b, 0) / xs.length;
  const v = xs.reduce((a, b) => a + (b - m) ** 2, 0) / (xs.length - 1);
  return v > 1e-30 ? m / Math.sqrt(v) : 0;
}

function naivePbo(series: Float64Array[], S: number, embargo: number): { pbo: number; loss: number; logits: number[]; slope: number } {
  const T = series[0]!.length;
  const size = Math.floor(T / S);
  const skip = T - size * S;
  const blocks = Array.from({ length: S }, (_, b) => Array.from({ length: size }, (_, i) => skip + b * size + i));
  const logits: number[] = [];
  const xs: number[] = [];
  const ys: number[] = [];
  for (const train of combinations(S, S / 2)) {
    const test = blocks.map((_, b) => b).filter((b) => !train.includes(b));
    // Training rows: the training blocks, less the first `embargo` rows of one that follows a test block.
    const trainRows = train.flatMap((b) => (b > 0 && !train.includes(b - 1) ? blocks[b]!.slice(embargo) : blocks[b]!));
    const testRows = test.flatMap((b) => blocks[b]!);
    const is = series.map((s) => naiveSharpe(trainRows.map((t) => s[t]!)));
    const os = series.map((s) => naiveSharpe(testRows.map((t) => s[t]!)));
    const best = is.indexOf(Math.max(...is));
    // Mid-rank of the chosen variant's out-of-sample Sharpe, 1 = worst.
    const sorted = [...os].sort((a, b) => a - b);
    const first = sorted.indexOf(os[best]!) + 1;
    const last = sorted.lastIndexOf(os[best]!) + 1;
    const w = (first + last) / 2 / (series.length + 1);
    logits.push(Math.log(w / (1 - w)));
    xs.push(is[best]!);
    ys.push(os[best]!);
  }
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  const slope = xs.reduce((a, x, i) => a + (x - mx) * (ys[i]! - my), 0) / xs.reduce((a, x) => a + (x - mx) ** 2, 0);
  return { pbo: logits.filter((l) => l <= 0).length / logits.length, loss: ys.filter((y) => y < 0).length / ys.length, logits, slope };
}

describe('probabilityOfOverfitting', () => {
  it('C(n, k) in lexicographic order', () => {
    expect(combinations(4, 2)).toEqual([[0, 1], [0, 2], [0, 3], [1, 2], [1, 3], [2, 3]]);
    expect(combinations(16, 8).length).toBe(12870); // 16! / (8! · 8!)
  });

  it.each([
    [8, 0],
    [8, 3],
    [6, 0],
  ])('equals the naive implementation (S = %i, embargo = %i)', (S, embargo) => {
    // 7 variants over 403 days: 403 = 8·50 + 3 (S = 8 leaves the 3 oldest out), = 6·67 + 1.
    const series = gaussianSeries(11, 7, 403, 0.01, (n) => n * 0.0002);
    const fast = probabilityOfOverfitting(series, { partitions: S, embargo });
    const naive = naivePbo(series, S, embargo);
    expect(fast.pbo).toBe(naive.pbo);
    expect(fast.probabilityOfLoss).toBe(naive.loss);
    expect(fast.logits.length).toBe(naive.logits.length);
    fast.logits.forEach((l, c) => expect(Math.abs(l - naive.logits[c]!)).toBeLessThan(1e-9));
    expect(Math.abs(fast.degradation.slope! - naive.slope)).toBeLessThan(1e-9);
    expect(fast.rowsLeftOut).toBe(403 - S * Math.floor(403 / S));
  });

  it('independent noise variants: PBO near 0.5 on average (the chosen variant is a coin toss out of sample)', () => {
    // Under the null the out-of-sample rank of the in-sample best is uniform on 1..N, so with
    // N = 10 P(rank ≤ 5.5) = 1/2; one data set's PBO varies a lot, so average 30 of them.
    const pbos = Array.from({ length: 30 }, (_, k) => probabilityOfOverfitting(gaussianSeries(100 + k, 10, 400, 0.01), { partitions: 8, embargo: 0 }).pbo);
    const mean = pbos.reduce((a, b) => a + b, 0) / pbos.length;
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.1);
  });

  it('one variant with a planted edge: PBO near 0 and no loss', () => {
    // Variant 0 earns 0.3 standard deviations a day more than nine pure-noise variants.
    const series = gaussianSeries(7, 10, 800, 0.01, (n) => (n === 0 ? 0.003 : 0));
    const r = probabilityOfOverfitting(series, { partitions: 16, embargo: 5 });
    expect(r.combinations).toBe(12870);
    expect(r.pbo).toBeLessThan(0.02);
    expect(r.probabilityOfLoss).toBe(0);
  });

  it('refuses an odd partition count, too few days, and unequal calendars', () => {
    const s = gaussianSeries(1, 3, 100, 0.01);
    expect(() => probabilityOfOverfitting(s, { partitions: 7, embargo: 0 })).toThrow(/--partitions 7: expected an even whole number/);
    expect(() => probabilityOfOverfitting(s, { partitions: 16, embargo: 6 })).toThrow(/100 days in 16 partitions give 6 days each/);
    expect(() => probabilityOfOverfitting([s[0]!, s[1]!.subarray(1)], { partitions: 4, embargo: 0 })).toThrow(/same days/);
  });
});

describe('runCscv (the worker pool)', () => {
  it('gives the serial figures bit for bit with 1 and 2 workers', async () => {
    const { runCscv } = await import('../../../src/validation/runCscv.js');
    const series = gaussianSeries(21, 9, 500, 0.01, (n) => n * 0.0001);
    const serial = probabilityOfOverfitting(series, { partitions: 10, embargo: 3 });
    for (const workers of [1, 2]) {
      const pooled = await runCscv(series, { partitions: 10, embargo: 3, workers });
      expect(pooled).toEqual(serial);
    }
  });
});
