/**
 * The factor regression against an independent least-squares fit written here: a QR
 * factorisation of [1, f_1..f_k] by modified Gram–Schmidt (β = R⁻¹Qᵀy, (XᵀX)⁻¹ = R⁻¹R⁻ᵀ), and the
 * one-factor closed form b = cov/var; collinear factors give null with a warning, never NaN.
 */
import { describe, expect, it } from 'vitest';
import { completeRows, olsFit } from '../../../src/attribution/factorRegression.js';
import { factorExposure } from '../../../src/attribution/factorExposure.js';
import { rollingFactorBetas } from '../../../src/attribution/rollingFactorBetas.js';

/** A small deterministic generator (mulberry32) and roughly normal draws (sum of 4 uniforms). */
function draws(seed: number) {
  let a = seed >>> 0;
  const uniform = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return () => (uniform() + uniform() + uniform() + uniform() - 2) * 0.01;
}

/** Independent OLS with intercept by modified Gram–Schmidt QR. */
function qrFit(y: number[], cols: number[][]) {
  const n = y.length;
  const X = [new Array(n).fill(1), ...cols];
  const p = X.length;
  const Q = X.map((c) => [...c]);
  const R = Array.from({ length: p }, () => new Array(p).fill(0));
  for (let j = 0; j < p; j++) {
    for (let i = 0; i < j; i++) {
      let d = 0;
      for (let t = 0; t < n; t++) d += Q[i]![t]! * Q[j]![t]!;
      R[i]![j] = d;
      for (let t = 0; t < n; t++) Q[j]![t]! -= d * Q[i]![t]!;
    }
    let norm = 0;
    for (let t = 0; t < n; t++) norm += Q[j]![t]! ** 2;
    norm = Math.sqrt(norm);
    R[j]![j] = norm;
    for (let t = 0; t < n; t++) Q[j]![t]! /= norm;
  }
  const qty = Q.map((q) => q.reduce((s, v, t) => s + v * y[t]!, 0));
  // Back substitution R β = Qᵀy.
  const beta = new Array(p).fill(0);
  for (let i = p - 1; i >= 0; i--) {
    let s = qty[i]!;
    for (let j = i + 1; j < p; j++) s -= R[i]![j]! * beta[j]!;
    beta[i] = s / R[i]![i]!;
  }
  // R⁻¹ (upper triangular), then diag((XᵀX)⁻¹) = row sums of squares of R⁻¹.
  const Rinv = Array.from({ length: p }, () => new Array(p).fill(0));
  for (let j = 0; j < p; j++) {
    Rinv[j]![j] = 1 / R[j]![j]!;
    for (let i = j - 1; i >= 0; i--) {
      let s = 0;
      for (let k = i + 1; k <= j; k++) s += R[i]![k]! * Rinv[k]![j]!;
      Rinv[i]![j] = -s / R[i]![i]!;
    }
  }
  const diag = Rinv.map((row) => row.reduce((s, v) => s + v * v, 0));
  let rss = 0;
  let tss = 0;
  const mean = y.reduce((s, v) => s + v, 0) / n;
  for (let t = 0; t < n; t++) {
    let fit = beta[0]!;
    for (let j = 1; j < p; j++) fit += beta[j]! * X[j]![t]!;
    rss += (y[t]! - fit) ** 2;
    tss += (y[t]! - mean) ** 2;
  }
  const sigma2 = rss / (n - p);
  const t = beta.map((b, j) => b / Math.sqrt(sigma2 * diag[j]!));
  return { alpha: beta[0]!, betas: beta.slice(1), alphaT: t[0]!, tStats: t.slice(1), r2: 1 - rss / tss };
}

describe('olsFit', () => {
  const next = draws(7);
  const n = 300;
  const f = [0, 1, 2].map(() => Array.from({ length: n }, next));
  // f2 correlated with f1; y = 0.0002 + 0.8 f1 − 0.3 f2 + 0.5 f3 + noise.
  for (let t = 0; t < n; t++) f[1]![t] = 0.6 * f[0]![t]! + 0.4 * f[1]![t]!;
  const y = Array.from({ length: n }, (_, t) => 0.0002 + 0.8 * f[0]![t]! - 0.3 * f[1]![t]! + 0.5 * f[2]![t]! + 0.5 * next());
  const factors = f.map((c) => Float64Array.from(c));
  const Y = Float64Array.from(y);

  it('equals an independent QR fit: betas, alpha, t-statistics and R²', () => {
    const fit = olsFit(Y, factors, completeRows(Y, factors));
    if ('reason' in fit) throw new Error(fit.reason);
    const ref = qrFit(y, f);
    expect(fit.periods).toBe(n);
    for (let j = 0; j < 3; j++) {
      expect(Math.abs(fit.betas[j]! - ref.betas[j]!)).toBeLessThan(1e-10);
      expect(Math.abs(fit.tStats[j]! - ref.tStats[j]!)).toBeLessThan(1e-8 * Math.abs(ref.tStats[j]!));
    }
    expect(Math.abs(fit.alpha - ref.alpha)).toBeLessThan(1e-12);
    expect(Math.abs(fit.alphaTStat! - ref.alphaT)).toBeLessThan(1e-8 * Math.abs(ref.alphaT));
    expect(Math.abs(fit.rSquared! - ref.r2)).toBeLessThan(1e-12);
  });

  it('with one factor is cov/var', () => {
    const x = f[0]!;
    const mx = x.reduce((s, v) => s + v, 0) / n;
    const my = y.reduce((s, v) => s + v, 0) / n;
    let cov = 0;
    let v = 0;
    for (let t = 0; t < n; t++) {
      cov += (x[t]! - mx) * (y[t]! - my);
      v += (x[t]! - mx) ** 2;
    }
    const fit = olsFit(Y, [factors[0]!], completeRows(Y, [factors[0]!]));
    if ('reason' in fit) throw new Error(fit.reason);
    expect(Math.abs(fit.betas[0]! - cov / v)).toBeLessThan(1e-12);
    expect(Math.abs(fit.alpha - (my - (cov / v) * mx))).toBeLessThan(1e-14);
  });

  it('leaves out rows where any series is missing', () => {
    const Yg = Float64Array.from(y);
    Yg[3] = NaN;
    const fg = factors.map((c) => Float64Array.from(c));
    fg[2]![10] = NaN;
    const rows = completeRows(Yg, fg);
    expect(rows.length).toBe(n - 2);
    const fit = olsFit(Yg, fg, rows);
    if ('reason' in fit) throw new Error(fit.reason);
    const keep = (c: number[]) => c.filter((_, t) => t !== 3 && t !== 10);
    const ref = qrFit(keep(y), f.map(keep));
    for (let j = 0; j < 3; j++) expect(Math.abs(fit.betas[j]! - ref.betas[j]!)).toBeLessThan(1e-10);
  });

  it('refuses collinear factors and too few rows', () => {
    const sum = Float64Array.from(factors[0]!, (v, t) => v + factors[1]![t]!);
    const collinear = olsFit(Y, [factors[0]!, factors[1]!, sum], completeRows(Y, factors));
    expect(collinear).toEqual({ reason: 'the factors are collinear over the common periods' });
    expect(olsFit(Y, factors, Int32Array.of(0, 1, 2, 3))).toEqual({ reason: '4 common periods, needs more than 4' });
  });
});

