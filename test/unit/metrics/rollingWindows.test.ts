import { describe, expect, it } from 'vitest';
import { rollingOneYear } from '../../../src/metrics/rollingWindows.js';

/** The definition, window by window, two-pass: ∏(1 + r) − 1 and sd(r, w − 1)·√P. */
function naive(r: Float64Array, P: number): { ret: number[]; vol: number[] } {
  const w = Math.max(2, Math.round(P));
  const ret: number[] = [];
  const vol: number[] = [];
  for (let t = 0; t < r.length; t++) {
    if (t < w - 1) {
      ret.push(Number.NaN);
      vol.push(Number.NaN);
      continue;
    }
    const x = Array.from(r.subarray(t - w + 1, t + 1));
    const m = x.reduce((a, b) => a + b, 0) / w;
    ret.push(x.reduce((g, v) => g * (1 + v), 1) - 1);
    vol.push(Math.sqrt(x.reduce((s, v) => s + (v - m) ** 2, 0) / (w - 1)) * Math.sqrt(P));
  }
  return { ret, vol };
}

/** Deterministic pseudo-random returns (mulberry32), daily scale: mean `mu`, spread ±`spread`. */
function returnsOf(n: number, seed: number, mu: number, spread: number): Float64Array {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return Float64Array.from({ length: n }, () => mu + spread * (2 * next() - 1));
}

function expectClose(got: Float64Array, want: number[], tol: number): void {
  expect(got.length).toBe(want.length);
  for (let t = 0; t < want.length; t++) {
    if (Number.isNaN(want[t]!)) expect(got[t]).toBeNaN();
    else expect(Math.abs(got[t]! - want[t]!)).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(want[t]!)));
  }
}

describe('rollingOneYear (O(n) block partials) equals the per-window two-pass definition', () => {
  it('hand-computed: w = 3 on 4 returns', () => {
    // P = 3 → w = 3. Windows: rows 0..2: (1.1·0.9·1.2) − 1 = 0.188; rows 1..3: (0.9·1.2·1.0) − 1 = 0.08.
    // Row 2: mean (0.1 − 0.1 + 0.2)/3 = 0.2/3; sd² = ((0.1−m)² + (−0.1−m)² + (0.2−m)²)/2 = (0.0011̄ + 0.0277̄ + 0.0177̄)/2 = 0.023̄.
    const r = Float64Array.from([0.1, -0.1, 0.2, 0]);
    const { rollingReturn, rollingVolatility } = rollingOneYear(r, 3);
    expect(rollingReturn[0]).toBeNaN();
    expect(rollingReturn[1]).toBeNaN();
    expect(rollingReturn[2]).toBeCloseTo(0.188, 14);
    expect(rollingReturn[3]).toBeCloseTo(0.08, 14);
    expect(rollingVolatility[2]).toBeCloseTo(Math.sqrt(0.07 / 3) * Math.sqrt(3), 14);
  });

  for (const [n, P, seed, mu, spread] of [
    [5040, 252, 1, 0.0004, 0.03],
    [1000, 252, 2, -0.001, 0.08],
    [253, 252, 3, 0.0, 0.01],
    [251, 252, 4, 0.0, 0.01],
    [600, 12, 5, 0.01, 0.1],
    [777, 52, 6, 0.002, 0.05],
  ] as const) {
    it(`n = ${n}, P = ${P}: every window within 1e-12`, () => {
      const r = returnsOf(n, seed, mu, spread);
      const got = rollingOneYear(r, P);
      const want = naive(r, P);
      expectClose(got.rollingReturn, want.ret, 1e-12);
      expectClose(got.rollingVolatility, want.vol, 1e-12);
    });
  }

  it('a constant window has volatility 0 (not a rounding residue), a NaN return makes its windows NaN', () => {
    const r = new Float64Array(600).fill(0.0013);
    r[400] = Number.NaN;
    const got = rollingOneYear(r, 252);
    const want = naive(r, 252);
    expectClose(got.rollingReturn, want.ret, 1e-12);
    expectClose(got.rollingVolatility, want.vol, 1e-12);
    // Row 300 (rows 49..300, all 0.0013): exactly representable spread 0 up to 1e-15.
    expect(got.rollingVolatility[300]!).toBeLessThan(1e-15);
    expect(got.rollingVolatility[400]).toBeNaN();
    expect(got.rollingVolatility[599]).toBeNaN(); // rows 348..599 contain row 400
  });

  it('a total loss (1 + r = 0) zeroes exactly the windows that contain it', () => {
    const r = returnsOf(800, 7, 0, 0.02);
    r[300] = -1;
    const got = rollingOneYear(r, 252);
    const want = naive(r, 252);
    expectClose(got.rollingReturn, want.ret, 1e-12);
    expect(got.rollingReturn[551]).toBe(-1); // rows 300..551
    expect(got.rollingReturn[552]).not.toBe(-1); // rows 301..552
  });
});
