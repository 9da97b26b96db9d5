/**
 * Cariño's factor κ(r, b) = (ln(1+r) − ln(1+b)) / (r − b) and its limits, against Math.log
 * written out here; the linking coefficients against the same formula by hand.
 */
import { describe, expect, it } from 'vitest';
import { carinoCoefficients, carinoFactor } from '../../../src/attribution/carinoFactor.js';

describe('carinoFactor', () => {
  it('is ln(1+r)/r on its own, 1 at r = 0', () => {
    expect(carinoFactor(0.05)).toBeCloseTo(Math.log(1.05) / 0.05, 13);
    expect(carinoFactor(-0.2)).toBeCloseTo(Math.log(0.8) / -0.2, 13);
    expect(carinoFactor(0)).toBe(1);
    // The limit is continuous: 1 − r/2 + r²/3 for tiny r.
    expect(carinoFactor(1e-9)).toBeCloseTo(1 - 0.5e-9, 15);
  });

  it('is (ln(1+r) − ln(1+b))/(r − b) against a benchmark, 1/(1+b) when r = b', () => {
    expect(carinoFactor(0.03, 0.01)).toBeCloseTo((Math.log(1.03) - Math.log(1.01)) / 0.02, 14);
    expect(carinoFactor(0.01, 0.01)).toBe(1 / 1.01);
    // r and b 1e-13 apart: the log1p form keeps every digit; the limit is 1/(1+b).
    expect(carinoFactor(0.02 + 1e-13, 0.02)).toBeCloseTo(1 / 1.02, 12);
  });

  it('is NaN for a wipe-out', () => {
    expect(carinoFactor(-1)).toBeNaN();
    expect(carinoFactor(0.1, -1.5)).toBeNaN();
  });
});

describe('carinoCoefficients', () => {
  it('β_t = k(r_t)/k(R), Σ β_t r_t = R', () => {
    const r = Float64Array.of(0, 0.05, -0.02, 0);
    const R = 1.05 * 0.98 - 1; // 0.029
    const k = Math.log(1 + R) / R;
    const link = carinoCoefficients(r)!;
    expect(link.total).toBeCloseTo(0.029, 13);
    expect(link.coefficients[1]).toBeCloseTo(Math.log(1.05) / 0.05 / k, 14);
    expect(link.coefficients[2]).toBeCloseTo(Math.log(0.98) / -0.02 / k, 14);
    expect(link.coefficients[3]).toBeCloseTo(1 / k, 14); // r = 0: k_t = 1
    const sum = link.coefficients[1]! * 0.05 + link.coefficients[2]! * -0.02;
    expect(Math.abs(sum - R)).toBeLessThan(1e-15);
  });

  it('with equal totals (R = B) uses the limit 1/(1 + R)', () => {
    // Portfolio +10% then −10%; benchmark −10% then +10%: both end at 0.99 (R = B = −0.01).
    const r = Float64Array.of(0, 0.1, -0.1);
    const b = Float64Array.of(0, -0.1, 0.1);
    const link = carinoCoefficients(r, b)!;
    const K = 1 / 0.99;
    expect(link.coefficients[1]).toBeCloseTo((Math.log(1.1) - Math.log(0.9)) / 0.2 / K, 14);
    expect(link.coefficients[2]).toBeCloseTo((Math.log(0.9) - Math.log(1.1)) / -0.2 / K, 14);
    // The linked active return is 0 = R − B.
    expect(Math.abs(link.coefficients[1]! * 0.2 + link.coefficients[2]! * -0.2)).toBeLessThan(1e-15);
  });

  it('is null for a wipe-out', () => {
    expect(carinoCoefficients(Float64Array.of(0, -1, 0.1))).toBeNull();
  });
});
