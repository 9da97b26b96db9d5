/**
 * The deflated Sharpe ratio against the worked example of Bailey & López de Prado (2014) and
 * against the formula evaluated step by step here with a naive normal distribution (Simpson
 * integration of the density, bisection for the quantile), written in this test.
 */
import { describe, expect, it } from 'vitest';
import { deflatedSharpe, expectedMaxSharpe, probabilisticSharpe } from '../../../src/sweep/deflatedSharpe.js';
import { normalCdf, normalQuantile } from '../../../src/sweep/normalDistribution.js';

/** Φ(x) = ½ + ∫₀ˣ φ(t) dt by composite Simpson with 20,000 intervals (error ~1e-16 for |x| < 8). */
function naiveCdf(x: number): number {
  const n = 20_000;
  const h = x / n;
  const phi = (t: number) => Math.exp((-t * t) / 2) / Math.sqrt(2 * Math.PI);
  let s = phi(0) + phi(x);
  for (let i = 1; i < n; i++) s += (i % 2 === 1 ? 4 : 2) * phi(i * h);
  return 0.5 + (s * h) / 3;
}

/** Φ⁻¹(p) by bisection on naiveCdf over [−10, 10]. */
function naiveQuantile(p: number): number {
  let lo = -10;
  let hi = 10;
  for (let k = 0; k < 60; k++) {
    const mid = (lo + hi) / 2;
    if (naiveCdf(mid) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

describe('normal distribution', () => {
  it('matches tabulated values', () => {
    // Standard tables: Φ(1.96) = 0.9750021048517795, Φ(−1) = 0.15865525393145707, Φ(0) = 0.5.
    expect(normalCdf(1.96)).toBeCloseTo(0.9750021048517795, 14);
    expect(normalCdf(-1)).toBeCloseTo(0.15865525393145707, 14);
    expect(normalCdf(0)).toBe(0.5);
    // Φ⁻¹(0.975) = 1.959963984540054, Φ⁻¹(0.99) = 2.3263478740408408, Φ⁻¹(0.001) = −3.090232306167813.
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 12);
    expect(normalQuantile(0.99)).toBeCloseTo(2.3263478740408408, 12);
    expect(normalQuantile(0.001)).toBeCloseTo(-3.090232306167813, 11);
  });

  it('agrees with the naive reference and inverts itself', () => {
    for (const x of [-6, -3.3, -1.2, -0.01, 0.4, 2.2, 5]) expect(normalCdf(x)).toBeCloseTo(naiveCdf(x), 13);
    for (const p of [1e-6, 0.01, 0.3, 0.5, 0.77, 0.999]) {
      // Deep in the tail both are limited by the absolute accuracy of Φ (~1e-16 / φ(x)).
      expect(normalQuantile(p)).toBeCloseTo(naiveQuantile(p), p < 1e-3 ? 8 : 9);
      expect(normalCdf(normalQuantile(p))).toBeCloseTo(p, 14);
    }
    expect(normalQuantile(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(normalQuantile(1)).toBe(Number.POSITIVE_INFINITY);
    expect(normalQuantile(1.5)).toBeNaN();
  });
});

describe('deflated Sharpe ratio', () => {
  it("reproduces the paper's example (N = 100, V = 1/2 annualised, SR = 2.5 annualised, T = 1250, skew −3, kurtosis 10)", () => {
    // Per period with 250 days a year: V = 0.5 / 250 = 0.002, SR* = 2.5 / √250 = 0.158114.
    // Φ⁻¹(1 − 1/100) = 2.326348, Φ⁻¹(1 − 1/(100e)) = Φ⁻¹(0.996321) = 2.680;
    // SR₀ = √0.002 · (0.422784 · 2.326348 + 0.577216 · 2.680) = 0.044721 · 2.5310 = 0.1132 (the paper: 0.1132).
    const sr0 = expectedMaxSharpe(100, 0.5 / 250);
    expect(sr0).toBeCloseTo(0.1132, 4);
    // z = (0.158114 − 0.1132) · √1249 / √(1 + 3 · 0.158114 + (10 − 1)/4 · 0.025) = 1.587 / 1.2372 = 1.283;
    // DSR = Φ(1.283) ≈ 0.900 (the paper: 0.9004).
    const dsr = deflatedSharpe({ sharpe: 2.5 / Math.sqrt(250), periods: 1250, skewness: -3, excessKurtosis: 7 }, 100, 0.5 / 250);
    expect(dsr.deflatedSharpe).toBeCloseTo(0.9004, 3);
  });

  it('equals the formula evaluated step by step with the naive normal distribution', () => {
    const N = 37;
    const V = 0.0004;
    const g = 0.5772156649015329;
    const sr0 = Math.sqrt(V) * ((1 - g) * naiveQuantile(1 - 1 / N) + g * naiveQuantile(1 - 1 / (N * Math.E)));
    expect(expectedMaxSharpe(N, V)).toBeCloseTo(sr0, 10);
    const obs = { sharpe: 0.08, periods: 2000, skewness: -0.5, excessKurtosis: 4 };
    // γ₄ = 4 + 3 = 7: denominator √(1 + 0.5·0.08 + (7 − 1)/4 · 0.0064) = √1.0496.
    const z = ((0.08 - sr0) * Math.sqrt(1999)) / Math.sqrt(1 + 0.04 + 1.5 * 0.0064);
    expect(probabilisticSharpe(obs, sr0)).toBeCloseTo(naiveCdf(z), 10);
    expect(deflatedSharpe(obs, N, V).deflatedSharpe).toBeCloseTo(naiveCdf(z), 10);
  });

  it('has no selection penalty with one trial and a larger one with more trials', () => {
    expect(expectedMaxSharpe(1, 0.01)).toBe(0);
    // PSR(0) with SR 0.05, T 1001, normal returns: Φ(0.05 · √1000 / √(1 + 0.5 · 0.0025)) = Φ(1.58015) = 0.94297.
    expect(probabilisticSharpe({ sharpe: 0.05, periods: 1001, skewness: 0, excessKurtosis: 0 }, 0)).toBeCloseTo(naiveCdf((0.05 * Math.sqrt(1000)) / Math.sqrt(1.00125)), 12);
    expect(expectedMaxSharpe(1000, 0.01)).toBeGreaterThan(expectedMaxSharpe(10, 0.01));
    expect(probabilisticSharpe({ sharpe: 0.05, periods: 1, skewness: 0, excessKurtosis: 0 }, 0)).toBeNaN();
  });
});
