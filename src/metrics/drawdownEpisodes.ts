import { formatIsoDate } from '../core/dates.js';
import type { ConventionName } from './convention.js';

export { underwaterSeries } from './underwater.js';

/** One drawdown episode, with ISO dates. */
export interface DrawdownEpisode {
  /** Date of the peak the episode is measured from (the start date when it is the initial capital). */
  peak: string;
  /** Date of the lowest wealth in the episode. */
  trough: string;
  /** First date wealth is back at or above the peak; null when it never recovers. */
  recovery: string | null;
  /** 1 − V_trough / V_peak, a positive fraction. */
  depth: number;
  /** Periods from peak to trough: trough index − peak index. */
  periodsToTrough: number;
  /** Periods from trough to recovery: recovery index − trough index; null when not recovered. */
  periodsToRecovery: number | null;
  /**
   * Periods with wealth below the peak: recovery − peak − 1, or n − peak when not recovered
   * (`standard`); plus one under `performanceanalytics` (findDrawdowns()$length).
   */
  periodsUnderwater: number;
}

/**
 * The `top` deepest drawdown episodes (deepest first; equal depths by earlier peak).
 *
 * Wealth is indexed 0..n: V_0 = 1 on `startDate` (the initial capital, a peak), and
 * V_k = ∏_{s≤k}(1 + returns[s−1]) on `endDates[k−1]` (returns[k] is realised on endDates[k]).
 * An episode starts when V falls below its running peak V_p, its trough q is the index of the
 * lowest V before recovery, and it ends at the first index c with V_c ≥ V_p (the recovery).
 */
export function drawdownEpisodes(
  returns: Float64Array,
  endDates: Int32Array,
  startDate: number,
  top: number,
  convention: ConventionName,
): DrawdownEpisode[] {
  const n = returns.length;
  if (endDates.length !== n) throw new RangeError(`drawdownEpisodes: ${n} returns but ${endDates.length} dates`);
  const dateAt = (k: number): string => formatIsoDate(k === 0 ? startDate : (endDates[k - 1] as number));
  const extra = convention === 'performanceanalytics' ? 1 : 0;
  // Indexes and depth per episode; the dates are formatted for the `top` episodes kept only.
  const found: Array<{ peakIndex: number; troughIndex: number; recoveryIndex: number | null; depth: number }> = [];
  let v = 1;
  let peakIndex = 0;
  let peakValue = 1;
  let troughIndex = -1;
  let troughValue = 1;
  const close = (recoveryIndex: number | null): void => {
    found.push({ peakIndex, troughIndex, recoveryIndex, depth: 1 - troughValue / peakValue });
  };
  for (let k = 1; k <= n; k++) {
    v *= 1 + (returns[k - 1] as number);
    if (v >= peakValue) {
      if (troughIndex >= 0) close(k);
      troughIndex = -1;
      peakIndex = k;
      peakValue = v;
    } else if (troughIndex < 0 || v < troughValue) {
      troughIndex = k;
      troughValue = v;
    }
  }
  if (troughIndex >= 0) close(null);
  found.sort((a, b) => b.depth - a.depth || a.peakIndex - b.peakIndex);
  return found.slice(0, Math.max(0, top)).map((e) => ({
    peak: dateAt(e.peakIndex),
    trough: dateAt(e.troughIndex),
    recovery: e.recoveryIndex === null ? null : dateAt(e.recoveryIndex),
    depth: e.depth,
    periodsToTrough: e.troughIndex - e.peakIndex,
    periodsToRecovery: e.recoveryIndex === null ? null : e.recoveryIndex - e.troughIndex,
    periodsUnderwater: (e.recoveryIndex ?? n + 1) - e.peakIndex - 1 + extra,
  }));
}
