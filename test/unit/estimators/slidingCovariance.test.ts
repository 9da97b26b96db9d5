import { describe, expect, it } from 'vitest';
import { SlidingCovariance } from '../../../src/estimators/slidingCovariance.js';
import { mulberry32, normal } from '../allocation/syntheticInput.js';

/** Column-major prices (k columns × nRows) from fat-tailed one-factor returns with a drifting mean. */
function pricePanel(seed: number, k: number, nRows: number): Float64Array {
  const rand = mulberry32(seed);
  const prices = new Float64Array(k * nRows);
  const beta = Array.from({ length: k }, () => 0.2 + 1.2 * rand());
  const vol = Array.from({ length: k }, () => 0.004 + 0.03 * rand());
  const p = Array.from({ length: k }, () => 10 + 200 * rand());
  for (let s = 0; s < nRows; s++) {
    // Student-t-like shocks (normal / √(χ²₃/3)) and a regime mean that drifts with time.
    const f = (0.012 * normal(rand)) / Math.sqrt((normal(rand) ** 2 + normal(rand) ** 2 + normal(rand) ** 2) / 3 + 0.05);
    const mean = 0.002 * Math.sin(s / 300);
    for (let c = 0; c < k; c++) {
      p[c] = p[c]! * (1 + mean + beta[c]! * f + vol[c]! * normal(rand));
      prices[c * nRows + s] = p[c]!;
    }
  }
  return prices;
}

/**
 * The reference: simple returns r = p_s / p_{s−1} − 1 of rows first..last (row 0 has none),
 * rows with any non-finite return dropped, then the textbook two-pass sample covariance
 * Σ (r_i − mean_i)(r_j − mean_j) / (T − 1), one plain loop per entry.
 */
function naiveCovariance(prices: Float64Array, nRows: number, columns: number[], first: number, last: number): { cov: number[][]; rows: number } {
  const rows: number[][] = [];
  for (let s = first; s <= last; s++) {
    const row = columns.map((c) => (s === 0 ? Number.NaN : prices[c * nRows + s]! / prices[c * nRows + s - 1]! - 1));
    if (row.every((v) => Number.isFinite(v))) rows.push(row);
  }
  const t = rows.length;
  const mean = columns.map((_, i) => rows.reduce((a, r) => a + r[i]!, 0) / t);
  const cov = columns.map((_, i) => columns.map((__, j) => rows.reduce((a, r) => a + (r[i]! - mean[i]!) * (r[j]! - mean[j]!), 0) / (t - 1)));
  return { cov, rows: t };
}

/** max over entries of |Δ_ij| / √(Σ_ii Σ_jj): the error relative to the entries' scale. */
function relativeError(got: Float64Array, want: number[][]): number {
  const k = want.length;
  let worst = 0;
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) worst = Math.max(worst, Math.abs(got[i * k + j]! - want[i]![j]!) / Math.sqrt(want[i]![i]! * want[j]![j]!));
  }
  return worst;
}

describe('SlidingCovariance', () => {
  it('a 3-row window by hand', () => {
    // Prices 100, 110, 99, 108.9 → returns 0.1, −0.1, 0.1; prices 50, 50, 55, 55 → 0, 0.1, 0.
    // Means 1/30 and 1/30; deviations (2/30, −4/30, 2/30) and (−1/30, 2/30, −1/30):
    // var A = (4 + 16 + 4)/900 / 2 = 24/1800 = 1/75, var B = (1 + 4 + 1)/900 / 2 = 1/300,
    // cov = (−2 − 8 − 2)/900 / 2 = −1/150.
    const prices = Float64Array.of(100, 110, 99, 108.9, 50, 50, 55, 55);
    const out = new Float64Array(4);
    const s = new SlidingCovariance(100);
    expect(s.update(prices, 4, [0, 1], 1, 3, out)).toBe(3);
    [1 / 75, -1 / 150, -1 / 150, 1 / 300].forEach((v, i) => expect(out[i]).toBeCloseTo(v, 15));
    // A window that starts at row 0 uses rows 1..3 (row 0 has no return): the same figures.
    expect(new SlidingCovariance(100).update(prices, 4, [0, 1], 0, 3, out)).toBe(3);
    [1 / 75, -1 / 150, -1 / 150, 1 / 300].forEach((v, i) => expect(out[i]).toBeCloseTo(v, 15));
  });

  it.each([
    [252, 21, 12],
    [60, 5, 7],
    [20, 1, 30],
  ])('slid over 5,000 rows (lookback %i, steps up to %i rows, %i series) it equals the two-pass covariance to 1e-12 relative', (lookback, maxStep, k) => {
    const nRows = 5000;
    const prices = pricePanel(lookback + k, k, nRows);
    const columns = Array.from({ length: k }, (_, c) => (c * 7) % k); // a permutation: any column order works
    const s = new SlidingCovariance(SlidingCovariance.intervalFor(lookback));
    const rand = mulberry32(k);
    const out = new Float64Array(k * k);
    let worst = 0;
    for (let last = 1; last < nRows; last += 1 + Math.floor(rand() * maxStep)) {
      const first = Math.max(0, last - lookback + 1);
      const want = naiveCovariance(prices, nRows, columns, first, last);
      const rows = s.update(prices, nRows, columns, first, last, out);
      if (want.rows < 2) {
        expect(rows).toBe(-1);
        continue;
      }
      expect(rows).toBe(want.rows);
      worst = Math.max(worst, relativeError(out, want.cov));
    }
    expect(worst).toBeLessThan(1e-12);
    // Both paths ran: slides between anchors, an anchor at least every R rows.
    expect(s.slides).toBeGreaterThan(s.anchors);
    expect(s.anchors).toBeGreaterThanOrEqual(Math.floor(nRows / SlidingCovariance.intervalFor(lookback)));
  });

  it('late listings (leading gaps) slide; a gap after a complete row hands the window back (−1)', () => {
    const k = 4;
    const nRows = 800;
    const prices = pricePanel(3, k, nRows);
    for (let s = 0; s < 300; s++) prices[2 * nRows + s] = Number.NaN; // column 2 lists at row 300
    const columns = [0, 1, 2, 3];
    const s = new SlidingCovariance(SlidingCovariance.intervalFor(100));
    const out = new Float64Array(k * k);
    for (let last = 250; last < 700; last += 13) {
      const first = last - 99;
      const want = naiveCovariance(prices, nRows, columns, first, last);
      const rows = s.update(prices, nRows, columns, first, last, out);
      if (want.rows < 2) expect(rows).toBe(-1);
      else {
        expect(rows).toBe(want.rows);
        expect(relativeError(out, want.cov)).toBeLessThan(1e-12);
      }
    }
    expect(s.slides).toBeGreaterThan(10);
    // One missing price at row 750 makes rows 750 and 751 incomplete: a window holding them has
    // complete rows on both sides, which only listwise deletion over the window handles.
    prices[1 * nRows + 750] = Number.NaN;
    expect(s.update(prices, nRows, columns, 701, 760, out)).toBe(-1);
    expect(s.update(prices, nRows, columns, 752, 800 - 1, out)).toBe(48);
  });
});
