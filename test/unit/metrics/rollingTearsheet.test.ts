/**
 * The tearsheet's rolling series (rollingSharpe, rollingVolatility, rollingBeta) against hand
 * arithmetic on short series and against naive references written here (plain arrays, one
 * slice per window, textbook formulas) on a seeded random series of 600 days.
 */
import { describe, expect, it } from 'vitest';
import { rollingBeta } from '../../../src/metrics/rollingBeta.js';
import { rollingSharpe } from '../../../src/metrics/rollingSharpe.js';
import { rollingVolatility } from '../../../src/metrics/rollingVolatility.js';

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = rng(7);
const N = 600;
const r = Float64Array.from({ length: N }, () => (rand() - 0.48) * 0.04);
const b = Float64Array.from(r, (x) => 0.6 * x + (rand() - 0.5) * 0.02);

const mean = (x: number[]) => x.reduce((s, v) => s + v, 0) / x.length;
const sd = (x: number[]) => {
  const m = mean(x);
  return Math.sqrt(x.reduce((s, v) => s + (v - m) ** 2, 0) / (x.length - 1));
};
const cov = (x: number[], y: number[]) => {
  const mx = mean(x);
  const my = mean(y);
  return x.reduce((s, v, i) => s + (v - mx) * (y[i]! - my), 0) / (x.length - 1);
};
function close(actual: Float64Array, expected: (number | null)[], tol = 1e-12): void {
  expect(actual.length).toBe(expected.length);
  for (let t = 0; t < expected.length; t++) {
    const e = expected[t] ?? null;
    if (e === null) expect(Number.isNaN(actual[t]!), `row ${t}`).toBe(true);
    else expect(Math.abs(actual[t]! - e), `row ${t}: ${actual[t]} vs ${e}`).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(e)));
  }
}

describe('rollingSharpe', () => {
  it('equals hand arithmetic on four returns, window 2, P = 4, rf = 0', () => {
    // [0.01, 0.03]: mean 0.02, sd √((0.01² + 0.01²)/1) = 0.01√2 → 0.02/(0.01√2)·√4 = 2√2
    // [0.03, −0.01]: mean 0.01, sd 0.02√2 → 0.01/(0.02√2)·2 = 1/√2
    // [−0.01, 0.02]: mean 0.005, sd 0.015√2 → 0.005/(0.015√2)·2 = √2/3
    close(rollingSharpe(Float64Array.of(0.01, 0.03, -0.01, 0.02), 0, 2, 4, 'standard'), [null, 2 * Math.SQRT2, 1 / Math.SQRT2, Math.SQRT2 / 3]);
  });

  it('performanceanalytics: geometric annualised excess over annualised sd, by hand', () => {
    // [0.01, 0.03]: growth 1.01·1.03 = 1.0403, cagr = 1.0403^(4/2) − 1 = 0.08222409; sd·√4 = 0.02√2
    close(rollingSharpe(Float64Array.of(0.01, 0.03), 0, 2, 4, 'performanceanalytics'), [null, (1.0403 ** 2 - 1) / (0.02 * Math.SQRT2)]);
  });

  it('equals mean(x)/sd(x)·√P of each 126-day window (x = r − rf, rf series and constant)', () => {
    const rfConst = 0.0001;
    const rfSeries = Float64Array.from(r, (_, i) => 0.00005 + 0.00001 * (i % 7));
    for (const rf of [rfConst, rfSeries]) {
      const expected = Array.from(r, (_, t) => {
        if (t < 125) return null;
        const x = Array.from(r.slice(t - 125, t + 1), (v, k) => v - (typeof rf === 'number' ? rf : rf[t - 125 + k]!));
        return (mean(x) / sd(x)) * Math.sqrt(252);
      });
      close(rollingSharpe(r, rf, 126, 252, 'standard'), expected);
      const pa = Array.from(r, (_, t) => {
        if (t < 251) return null;
        const x = Array.from(r.slice(t - 251, t + 1), (v, k) => v - (typeof rf === 'number' ? rf : rf[t - 251 + k]!));
        const growth = x.reduce((g, v) => g * (1 + v), 1);
        return (growth ** (252 / 252) - 1) / (sd(x) * Math.sqrt(252));
      });
      close(rollingSharpe(r, rf, 252, 252, 'performanceanalytics'), pa);
    }
  });

  it('is NaN where the window is constant (sd 0)', () => {
    close(rollingSharpe(Float64Array.of(0.01, 0.01, 0.01, 0.02), 0, 3, 252, 'standard'), [null, null, null, ((0.04 / 3) / sd([0.01, 0.01, 0.02])) * Math.sqrt(252)]);
  });
});

