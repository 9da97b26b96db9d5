/**
 * Rolling factor betas: at row t the OLS slopes (factorRegression.ts, solveSlopes) over the
 * `window` rows t − window + 1..t (one year: window = periods per year), using the rows among
 * them where the strategy and every factor have a return. Null before a full window (t < window;
 * row 0 has no return), when fewer than half the window's rows are common, or when the factors
 * are collinear in that window.
 *
 * The window's sums Σf_j, Σy, Σf_j f_l and Σf_j y slide (a row enters, a row leaves: O(k²) per
 * row instead of O(window · k²)), and the centred cross products are Σf_j f_l − Σf_j Σf_l / m.
 * Daily returns have means far below their spread, so the subtraction loses no meaningful
 * digits; the sums are recomputed from scratch every `window` rows so rounding cannot
 * accumulate. Pure.
 */
import { solveSlopes } from './factorRegression.js';

export function rollingFactorBetas(y: Float64Array, factors: readonly Float64Array[], window: number): (number | null)[][] {
  const n = y.length;
  const k = factors.length;
  const out = factors.map(() => new Array<number | null>(n).fill(null));
  const w = Math.max(2, Math.floor(window));
  if (k === 0) return out;
  const complete = new Uint8Array(n);
  for (let t = 0; t < n; t++) {
    let ok = Number.isFinite(y[t]!);
    for (let j = 0; ok && j < k; j++) ok = Number.isFinite(factors[j]![t]!);
    complete[t] = ok ? 1 : 0;
  }
  // Sums over the window's complete rows: sf[j], sy, sff[j*k+l], sfy[j], and their count m.
  const sf = new Float64Array(k);
  const sff = new Float64Array(k * k);
  const sfy = new Float64Array(k);
  let sy = 0;
  let m = 0;
  const a = new Float64Array(k * k);
  const g = new Float64Array(k);
  const betas = new Float64Array(k);
  const d = new Float64Array(k);
  for (let t = w; t < n; t++) {
    if ((t - w) % w === 0) {
      // Fresh sums over rows t − w + 1..t.
      sf.fill(0);
      sff.fill(0);
      sfy.fill(0);
      sy = 0;
      m = 0;
      for (let r = t - w + 1; r <= t; r++) {
        if (complete[r] === 0) continue;
        sy += y[r]!;
        m++;
        addRow(factors, k, r, y[r]!, 1, sf, sff, sfy);
      }
    } else {
      const old = t - w;
      if (complete[old] === 1) {
        sy += -y[old]!;
        m--;
        addRow(factors, k, old, y[old]!, -1, sf, sff, sfy);
      }
      if (complete[t] === 1) {
        sy += y[t]!;
        m++;
        addRow(factors, k, t, y[t]!, 1, sf, sff, sfy);
      }
    }
    if (m * 2 < w || m <= k + 1) continue;
    for (let j = 0; j < k; j++) {
      g[j] = sfy[j]! - (sf[j]! * sy) / m;
      for (let l = 0; l <= j; l++) {
        const v = sff[j * k + l]! - (sf[j]! * sf[l]!) / m;
        a[j * k + l] = v;
        a[l * k + j] = v;
      }
    }
    if (solveSlopes(a, g, k, betas, d) !== null) continue;
    for (let j = 0; j < k; j++) out[j]![t] = betas[j]!;
  }
  return out;
}

/** Adds (sign 1) or removes (sign −1) row t's terms of Σf_j, Σf_j y and Σf_j f_l (l ≤ j). */
function addRow(factors: readonly Float64Array[], k: number, t: number, yt: number, sign: number, sf: Float64Array, sff: Float64Array, sfy: Float64Array): void {
  for (let j = 0; j < k; j++) {
    const fj = factors[j]![t]!;
    sf[j] = sf[j]! + sign * fj;
    sfy[j] = sfy[j]! + sign * fj * yt;
    for (let l = 0; l <= j; l++) sff[j * k + l] = sff[j * k + l]! + sign * fj * factors[l]![t]!;
  }
}
