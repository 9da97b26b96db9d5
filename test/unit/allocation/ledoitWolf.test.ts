import { describe, expect, it } from 'vitest';
import { ledoitWolf } from '../../../src/estimators/ledoitWolf.js';
import { syntheticInput } from './syntheticInput.js';

/**
 * Naive Ledoit-Wolf (2004, JMVA) straight from the paper's definitions with explicit matrices:
 * m = ⟨S, I⟩, d² = ‖S − mI‖², b̄² = (1/T²) Σ_t ‖x_t x_tᵀ − S‖², b² = min(b̄², d²),
 * Σ̂ = (b²/d²) m I + (1 − b²/d²) S, with ⟨A, B⟩ = tr(ABᵀ)/p and S the divisor-T covariance.
 */
function naiveLedoitWolf(cols: number[][]): { cov: number[][]; shrinkage: number } {
  const p = cols.length;
  const t = cols[0]!.length;
  const x = cols.map((c) => {
    const mean = c.reduce((a, b) => a + b, 0) / t;
    return c.map((v) => v - mean);
  });
  const s = x.map((a) => x.map((b) => a.reduce((acc, v, k) => acc + v * b[k]!, 0) / t));
  const norm = (a: number[][]) => a.flat().reduce((acc, v) => acc + v * v, 0) / p;
  const m = s.reduce((acc, row, i) => acc + row[i]!, 0) / p;
  const d2 = norm(s.map((row, i) => row.map((v, j) => v - (i === j ? m : 0))));
  let bbar2 = 0;
  for (let k = 0; k < t; k++) bbar2 += norm(s.map((row, i) => row.map((v, j) => x[i]![k]! * x[j]![k]! - v)));
  bbar2 /= t * t;
  const shrinkage = Math.min(bbar2, d2) / d2;
  return { cov: s.map((row, i) => row.map((v, j) => (1 - shrinkage) * v + (i === j ? shrinkage * m : 0))), shrinkage };
}

describe('ledoitWolf', () => {
  it('a hand case where the shrinkage caps at 1', () => {
    // A = (1, 2, 3), B = (2, 1, 3): demeaned (−1, 0, 1), (0, −1, 1).
    // S = [[2/3, 1/3], [1/3, 2/3]], μ = 2/3, δ² = ‖S − μI‖²/2 = (2/9)/2 = 1/9.
    // ‖x_t‖⁴ = 1, 1, 4 (Σ = 6); ‖S‖² = 10/9; b̄² = (6/3 − 10/9)/(2·3) = 4/27 > 1/9 ⇒ s = 1, Σ̂ = (2/3) I.
    const r = ledoitWolf(Float64Array.of(1, 2, 3, 2, 1, 3), 2, 3);
    expect(r.shrinkage).toBe(1);
    expect([...r.cov].map((v) => Math.round(v * 1e14) / 1e14)).toEqual([2 / 3, 0, 0, 2 / 3].map((v) => Math.round(v * 1e14) / 1e14));
  });

  it('matches the naive implementation on generated data (partial shrinkage)', () => {
    const input = syntheticInput(41, 6, 80);
    const cols = Array.from({ length: 6 }, (_, i) => [...input.returns.subarray(i * 80, (i + 1) * 80)]);
    const naive = naiveLedoitWolf(cols);
    const r = ledoitWolf(input.returns, 6, 80);
    expect(naive.shrinkage).toBeGreaterThan(0);
    expect(naive.shrinkage).toBeLessThan(1);
    expect(r.shrinkage).toBeCloseTo(naive.shrinkage, 12);
    naive.cov.flat().forEach((v, k) => expect(Math.abs((r.cov[k] as number) - v)).toBeLessThan(1e-15));
  });

  it('skips incomplete rows and returns NaN below two rows', () => {
    const r = ledoitWolf(Float64Array.of(1, Number.NaN, 3, 2, 1, 3), 2, 3);
    expect(r.rowsUsed).toBe(2);
    expect(Number.isNaN(ledoitWolf(Float64Array.of(1, Number.NaN), 1, 2).cov[0] as number)).toBe(true);
  });
});
