import { simpleReturnsInto } from '../core/simpleReturns.js';
import { centerCompleteRows } from '../numeric/centerCompleteRows.js';
import { covarianceKernel } from '../numeric/covarianceKernel.js';
import { SlidingCovariance } from '../estimators/slidingCovariance.js';
import { effectiveBets } from './effectiveBets.js';
import { lowRankRisk } from './lowRankRisk.js';
import { riskContribution } from './riskContribution.js';

/** Risk decomposition at each rebalance, from the trailing covariance of the held assets. */
export interface RebalanceRisk {
  /** Mean over the rebalances used of RC_i (0 at a rebalance where asset i is not held). */
  meanRiskContribution: Float64Array;
  /** effectiveBets at each rebalance (NaN where it was skipped), in rebalanceIndices order. */
  effectiveBets: Float64Array;
  /** Number of rebalances with a usable covariance. */
  used: number;
  /** One reason per skipped rebalance row. */
  skipped: Array<{ row: number; reason: string }>;
}

/**
 * At each rebalance row t, the held assets H = {i : w_{i,t} > 0} (post-trade weights), the
 * trailing window of asset returns rows max(1, t − window + 1)..t, or reaching before the period
 * when `prices` carry its history (the information available at close t; rows where a held asset
 * has no return are dropped), Σ = sample covariance (n − 1) of
 * H over that window, RC_i = w_i (Σw)_i / wᵀΣw and Meucci's effective bets. A rebalance with
 * fewer than 2 complete rows, nothing held, or wᵀΣw = 0 is skipped with a reason.
 * With fewer complete rows than held assets the figures come from the T×T Gram matrix of the
 * window (metrics/lowRankRisk.ts) instead of the k×k covariance: equal up to rounding, and
 * O(T²k) instead of O(k²T + k³) per rebalance (hundreds of tickers with a 63-day window).
 * With `prices`, a window whose complete rows are at least k slides its covariance from one
 * rebalance to the next while the held set is unchanged (estimators/slidingCovariance.ts, equal
 * to the two-pass covariance to 1e-12 relative); the eigen-decomposition of effective bets stays
 * one per rebalance.
 */
export function rebalanceRisk(
  weights: Float64Array,
  assetReturns: Float64Array,
  nAssets: number,
  nDates: number,
  rebalanceIndices: Int32Array,
  window: number,
  prices?: { values: Float64Array; stride: number; offset: number },
): RebalanceRisk {
  const sums = new Float64Array(nAssets);
  const bets = new Float64Array(rebalanceIndices.length).fill(Number.NaN);
  const skipped: Array<{ row: number; reason: string }> = [];
  let used = 0;
  const sliding = prices ? new SlidingCovariance(SlidingCovariance.intervalFor(window)) : null;
  // With prices reaching before the period, the window may start before row 1.
  const earliest = prices ? 1 - prices.offset : 1;
  // Plain loops, no closure per rebalance: this runs once per rebalance, mostly before the
  // optimising compiler has reached it.
  for (let r = 0; r < rebalanceIndices.length; r++) {
    const t = rebalanceIndices[r] as number;
    const held: number[] = [];
    for (let a = 0; a < nAssets; a++) if ((weights[a * nDates + t] as number) > 0) held.push(a);
    const k = held.length;
    if (k === 0) {
      skipped.push({ row: t, reason: 'nothing held' });
      continue;
    }
    const lo = Math.max(earliest, t - Math.max(2, window) + 1);
    const length = t - lo + 1;
    const w = new Float64Array(k);
    for (let i = 0; i < k; i++) w[i] = weights[(held[i] as number) * nDates + t] as number;
    let rc: Float64Array | null = null;
    let b = Number.NaN;
    if (sliding && prices && length >= k) {
      const cov = new Float64Array(k * k);
      const rows = sliding.update(prices.values, prices.stride, held, prices.offset + lo, prices.offset + t, cov);
      if (rows >= k) {
        rc = riskContribution(cov, w);
        if (!Number.isFinite(rc[0] as number)) {
          skipped.push({ row: t, reason: 'the held assets have zero variance over the trailing window' });
          continue;
        }
        b = effectiveBets(cov, w);
      }
    }
    if (rc === null) {
      const block = new Float64Array(k * Math.max(0, length));
      if (length > 0) {
        for (let i = 0; i < k; i++) {
          const a = held[i] as number;
          if (prices) simpleReturnsInto(prices.values, a * prices.stride, prices.offset + lo, length, block, i * length);
          else block.set(assetReturns.subarray(a * nDates + lo, a * nDates + t + 1), i * length);
        }
      }
      const risk = windowRisk(block, k, Math.max(0, length), w);
      if (risk.rowsUsed < 2) {
        skipped.push({ row: t, reason: `${risk.rowsUsed} complete return row${risk.rowsUsed === 1 ? '' : 's'} in the trailing window` });
        continue;
      }
      if (!Number.isFinite(risk.rc[0] as number)) {
        skipped.push({ row: t, reason: 'the held assets have zero variance over the trailing window' });
        continue;
      }
      rc = risk.rc;
      b = risk.bets;
    }
    for (let i = 0; i < k; i++) {
      const a = held[i] as number;
      sums[a] = (sums[a] as number) + (rc[i] as number);
    }
    bets[r] = b;
    used++;
  }
  const meanRiskContribution = new Float64Array(nAssets);
  if (used > 0) for (let a = 0; a < nAssets; a++) meanRiskContribution[a] = (sums[a] as number) / used;
  else meanRiskContribution.fill(Number.NaN);
  return { meanRiskContribution, effectiveBets: bets, used, skipped };
}

/** RC and effective bets of w over one window block (k series × length rows, NaN = no return). */
function windowRisk(block: Float64Array, k: number, length: number, w: Float64Array): { rowsUsed: number; rc: Float64Array; bets: number } {
  const { centered, rowsUsed } = centerCompleteRows(block, k, length);
  if (rowsUsed < 2) return { rowsUsed, rc: new Float64Array(k).fill(Number.NaN), bets: Number.NaN };
  if (rowsUsed < k) return { rowsUsed, ...lowRankRisk(centered, k, rowsUsed, w) };
  const { cov } = covarianceKernel(block, k, length, 1);
  const rc = riskContribution(cov, w);
  return { rowsUsed, rc, bets: Number.isFinite(rc[0] as number) ? effectiveBets(cov, w) : Number.NaN };
}