describe('rollingVolatility', () => {
  it('equals sd(window)·√P, by hand and against slices', () => {
    // [0.01, 0.03]: sd 0.01√2, ·√4 → 0.02√2; [0.03, −0.01]: 0.02√2·2 = 0.04√2
    close(rollingVolatility(Float64Array.of(0.01, 0.03, -0.01), 2, 4), [null, 0.02 * Math.SQRT2, 0.04 * Math.SQRT2]);
    close(rollingVolatility(r, 126, 252), Array.from(r, (_, t) => (t < 125 ? null : sd([...r.slice(t - 125, t + 1)]) * Math.sqrt(252))));
  });

  it('leaves unpriced days out of the window and needs half a window of prices', () => {
    const x = Float64Array.of(0.01, Number.NaN, 0.03, Number.NaN, Number.NaN, Number.NaN);
    // window 4: rows 0..3 hold 0.01 and 0.03 (2 ≥ ⌈4/2⌉) → sd 0.01√2 · √4; rows 1..4, 2..5: one price → NaN
    close(rollingVolatility(x, 4, 4), [null, null, null, 0.02 * Math.SQRT2, null, null]);
  });
});

describe('rollingBeta', () => {
  it('equals cov/var over each window, by hand', () => {
    // b = [0.01, 0.02, 0.03], r = 2b − 0.001 → beta 2 on every window
    close(rollingBeta(Float64Array.of(0.019, 0.039, 0.059), Float64Array.of(0.01, 0.02, 0.03), 2), [null, 2, 2]);
  });

  it('equals the OLS slope of each 252-day window on the common periods (naive reference)', () => {
    const bGaps = Float64Array.from(b, (v, i) => (i % 11 === 3 ? Number.NaN : v));
    const expected = Array.from(r, (_, t) => {
      if (t < 251) return null;
      const rows = Array.from({ length: 252 }, (_, k) => t - 251 + k).filter((i) => Number.isFinite(bGaps[i]!));
      const x = rows.map((i) => r[i]!);
      const y = rows.map((i) => bGaps[i]!);
      return cov(x, y) / cov(y, y);
    });
    close(rollingBeta(r, bGaps, 252), expected);
  });

  it('is NaN when the benchmark is constant over the window', () => {
    close(rollingBeta(Float64Array.of(0.01, 0.02, 0.03), Float64Array.of(0.005, 0.005, 0.01), 2), [null, null, (0.01 * 0.005 / 2) / (0.005 * 0.005 / 2)]);
  });
});

describe('windowSums', () => {
  it('equals the sums of each window summed afresh, over 20,000 rows (drift stays below 1e-12)', async () => {
    const { windowSums } = await import('../../../src/metrics/windowSums.js');
    const long = Float64Array.from({ length: 20_000 }, () => (rand() - 0.45) * 0.05);
    const other = Float64Array.from(long, (v, i) => (i % 13 === 0 ? Number.NaN : v * 0.5 + (rand() - 0.5) * 0.01));
    const w = 252;
    const s = windowSums(long, other, w);
    for (let t = 0; t < long.length; t += 97) {
      let c = 0, sx = 0, sxx = 0, sxy = 0;
      for (let k = Math.max(0, t - w + 1); k <= t; k++) {
        if (!Number.isFinite(other[k]!)) continue;
        c++;
        sx += long[k]!;
        sxx += long[k]! ** 2;
        sxy += long[k]! * other[k]!;
      }
      expect(s.count[t]).toBe(c);
      expect(Math.abs(s.sx[t]! - sx)).toBeLessThan(1e-12);
      expect(Math.abs(s.sxx[t]! - sxx)).toBeLessThanOrEqual(1e-12 * sxx);
      expect(Math.abs(s.sxy[t]! - sxy)).toBeLessThanOrEqual(1e-12 * sxx);
    }
  });
});
