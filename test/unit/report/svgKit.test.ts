/**
 * svgKit: nice tick steps (1, 2, 5 × 10^k), the scale's domain widened to whole ticks, percent
 * labels without a negative zero, and the RdYlGn ramp at its ends and middle (ColorBrewer).
 */
import { describe, expect, it } from 'vitest';
import { linearScale, pctLabel, pctTicks, rdYlGn, tickStep } from '../../../src/report/html/svgKit.js';

describe('svgKit', () => {
  it('tick steps are 1, 2 or 5 × 10^k', () => {
    // span 0.37 over 5 ticks: raw 0.074 → 7.4 × 10^−2 ≥ 3.5 → 5 × 10^−2
    expect(tickStep(0.37, 5)).toBeCloseTo(0.05, 15);
    // span 800 over 5: raw 160 → 1.6 × 10^2 ≥ 1.5 → 200
    expect(tickStep(800, 5)).toBe(200);
    // span 1 over 10: raw 0.1 → 1 × 10^−1
    expect(tickStep(1, 10)).toBeCloseTo(0.1, 15);
  });

  it('widens the domain to whole ticks and maps it onto the range', () => {
    // [−0.23, 0.37], 5 ticks: raw step 0.6/5 = 0.12 = 1.2 × 10^−1, below 1.5 → step 0.1; domain [−0.3, 0.4], 8 ticks
    const y = linearScale([-0.23, 0.37], [100, 0], 5);
    expect(y.domain[0]).toBeCloseTo(-0.3, 12);
    expect(y.domain[1]).toBeCloseTo(0.4, 12);
    expect(y.ticks).toHaveLength(8);
    expect(y(-0.3)).toBeCloseTo(100, 12);
    expect(y(0.4)).toBeCloseTo(0, 12);
    expect(y(0)).toBeCloseTo(100 - (0.3 / 0.7) * 100, 12);
    // A domain starting at 0 stays at 0 (no tick below it).
    expect(linearScale([0, 745], [0, 1], 5).ticks[0]).toBe(0);
  });

  it('percent labels: a minus sign, never a negative zero', () => {
    expect(pctLabel(-0.123, 1)).toBe('−12.3%');
    expect(pctLabel(-1e-18, 0)).toBe('0%');
    expect(pctTicks([-0.02, -0.01, 0, 0.01])).toEqual(['−2%', '−1%', '0%', '1%']);
    expect(pctTicks([0, 0.005, 0.01])).toEqual(['0.0%', '0.5%', '1.0%']);
  });

  it('RdYlGn: red at 0, yellow in the middle, green at 1, clamped outside', () => {
    expect(rdYlGn(0)).toBe('rgb(165,0,38)');
    expect(rdYlGn(0.5)).toBe('rgb(255,255,191)');
    expect(rdYlGn(1)).toBe('rgb(0,104,55)');
    expect(rdYlGn(2)).toBe('rgb(0,104,55)');
    // Halfway between the stops #a50026 and #d73027: (165+215)/2 = 190, (0+48)/2 = 24, (38+39)/2 = 38.5 → 39
    expect(rdYlGn(0.05)).toBe('rgb(190,24,39)');
  });
});
