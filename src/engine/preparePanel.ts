/**
 * Work done once per panel and shared by every backtest on it (sweeps, robustness runs):
 * column-major simple returns and per-asset prefix sums over them, so that any window's count,
 * sum and sum of squares cost O(1).
 *
 * Cancellation: the prefix sums are taken over returns minus a per-asset shift (the asset's mean
 * return over the panel), which keeps the sums small, and accumulated with Neumaier (compensated)
 * summation, so that a window variance from them agrees with a two-pass computation to ~1e-13
 * relative on daily data (tested).
 */
import type { PricePanel } from '../core/panel.js';

export interface PreparedPanel {
  readonly nRows: number;
  readonly nAssets: number;
  /** r[a * nRows + t] = p_t / p_{t−1} − 1; NaN where either price is missing (row 0 NaN). */
  readonly returns: Float64Array;
  /** Per-asset shift c_a subtracted before summing. */
  readonly shift: Float64Array;
  /** Prefix sums over rows < t, (nRows + 1) per asset: count of finite returns, Σ(r − c), Σ(r − c)². */
  readonly count: Int32Array;
  readonly sum: Float64Array;
  readonly sumSq: Float64Array;
}

export function preparePanel(panel: PricePanel): PreparedPanel {
  const N = panel.dates.length;
  const m = panel.assets.length;
  const returns = new Float64Array(N * m);
  const shift = new Float64Array(m);
  const count = new Int32Array((N + 1) * m);
  const sum = new Float64Array((N + 1) * m);
  const sumSq = new Float64Array((N + 1) * m);
  for (let a = 0; a < m; a++) {
    const base = a * N;
    returns[base] = Number.NaN;
    let total = 0;
    let finite = 0;
    for (let t = 1; t < N; t++) {
      const r = panel.values[base + t]! / panel.values[base + t - 1]! - 1;
      returns[base + t] = r;
      if (r === r) {
        total += r;
        finite++;
      }
    }
    const c = finite > 0 ? total / finite : 0;
    shift[a] = c;
    const p = a * (N + 1);
    let s1 = 0;
    let e1 = 0;
    let s2 = 0;
    let e2 = 0;
    let k = 0;
    for (let t = 0; t < N; t++) {
      const r = returns[base + t]!;
      if (r === r) {
        const x = r - c;
        [s1, e1] = neumaier(s1, e1, x);
        [s2, e2] = neumaier(s2, e2, x * x);
        k++;
      }
      count[p + t + 1] = k;
      sum[p + t + 1] = s1 + e1;
      sumSq[p + t + 1] = s2 + e2;
    }
  }
  return { nRows: N, nAssets: m, returns, shift, count, sum, sumSq };
}

function neumaier(s: number, e: number, x: number): [number, number] {
  const t = s + x;
  const err = Math.abs(s) >= Math.abs(x) ? s - t + x : x - t + s;
  return [t, e + err];
}

/**
 * Sample variance (divisor m − 1) of asset a's finite returns on rows from..to−1, from the
 * prefix sums; NaN with fewer than 2 finite returns.
 */
export function windowVariance(prepared: PreparedPanel, a: number, from: number, to: number): { variance: number; finite: number } {
  const p = a * (prepared.nRows + 1);
  const m = prepared.count[p + to]! - prepared.count[p + from]!;
  if (m < 2) return { variance: Number.NaN, finite: m };
  const s1 = prepared.sum[p + to]! - prepared.sum[p + from]!;
  const s2 = prepared.sumSq[p + to]! - prepared.sumSq[p + from]!;
  return { variance: Math.max(0, (s2 - (s1 * s1) / m) / (m - 1)), finite: m };
}
