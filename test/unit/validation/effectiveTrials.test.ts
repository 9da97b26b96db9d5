/**
 * Nyholt's effective number of trials against the definition with eigenvalues (Jacobi, on a
 * correlation matrix computed here by two-pass means), closed forms, and the sweep's trial
 * ledger: N = (recorded + this sweep's variants) · effective / variants.
 */
import { describe, expect, it } from 'vitest';
import { symmetricEigen } from '../../../src/numeric/symmetricEigen.js';
import { mulberry32 } from '../../../src/robust/prng.js';
import { deflatedSharpe } from '../../../src/sweep/deflatedSharpe.js';
import { sweepSummarizer } from '../../../src/sweep/sweepSummary.js';
import type { VariantResult } from '../../../src/sweep/variantMetrics.js';
import { effectiveTrials } from '../../../src/validation/effectiveTrials.js';
import { overfittingCollector } from '../../../src/validation/sweepOverfitting.js';

function noise(seed: number, M: number, T: number, mix: number): Float64Array[] {
  const u = mulberry32(seed);
  const g = (): number => Math.sqrt(-2 * Math.log(1 - u())) * Math.cos(2 * Math.PI * u());
  const common = Float64Array.from({ length: T }, g);
  // Each series: mix · common factor + its own noise (correlated when mix > 0).
  return Array.from({ length: M }, () => Float64Array.from({ length: T }, (_, t) => mix * common[t]! + g()));
}

function naiveNyholt(series: Float64Array[]): number {
  const M = series.length;
  const T = series[0]!.length;
  const mean = series.map((s) => s.reduce((a, b) => a + b, 0) / T);
  const sd = series.map((s, i) => Math.sqrt(s.reduce((a, x) => a + (x - mean[i]!) ** 2, 0)));
  const R = new Float64Array(M * M);
  for (let i = 0; i < M; i++) for (let j = 0; j < M; j++) R[i * M + j] = series[i]!.reduce((a, x, t) => a + (x - mean[i]!) * (series[j]![t]! - mean[j]!), 0) / (sd[i]! * sd[j]!);
  const lambda = Array.from(symmetricEigen(R, M).values);
  const m = lambda.reduce((a, b) => a + b, 0) / M;
  const variance = lambda.reduce((a, x) => a + (x - m) ** 2, 0) / (M - 1);
  return 1 + (M - 1) * (1 - variance / M);
}

describe('effectiveTrials (Nyholt 2004)', () => {
  it.each([0, 0.5, 2])('equals the eigenvalue definition (common-factor weight %s)', (mix) => {
    const s = noise(3, 12, 300, mix);
    expect(Math.abs(effectiveTrials(s) - naiveNyholt(s))).toBeLessThan(1e-9);
  });

  it('closed forms: identical series → 1; exactly uncorrelated series → M; a constant one counts as uncorrelated', () => {
    const x = Float64Array.from([0.01, -0.02, 0.03, 0.0, 0.015]);
    expect(effectiveTrials([x, x, x, x])).toBeCloseTo(1, 12);
    // ±1 columns of a 4×4 Hadamard matrix (without the constant one): mean 0, pairwise orthogonal.
    const h = [Float64Array.from([1, -1, 1, -1]), Float64Array.from([1, 1, -1, -1]), Float64Array.from([1, -1, -1, 1])];
    expect(effectiveTrials(h)).toBeCloseTo(3, 12);
    expect(effectiveTrials([...h, Float64Array.from([0.01, 0.01, 0.01, 0.01])])).toBeCloseTo(4, 12);
    // Two copies of one series and one orthogonal to it: r² = 1 for one pair of 3 → mean 1/3 → 1 + 2·(2/3) = 7/3.
    expect(effectiveTrials([h[0]!, h[0]!, h[1]!])).toBeCloseTo(7 / 3, 12);
  });
});

describe('sweep trial ledger', () => {
  it('deflates the best variant with N = (recorded + variants) · effective / variants', async () => {
    const series = noise(5, 6, 250, 1);
    const results: VariantResult[] = series.map((r, index) => {
      // values: 8 metrics, then periods, skewness, excessKurtosis, periodSharpe.
      const values = [0.1, 0.2, index / 10, 1, 0.2, 0.5, 1, 0.3, 250, 0.1, 1.5, 0.02 + index / 1000];
      return { index, values, nullCount: 0, returns: r };
    });
    const summarizer = sweepSummarizer({ rankBy: 'sharpe' });
    const guard = overfittingCollector({ familySha256: 'f', priorTrials: 14 }, { count: 6, groups: 1, sharded: false, rows: 251 });
    expect(guard.keepReturns).toBe(true);
    results.forEach((r) => (summarizer.add(r), guard.keep(r)));
    const summary = summarizer.finish();
    const { ledger } = (await guard.finish(summary)).fields;
    const eff = naiveNyholt(series);
    // 14 recorded + 6 here = 20 trials; 20 · eff / 6 of them independent.
    expect(ledger.familyTrials).toBe(20);
    expect(Math.abs(ledger.effectiveTrials! - eff)).toBeLessThan(1e-9);
    expect(Math.abs(ledger.trialsUsed - (20 * eff) / 6)).toBeLessThan(1e-9);
    // The best (variant 5, Sharpe 0.5) with the sweep's Sharpe variance.
    const d = deflatedSharpe({ sharpe: 0.025, periods: 250, skewness: 0.1, excessKurtosis: 1.5 }, (20 * eff) / 6, summary.overfitting.sharpeVariance!);
    expect(Math.abs(ledger.deflatedSharpe! - d.deflatedSharpe)).toBeLessThan(1e-9);
    expect(ledger.deflatedSharpe!).toBeLessThan(summary.overfitting.deflatedSharpe!);
  });
});
