import { describe, expect, it } from 'vitest';
import { effectiveBets } from '../../../src/metrics/effectiveBets.js';
import { lowRankRisk } from '../../../src/metrics/lowRankRisk.js';
import { rebalanceRisk } from '../../../src/metrics/rebalanceRisk.js';
import { symmetricEigen } from '../../../src/numeric/symmetricEigen.js';

function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32 - 0.5;
  };
}

/** The naive reference: sample covariance of the complete rows, RC = w∘Σw / wᵀΣw, Meucci's bets by Jacobi. */
function naiveRisk(returns: number[][], w: number[]): { rc: number[]; bets: number } {
  const k = w.length;
  const rows = returns[0]!.map((_, s) => s).filter((s) => returns.every((col) => !Number.isNaN(col[s]!)));
  const t = rows.length;
  const mean = returns.map((col) => rows.reduce((a, s) => a + col[s]!, 0) / t);
  const cov = new Float64Array(k * k);
  for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) {
    cov[i * k + j] = rows.reduce((a, s) => a + (returns[i]![s]! - mean[i]!) * (returns[j]![s]! - mean[j]!), 0) / (t - 1);
  }
  const sw = w.map((_, i) => w.reduce((a, wj, j) => a + cov[i * k + j]! * wj, 0));
  const variance = w.reduce((a, wi, i) => a + wi * sw[i]!, 0);
  const { values, vectors } = symmetricEigen(cov, k);
  const c = Array.from(values, (l, m) => Math.max(0, l) * w.reduce((a, wi, i) => a + vectors[i * k + m]! * wi, 0) ** 2);
  const total = c.reduce((a, b) => a + b, 0);
  const bets = Math.exp(-c.reduce((a, x) => (x > 0 ? a + (x / total) * Math.log(x / total) : a), 0));
  return { rc: w.map((wi, i) => (wi * sw[i]!) / variance), bets };
}

function center(returns: number[][]): Float64Array {
  const t = returns[0]!.length;
  const x = new Float64Array(returns.length * t);
  returns.forEach((col, i) => {
    const m = col.reduce((a, b) => a + b, 0) / t;
    col.forEach((v, r) => (x[i * t + r] = v - m));
  });
  return x;
}

describe('lowRankRisk (Gram-matrix risk figures for T < k) against the covariance + Jacobi reference', () => {
  it('equals RC and effective bets to 1e-10 on random windows', () => {
    const rand = lcg(5);
    for (const [k, t] of [[3, 2], [10, 5], [40, 21], [120, 63]] as const) {
      const returns = Array.from({ length: k }, () => Array.from({ length: t }, () => 0.02 * rand()));
      const w = Array.from({ length: k }, () => rand() + 0.6);
      const got = lowRankRisk(center(returns), k, t, Float64Array.from(w));
      const ref = naiveRisk(returns, w);
      for (let i = 0; i < k; i++) expect(Math.abs(got.rc[i]! - ref.rc[i]!)).toBeLessThan(1e-10);
      expect(Math.abs(got.bets - ref.bets)).toBeLessThan(1e-10);
      // Σ RC = 1 (Euler): a check independent of the reference.
      expect(Math.abs(got.rc.reduce((a, b) => a + b, 0) - 1)).toBeLessThan(1e-12);
    }
  });

  it('one bet for a portfolio whose window returns are one factor times loadings (rank 1)', () => {
    // x_{i,r} = β_i f_r, so Σ = σ_f² ββᵀ: one principal portfolio carries all the variance, bets = 1.
    const f = [0.01, -0.02, 0.005, 0.03, -0.01];
    const beta = [1, 2, 0.5, 1.5, 3, 0.7, 1.1];
    const returns = beta.map((b) => f.map((x) => b * x));
    const got = lowRankRisk(center(returns), beta.length, f.length, Float64Array.from(beta, () => 1 / 7));
    expect(got.bets).toBeCloseTo(1, 12);
    // RC_i = w_i β_i (βᵀw) σ² / ((βᵀw)² σ²) = β_i / Σβ with equal weights: β_0 / 9.8 = 0.1020408…
    expect(got.rc[0]).toBeCloseTo(1 / 9.8, 12);
  });

  it('zero variance (a constant window) gives NaN', () => {
    const got = lowRankRisk(new Float64Array(3 * 2), 3, 2, Float64Array.of(0.2, 0.3, 0.5));
    expect(Number.isNaN(got.rc[0]!)).toBe(true);
    expect(Number.isNaN(got.bets)).toBe(true);
  });

  it('rebalanceRisk takes the Gram path for 60 held assets and a 21-row window, with a NaN row, equal to the reference', () => {
    const rand = lcg(9);
    const nAssets = 60;
    const nDates = 80;
    const returns = new Float64Array(nAssets * nDates);
    const weights = new Float64Array(nAssets * nDates);
    for (let a = 0; a < nAssets; a++) {
      for (let t = 0; t < nDates; t++) {
        returns[a * nDates + t] = t === 0 ? Number.NaN : 0.02 * rand();
        weights[a * nDates + t] = a % 7 === 3 ? 0 : 0.5 + rand();
      }
    }
    returns[5 * nDates + 70] = Number.NaN; // row 70 is incomplete: dropped from the window at row 79
    const rows = Int32Array.of(40, 79);
    const got = rebalanceRisk(weights, returns, nAssets, nDates, rows, 21);
    const sums = new Float64Array(nAssets);
    rows.forEach((t, r) => {
      const held = Array.from({ length: nAssets }, (_, a) => a).filter((a) => weights[a * nDates + t]! > 0);
      const window = held.map((a) => Array.from(returns.subarray(a * nDates + t - 20, a * nDates + t + 1)));
      const ref = naiveRisk(window, held.map((a) => weights[a * nDates + t]!));
      expect(Math.abs(got.effectiveBets[r]! - ref.bets)).toBeLessThan(1e-10);
      held.forEach((a, i) => (sums[a] = sums[a]! + ref.rc[i]!));
    });
    expect(got.used).toBe(2);
    for (let a = 0; a < nAssets; a++) expect(Math.abs(got.meanRiskContribution[a]! - sums[a]! / 2)).toBeLessThan(1e-10);
  });

  it('effectiveBets (QL) equals the Jacobi reference on a full-rank covariance', () => {
    const rand = lcg(3);
    const k = 25;
    const returns = Array.from({ length: k }, () => Array.from({ length: 252 }, () => 0.02 * rand()));
    const w = Array.from({ length: k }, () => rand() + 0.6);
    const x = center(returns);
    const cov = new Float64Array(k * k);
    for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) {
      let s = 0;
      for (let r = 0; r < 252; r++) s += x[i * 252 + r]! * x[j * 252 + r]!;
      cov[i * k + j] = s / 251;
    }
    expect(Math.abs(effectiveBets(cov, Float64Array.from(w)) - naiveRisk(returns, w).bets)).toBeLessThan(1e-10);
  });
});
