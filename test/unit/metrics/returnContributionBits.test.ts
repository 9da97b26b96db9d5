/**
 * returnContribution and windowSums run one loop per case (plain or linked sums; one series or
 * a pair). Each must give the same bits as the general loop they replace, written out here as
 * a naive reference: every term w_{i,t−1}·(scale at t = 1)·β_t·r_{i,t} in row order, NaN returns
 * with a non-zero weight skipped and counted, Neumaier's carry added only with coefficients;
 * and for windowSums the slide-and-resum of every finite row (both finite for a pair).
 */
import { describe, expect, it } from 'vitest';
import { returnContribution, returnContributions } from '../../../src/metrics/returnContribution.js';
import { windowSums } from '../../../src/metrics/windowSums.js';

/** The general loop: one expression for every row and both cases. */
function referenceContribution(weights: Float64Array, r: Float64Array, nAssets: number, nDates: number, scale: number, beta?: Float64Array) {
  const contributions = new Float64Array(nAssets);
  let missing = 0;
  for (let a = 0; a < nAssets; a++) {
    let sum = 0;
    let carry = 0;
    for (let t = 1; t < nDates; t++) {
      const w = weights[a * nDates + t - 1]! * (t === 1 ? scale : 1) * (beta ? beta[t]! : 1);
      if (w === 0) continue;
      const x0 = r[a * nDates + t]!;
      if (Number.isNaN(x0)) {
        missing++;
        continue;
      }
      const x = w * x0;
      const next = sum + x;
      carry += Math.abs(sum) >= Math.abs(x) ? sum - next + x : x - next + sum;
      sum = next;
    }
    contributions[a] = beta ? sum + carry : sum;
  }
  return { contributions, missing };
}

/** The general sliding sums: a finite-row test per row, the pair's sums computed in both cases. */
function referenceSums(x: Float64Array, y: Float64Array | null, w: number) {
  const n = x.length;
  const out = { count: new Float64Array(n), sx: new Float64Array(n), sxx: new Float64Array(n), sy: new Float64Array(y ? n : 0), syy: new Float64Array(y ? n : 0), sxy: new Float64Array(y ? n : 0) };
  let c = 0, sx = 0, sxx = 0, sy = 0, syy = 0, sxy = 0;
  const ok = (s: number) => Number.isFinite(x[s]!) && (y === null || Number.isFinite(y[s]!));
  const add = (s: number, sign: number) => {
    const a = x[s]!;
    const b = y === null ? 0 : y[s]!;
    if (sign > 0) { c++; sx += a; sxx += a * a; sy += b; syy += b * b; sxy += a * b; }
    else { c--; sx -= a; sxx -= a * a; sy -= b; syy -= b * b; sxy -= a * b; }
  };
  for (let t = 0; t < n; t++) {
    if ((t + 1) % w === 0) {
      c = sx = sxx = sy = syy = sxy = 0;
      for (let s = Math.max(0, t - w + 1); s <= t; s++) if (ok(s)) add(s, 1);
    } else {
      if (ok(t)) add(t, 1);
      if (t - w >= 0 && ok(t - w)) add(t - w, -1);
    }
    out.count[t] = c; out.sx[t] = sx; out.sxx[t] = sxx;
    if (y) { out.sy[t] = sy; out.syy[t] = syy; out.sxy[t] = sxy; }
  }
  return out;
}

/** A deterministic generator (Park–Miller), so a failure reproduces. */
function generator(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 16807) % 2147483647) / 2147483647;
}

const sameBits = (a: Float64Array, b: Float64Array) => a.length === b.length && a.every((v, i) => Object.is(v, b[i]));

