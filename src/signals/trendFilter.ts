import type { AllocationInput } from '../allocation/types.js';

/**
 * Trend of one return series at its last row: the price relative to its N-row simple moving
 * average, minus 1, computed from the cumulative-return index of the window (so no price level
 * is needed and the value is scale-invariant):
 *
 *   I_{t−N+1} = 1,  I_s = I_{s−1} (1 + r_s)  for s = t−N+2..t,   trend = I_t / mean(I_{t−N+1..t}) − 1
 *
 * which equals p_t / SMA_N(p)_t − 1 for any price series p with those returns. It needs the
 * N − 1 returns r_{t−N+2..t}; NaN when fewer rows exist or any of them is not finite. Causal: it
 * reads rows ≤ t only (`to` is one past t).
 */
export function trendSignal(returns: Float64Array, from: number, to: number, period: number): number {
  if (period <= 1) return 0;
  const first = to - period + 1;
  if (first < from) return Number.NaN;
  let level = 1;
  let sum = 1;
  for (let s = first; s < to; s++) {
    const r = returns[s] as number;
    if (!Number.isFinite(r)) return Number.NaN;
    level *= 1 + r;
    sum += level;
  }
  return level / (sum / period) - 1;
}

/** Overlay parameters: SMA period, the safe candidates, and where weight of broken trends goes. */
export interface TrendFilterOptions {
  /** SMA period in rows (e.g. 200). */
  readonly period: number;
  /** Names of the safe candidates (exempt from the filter; they receive the moved weight). */
  readonly safe: readonly string[];
  /** 'safe': move to the eligible safe candidates equally (cash if none); 'cash': to cash. */
  readonly to: 'safe' | 'cash';
}

/**
 * Trend-filter overlay on target weights: every held candidate not in `safe` whose trend at t is
 * below 0 (index under its N-row SMA) loses its weight, which goes equally to the eligible safe
 * candidates (`to: 'safe'`) or to cash. A candidate whose trend is undefined (too little data)
 * keeps its weight. Returns new weights (the total is unchanged unless weight went to cash) and
 * the names that were switched off.
 */
export function applyTrendFilter(
  weights: Float64Array,
  input: AllocationInput,
  options: TrendFilterOptions,
): { weights: Float64Array; brokenTrends: string[] } {
  const out = new Float64Array(weights);
  const isSafe = input.names.map((name) => options.safe.includes(name));
  const brokenTrends: string[] = [];
  let moved = 0;
  for (let i = 0; i < input.n; i++) {
    if (isSafe[i] || !((out[i] as number) > 0)) continue;
    const trend = trendSignal(input.returns, i * input.length, (i + 1) * input.length, options.period);
    if (trend < 0) {
      moved += out[i] as number;
      out[i] = 0;
      brokenTrends.push(input.names[i] as string);
    }
  }
  if (moved > 0 && options.to === 'safe') {
    const receivers: number[] = [];
    for (let i = 0; i < input.n; i++) if (isSafe[i] && input.eligible[i] === 1) receivers.push(i);
    for (const i of receivers) out[i] = (out[i] as number) + moved / receivers.length;
  }
  return { weights: out, brokenTrends };
}
