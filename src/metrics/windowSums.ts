/**
 * Sums over a trailing window of w rows, for rolling statistics in O(n): for each row t the
 * count, Σx, Σx², Σy, Σy² and Σxy over rows t−w+1..t where x (and y, when given) are finite.
 * The sums slide (add the new row, drop the old one) and are re-summed from scratch every w
 * rows, so rounding drift stays within about w·ε of the sums (well below 1e-12 relative on
 * returns, where Σx² exceeds the centred sum of squares by (σ² + μ²)/σ² ≈ 1).
 * Without y, sy, syy and sxy are empty (length 0): fresh memory is slow to touch, so only the
 * sums that are used are allocated.
 */
export interface WindowSums {
  count: Float64Array;
  sx: Float64Array;
  sxx: Float64Array;
  sy: Float64Array;
  syy: Float64Array;
  sxy: Float64Array;
}

export function windowSums(x: Float64Array, y: Float64Array | null, window: number): WindowSums {
  const n = x.length;
  const w = Math.max(1, Math.round(window));
  const m = y === null ? 0 : n;
  const out: WindowSums = { count: new Float64Array(n), sx: new Float64Array(n), sxx: new Float64Array(n), sy: new Float64Array(m), syy: new Float64Array(m), sxy: new Float64Array(m) };
  let c = 0, sx = 0, sxx = 0, sy = 0, syy = 0, sxy = 0;
  const ok = (s: number) => Number.isFinite(x[s]!) && (y === null || Number.isFinite(y[s]!));
  for (let t = 0; t < n; t++) {
    if ((t + 1) % w === 0) {
      // Re-sum the window exactly.
      c = sx = sxx = sy = syy = sxy = 0;
      for (let s = Math.max(0, t - w + 1); s <= t; s++) {
        if (!ok(s)) continue;
        const a = x[s]!;
        const b = y === null ? 0 : y[s]!;
        c++; sx += a; sxx += a * a; sy += b; syy += b * b; sxy += a * b;
      }
    } else {
      if (ok(t)) {
        const a = x[t]!;
        const b = y === null ? 0 : y[t]!;
        c++; sx += a; sxx += a * a; sy += b; syy += b * b; sxy += a * b;
      }
      const old = t - w;
      if (old >= 0 && ok(old)) {
        const a = x[old]!;
        const b = y === null ? 0 : y[old]!;
        c--; sx -= a; sxx -= a * a; sy -= b; syy -= b * b; sxy -= a * b;
      }
    }
    out.count[t] = c; out.sx[t] = sx; out.sxx[t] = sxx;
    if (y !== null) { out.sy[t] = sy; out.syy[t] = syy; out.sxy[t] = sxy; }
  }
  return out;
}

/** lastChange[t]: the last row s ≤ t with x[s] ≠ x[s−1] (0 for a run from the start); a window from..t is constant iff lastChange[t] ≤ from. */
export function lastChange(x: Float64Array): Int32Array {
  const out = new Int32Array(x.length);
  for (let t = 1; t < x.length; t++) out[t] = x[t] !== x[t - 1] ? t : out[t - 1]!;
  return out;
}