describe('factorExposure', () => {
  const next = draws(11);
  const n = 400;
  const spy = Float64Array.from({ length: n }, next);
  const y = Float64Array.from(spy, (v) => 1.2 * v + 0.0001 + 0.3 * next());
  spy[0] = NaN;
  y[0] = 0; // row 0 (the start day) has no return and is ignored

  it('annualises alpha as intercept × P and states it', () => {
    const { exposure } = factorExposure(y, [spy], ['SPY'], 252);
    const fit = olsFit(Float64Array.from(y, (v, t) => (t === 0 ? NaN : v)), [spy], completeRows(Float64Array.from(y, (v, t) => (t === 0 ? NaN : v)), [spy]));
    if ('reason' in fit) throw new Error(fit.reason);
    expect(exposure.periods).toBe(n - 1);
    expect(exposure.alpha).toBeCloseTo(fit.alpha * 252, 15);
    expect(exposure.betas['SPY']).toBe(fit.betas[0]);
    expect(exposure.alphaConvention).toMatch(/× periods per year/);
  });

  it('gives null with a warning for collinear factors, never NaN', () => {
    const twice = Float64Array.from(spy, (v) => 2 * v);
    const { exposure, warnings, rollingBetas } = factorExposure(y, [spy, twice], ['SPY', 'SPY2'], 252);
    expect(exposure.betas).toEqual({ SPY: null, SPY2: null });
    expect(exposure.alpha).toBeNull();
    expect(exposure.rSquared).toBeNull();
    expect(warnings.join()).toMatch(/collinear/);
    expect(JSON.stringify({ exposure, rollingBetas })).not.toMatch(/NaN|Infinity/);
    expect(rollingBetas['SPY']!.every((v) => v === null)).toBe(true);
  });
});

describe('rollingFactorBetas', () => {
  it('is the one-year cov/var over the trailing window, null before it', () => {
    const next = draws(3);
    const n = 40;
    const x = Float64Array.from({ length: n }, next);
    const y = Float64Array.from(x, (v) => 0.7 * v + next());
    x[0] = NaN;
    y[0] = NaN;
    const w = 10;
    const [betas] = rollingFactorBetas(y, [x], w);
    for (let t = 0; t < w; t++) expect(betas![t]).toBeNull();
    for (const t of [10, 25, 39]) {
      const xs = Array.from(x.subarray(t - w + 1, t + 1));
      const ys = Array.from(y.subarray(t - w + 1, t + 1));
      const mx = xs.reduce((s, v) => s + v, 0) / w;
      const my = ys.reduce((s, v) => s + v, 0) / w;
      let cov = 0;
      let v = 0;
      for (let i = 0; i < w; i++) {
        cov += (xs[i]! - mx) * (ys[i]! - my);
        v += (xs[i]! - mx) ** 2;
      }
      expect(Math.abs(betas![t]! - cov / v)).toBeLessThan(1e-12);
    }
  });

  it('with two factors and gaps equals a fresh fit of every window (sliding sums, refreshed every window)', () => {
    const next = draws(5);
    const n = 120;
    const w = 20;
    const f1 = Float64Array.from({ length: n }, next);
    const f2 = Float64Array.from(f1, (v) => 0.5 * v + next());
    const y = Float64Array.from(f1, (v, t) => 0.9 * v - 0.4 * f2[t]! + 0.3 * next());
    y[0] = NaN;
    f2[30] = NaN; // a factor gap: row 30 leaves every window that holds it
    y[77] = NaN;
    const rolling = rollingFactorBetas(y, [f1, f2], w);
    for (let t = w; t < n; t++) {
      const fit = olsFit(y, [f1, f2], completeRows(y, [f1, f2], t - w + 1, t + 1), false);
      if ('reason' in fit) throw new Error(fit.reason);
      expect(Math.abs(rolling[0]![t]! - fit.betas[0]!)).toBeLessThan(1e-10);
      expect(Math.abs(rolling[1]![t]! - fit.betas[1]!)).toBeLessThan(1e-10);
    }
  });
});
