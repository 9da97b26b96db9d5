import type { PricePanel } from '../core/panel.js';

/**
 * A price panel whose period rows lo..hi−1 are rebuilt from resampled daily returns, the rows
 * of every asset resampled jointly (one row index per day, so the cross-section — correlation,
 * common crashes — is kept).
 *
 * Sample: the T = hi − lo − 1 one-day returns of the period, return j (0-based) being
 * r_{a,j} = p_{a,lo+j+1} / p_{a,lo+j} − 1. Path: new prices q with q_{a,lo} = p_{a,lo} and
 * q_{a,lo+j+1} = q_{a,lo+j} · (1 + r_{a,idx[j]}). Rows before lo (history for look-back windows)
 * are copied unchanged; rows from hi on are dropped. Missing data: an asset without a price yet
 * (q_{a,t−1} NaN) takes its original price at t (so it lists when it really listed); a resampled
 * return that is NaN for a priced asset keeps the price flat and is counted in `missing`.
 */
export function resamplePanel(panel: PricePanel, lo: number, hi: number, idx: Int32Array): { panel: PricePanel; missing: number } {
  const N = panel.dates.length;
  const T = hi - lo - 1;
  if (idx.length !== T) throw new RangeError(`resamplePanel: ${idx.length} indexes for ${T} returns`);
  const m = panel.assets.length;
  const values = new Float64Array(m * hi);
  let missing = 0;
  for (let a = 0; a < m; a++) {
    const src = a * N;
    const dst = a * hi;
    values.set(panel.values.subarray(src, src + lo + 1), dst);
    for (let j = 0; j < T; j++) {
      const s = src + lo + (idx[j] as number);
      const prev = values[dst + lo + j] as number;
      if (Number.isNaN(prev)) {
        values[dst + lo + j + 1] = panel.values[src + lo + j + 1] as number;
        continue;
      }
      const r = (panel.values[s + 1] as number) / (panel.values[s] as number) - 1;
      if (Number.isFinite(r)) values[dst + lo + j + 1] = prev * (1 + r);
      else {
        values[dst + lo + j + 1] = prev;
        missing++;
      }
    }
  }
  return { panel: { dates: panel.dates.subarray(0, hi), assets: panel.assets, values }, missing };
}