describe('returnContribution: plain and linked loops give the general loop’s bits', () => {
  for (const seed of [1, 7, 42, 1234]) {
    it(`seed ${seed}: weights with zeros, returns with NaN, a first-period scale, with and without β`, () => {
      const rnd = generator(seed);
      const nAssets = 5;
      const nDates = 400;
      const weights = Float64Array.from({ length: nAssets * nDates }, () => (rnd() < 0.15 ? 0 : rnd() * 0.4));
      const returns = Float64Array.from({ length: nAssets * nDates }, (_, i) => (i % nDates === 0 || rnd() < 0.05 ? Number.NaN : (rnd() - 0.5) * 0.08));
      const beta = Float64Array.from({ length: nDates }, (_, t) => (t === 0 ? 0 : 0.9 + rnd() * 0.2));
      const scale = 1 - rnd() * 0.001;
      for (const b of [undefined, beta]) {
        const got = returnContribution(weights, returns, nAssets, nDates, scale, b);
        const want = referenceContribution(weights, returns, nAssets, nDates, scale, b);
        expect(got.missing).toBe(want.missing);
        expect(sameBits(got.contributions, want.contributions)).toBe(true);
      }
    });
  }

  it('a first-period weight of 0 and a NaN first return are skipped as in the general loop', () => {
    // Asset 0: w_0 = 0 (nothing held at the start), asset 1: r_1 = NaN with w_0 = 0.5 (counted missing).
    const weights = Float64Array.of(0, 0.5, 0.5, 0.5, 0.5, 0.5);
    const returns = Float64Array.of(Number.NaN, 0.1, -0.2, Number.NaN, Number.NaN, 0.3);
    const got = returnContribution(weights, returns, 2, 3, 0.99);
    // Asset 0: 0.5 · (−0.2) = −0.1 (t = 2); asset 1: t = 1 missing, t = 2: 0.5 · 0.3 = 0.15.
    expect(got.missing).toBe(1);
    expect(got.contributions[0]).toBe(0.5 * -0.2);
    expect(got.contributions[1]).toBe(0.5 * 0.3);
    expect(sameBits(got.contributions, referenceContribution(weights, returns, 2, 3, 0.99).contributions)).toBe(true);
  });
});

describe('returnContributions: both sums in one pass, the bits of the two calls', () => {
  for (const seed of [3, 99]) {
    it(`seed ${seed}: plain and linked as returnContribution gives them, missing counted per sum`, () => {
      const rnd = generator(seed);
      const nAssets = 4;
      const nDates = 300;
      const weights = Float64Array.from({ length: nAssets * nDates }, () => (rnd() < 0.2 ? 0 : rnd() * 0.5));
      const returns = Float64Array.from({ length: nAssets * nDates }, (_, i) => (i % nDates === 0 || rnd() < 0.05 ? Number.NaN : (rnd() - 0.5) * 0.06));
      // A zero coefficient on some rows: the linked sum skips (and does not count) what the plain sum counts.
      const beta = Float64Array.from({ length: nDates }, (_, t) => (t === 0 || t % 37 === 0 ? 0 : 0.95 + rnd() * 0.1));
      const scale = 0.9995;
      const both = returnContributions(weights, returns, nAssets, nDates, scale, beta);
      const plain = referenceContribution(weights, returns, nAssets, nDates, scale);
      const linked = referenceContribution(weights, returns, nAssets, nDates, scale, beta);
      expect(both.plain.missing).toBe(plain.missing);
      expect(sameBits(both.plain.contributions, plain.contributions)).toBe(true);
      expect(both.linked!.missing).toBe(linked.missing);
      expect(sameBits(both.linked!.contributions, linked.contributions)).toBe(true);
      const alone = returnContributions(weights, returns, nAssets, nDates, scale, null);
      expect(alone.linked).toBeNull();
      expect(sameBits(alone.plain.contributions, plain.contributions)).toBe(true);
    });
  }
});

describe('windowSums: the one-series and pair loops give the general loop’s bits', () => {
  for (const w of [1, 3, 20, 63]) {
    it(`window ${w}, series with NaN and ±Infinity`, () => {
      const rnd = generator(w + 5);
      const n = 300;
      const x = Float64Array.from({ length: n }, () => (rnd() < 0.05 ? Number.NaN : rnd() < 0.01 ? Number.POSITIVE_INFINITY : (rnd() - 0.5) * 0.1));
      const y = Float64Array.from({ length: n }, () => (rnd() < 0.05 ? Number.NaN : (rnd() - 0.5) * 0.1));
      for (const other of [null, y]) {
        const got = windowSums(x, other, w);
        const want = referenceSums(x, other, w);
        for (const key of ['count', 'sx', 'sxx', 'sy', 'syy', 'sxy'] as const) expect(sameBits(got[key], want[key])).toBe(true);
      }
    });
  }
});
