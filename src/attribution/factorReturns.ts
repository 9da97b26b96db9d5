/**
 * Factor returns on a run's period rows: each factor's prices (aligned to the run's panel
 * calendar and converted to the base currency when loaded, src/run/loadFactorPanel.ts) as
 * simple returns r_t = p_t / p_{t−1} − 1 realised on row t; NaN on row 0 and where either price
 * is missing (a gap beyond the fill limit, before the factor's first price), so that such a
 * period drops out of the regression instead of carrying a multi-day move. Pure.
 */
import { lowerBound, type PricePanel } from '../core/panel.js';

export function factorReturns(panel: PricePanel, runDates: Int32Array): Float64Array[] {
  const N = panel.dates.length;
  const n = runDates.length;
  const lo = n > 0 ? lowerBound(panel.dates, runDates[0]!) : 0;
  for (let t = 0; t < n; t++) {
    if (panel.dates[lo + t] !== runDates[t]) throw new Error('factorReturns: the factor panel does not hold the run dates as consecutive rows');
  }
  return panel.assets.map((_, f) => {
    const out = new Float64Array(n).fill(Number.NaN);
    const base = f * N + lo;
    for (let t = 1; t < n; t++) out[t] = panel.values[base + t]! / panel.values[base + t - 1]! - 1;
    return out;
  });
}
