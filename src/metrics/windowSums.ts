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
  const w = Math.max(1, Math.round(window));
  // One loop per case, each monomorphic and without a per-row closure: in a one-shot run these
  // loops mostly execute before the optimising compiler reaches them, where every call and
  // every type check costs.
  return y === null ? singleSums(x, w) : pairSums(x, y, w);
}

function singleSums(x: Float64Array, w: number): WindowSums {
  const n = x.length;
  const count = new Float64Array(n);
  const sxOut = new Float64Array(n);
  const sxxOut = new Float64Array(n);
  const none = new Float64Array(0);
  let c = 0, sx = 0, sxx = 0;
  for (let t = 0; t < n; t++) {
    if ((t + 1) % w === 0) {
      // Re-sum the window exactly.
      c = sx = sxx = 0;
      for (let s = Math.max(0, t - w + 1); s <= t; s++) {
        const a = x[s]!;
        if (a - a !== 0) continue; // not finite
        c++; sx += a; sxx += a * a;
      }
    } else {
      const a = x[t]!;
      if (a - a === 0) {
        c++; sx += a; sxx += a * a;
      }
      const old = t - w;
      if (old >= 0) {
        const b = x[old]!;
        if (b - b === 0) {
          c--; sx -= b; sxx -= b * b;
        }
      }
    }
    count[t] = c; sxOut[t] = sx; sxxOut[t] = sxx;
  }
  return { count, sx: sxOut, sxx: sxxOut, sy: none, syy: none, sxy: none };
}

function pairSums(x: Float64Array, y: Float64Array, w: number): WindowSums {
  const n = x.length;
  const out: WindowSums = { count: new Float64Array(n), sx: new Float64Array(n), sxx: new Float64Array(n), sy: new Float64Array(n), syy: new Float64Array(n), sxy: new Float64Array(n) };
  let c = 0, sx = 0, sxx = 0, sy = 0, syy = 0, sxy = 0;
  for (let t = 0; t < n; t++) {
    if ((t + 1) % w === 0) {
      // Re-sum the window exactly.
      c = sx = sxx = sy = syy = sxy = 0;
      for (let s = Math.max(0, t - w + 1); s <= t; s++) {
        const a = x[s]!;
        const b = y[s]!;
        if (a - a !== 0 || b - b !== 0) continue; // not both finite
        c++; sx += a; sxx += a * a; sy += b; syy += b * b; sxy += a * b;
      }
    } else {
      const a = x[t]!;
      const b = y[t]!;
      if (a - a === 0 && b - b === 0) {
        c++; sx += a; sxx += a * a; sy += b; syy += b * b; sxy += a * b;
      }
      const old = t - w;
      if (old >= 0) {
        const p = x[old]!;
        const q = y[old]!;
        if (p - p === 0 && q - q === 0) {
          c--; sx -= p; sxx -= p * p; sy -= q; syy -= q * q; sxy -= p * q;
        }
      }
    }
    out.count[t] = c; out.sx[t] = sx; out.sxx[t] = sxx; out.sy[t] = sy; out.syy[t] = syy; out.sxy[t] = sxy;
  }
  return out;
}

/** lastChange[t]: the last row s ≤ t with x[s] ≠ x[s−1] (0 for a run from the start); a window from..t is constant iff lastChange[t] ≤ from. */
export function lastChange(x: Float64Array): Int32Array {
  const out = new Int32Array(x.length);
  for (let t = 1; t < x.length; t++) out[t] = x[t] !== x[t - 1] ? t : out[t - 1]!;
  return out;
}
