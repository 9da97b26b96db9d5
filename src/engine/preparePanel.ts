/**
 * Work done once per panel and shared by every backtest on it (sweeps, robustness runs):
 * column-major simple returns and per-asset prefix sums over them, so that any window's count,
 * sum and sum of squares cost O(1).
 *
 * Cancellation: the prefix sums are accumulated with Neumaier (compensated) summation, so that a
 * window variance from them agrees with a two-pass computation to ~1e-13 relative on daily data
 * (tested). No data-dependent shift is subtracted: prefix sums at row t depend on rows ≤ t only,
 * so a run on data cut at t sees bit-identical window moments (causality is tested that way).
 */
import type { PricePanel } from '../core/panel.js';
import { simpleReturnsInto } from '../core/simpleReturns.js';

export interface PreparedPanel {
  readonly nRows: number;
  readonly nAssets: number;
  /** r[a * nRows + t] = p_t / p_{t−1} − 1; NaN where either price is missing (row 0 NaN). */
  readonly returns: Float64Array;
  /**
   * Prefix sums over rows < t, stored row-major ((nRows + 1) × nAssets, entry t · nAssets + a) so
   * that one decision's cross-section is contiguous: count of finite returns, Σr, Σr².
   */
  readonly count: Int32Array;
  readonly sum: Float64Array;
  readonly sumSq: Float64Array;
}

export function preparePanel(panel: PricePanel): PreparedPanel {
  const N = panel.dates.length;
  const m = panel.assets.length;
  const returns = new Float64Array(N * m);
  const count = new Int32Array((N + 1) * m);
  const sum = new Float64Array((N + 1) * m);
  const sumSq = new Float64Array((N + 1) * m);
  for (let a = 0; a < m; a++) {
    const base = a * N;
    simpleReturnsInto(panel.values, base, 0, N, returns, base);
    let s1 = 0;
    let e1 = 0;
    let s2 = 0;
    let e2 = 0;
    let k = 0;
    for (let t = 0; t < N; t++) {
      const r = returns[base + t]!;
      if (r === r) {
        // Neumaier summation, inlined: s + e carries the exact running sum to ~1 ulp.
        let u = s1 + r;
        e1 += Math.abs(s1) >= Math.abs(r) ? s1 - u + r : r - u + s1;
        s1 = u;
        const q = r * r;
        u = s2 + q;
        e2 += s2 >= q ? s2 - u + q : q - u + s2;
        s2 = u;
        k++;
      }
      const at = (t + 1) * m + a;
      count[at] = k;
      sum[at] = s1 + e1;
      sumSq[at] = s2 + e2;
    }
  }
  return { nRows: N, nAssets: m, returns, count, sum, sumSq };
}

/**
 * Sample variance (divisor m − 1) of asset a's finite returns on rows from..to−1, from the
 * prefix sums; NaN with fewer than 2 finite returns.
 */
export function windowVariance(prepared: PreparedPanel, a: number, from: number, to: number): { variance: number; finite: number } {
  const k = prepared.nAssets;
  const hi = to * k + a;
  const lo = from * k + a;
  const m = prepared.count[hi]! - prepared.count[lo]!;
  if (m < 2) return { variance: Number.NaN, finite: m };
  const s1 = prepared.sum[hi]! - prepared.sum[lo]!;
  const s2 = prepared.sumSq[hi]! - prepared.sumSq[lo]!;
  return { variance: Math.max(0, (s2 - (s1 * s1) / m) / (m - 1)), finite: m };
}
