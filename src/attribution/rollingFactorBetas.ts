/**
 * Rolling factor betas: at row t the OLS slopes (factorRegression.ts) over the `window` rows
 * t − window + 1..t (one year: window = periods per year), using the rows among them where the
 * strategy and every factor have a return. Null before a full window (t < window; row 0 has no
 * return), when fewer than half the window's rows are common, or when the factors are collinear
 * in that window. Pure.
 */
import { completeRows, olsFit } from './factorRegression.js';

export function rollingFactorBetas(y: Float64Array, factors: readonly Float64Array[], window: number): (number | null)[][] {
  const n = y.length;
  const out = factors.map(() => new Array<number | null>(n).fill(null));
  const w = Math.max(2, Math.floor(window));
  for (let t = w; t < n; t++) {
    const rows = completeRows(y, factors, t - w + 1, t + 1);
    if (rows.length * 2 < w) continue;
    const fit = olsFit(y, factors, rows, false);
    if ('reason' in fit) continue;
    for (let j = 0; j < factors.length; j++) out[j]![t] = fit.betas[j]!;
  }
  return out;
}
