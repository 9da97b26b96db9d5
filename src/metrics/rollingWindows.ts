/**
 * Rolling one-year series over periodic simple returns, window w = P periods (the last year):
 * - rollingReturn_t = ∏_{s=t−w+1..t}(1 + r_s) − 1
 * - rollingVolatility_t = sd(r_{t−w+1..t}, w−1) · √P
 * Both NaN for t < w − 1 (not a full year yet; renderers show nothing there).
 *
 * O(n), without sliding subtraction or division: the rows are cut into blocks of w, and every
 * window is the tail of one block joined to the head of the next (van Herk 1992, Gil & Werman
 * 1993: running prefixes of the current block, suffixes of the previous one). The product,
 * Σ(r − K) and Σ(r − K)² of each window are thus each a product or sum of at most w + 1 terms,
 * re-formed every window from exact block partials, so no drift accumulates over long series;
 * the variance is (Σd² − (Σd)²/w)/(w − 1) with d = r − K and K the series' mean, a shift that
 * keeps the cancellation small (Chan, Golub & LeVeque 1983). Agrees with the two-pass
 * per-window computation to about 1e-15 (test/unit/metrics/rollingWindows.test.ts).
 * Allocation: the two outputs and three w-long scratch rows.
 */
export function rollingOneYear(
  returns: Float64Array,
  periodsPerYear: number,
): { rollingReturn: Float64Array; rollingVolatility: Float64Array } {
  const n = returns.length;
  const w = Math.max(2, Math.round(periodsPerYear));
  const rollingReturn = new Float64Array(n).fill(Number.NaN);
  const rollingVolatility = new Float64Array(n).fill(Number.NaN);
  if (n < w) return { rollingReturn, rollingVolatility };
  const scale = Math.sqrt(periodsPerYear);
  const shift = finiteMean(returns);
  // Suffix partials of the previous block: sufG[j] = ∏ (1 + r) over its rows j..w−1, etc.
  const sufG = new Float64Array(w);
  const sufS = new Float64Array(w);
  const sufQ = new Float64Array(w);
  for (let start = 0; start < n; start += w) {
    const end = Math.min(n, start + w);
    let pg = 1;
    let ps = 0;
    let pq = 0;
    for (let t = start; t < end; t++) {
      const r = returns[t]!;
      const d = r - shift;
      pg *= 1 + r;
      ps += d;
      pq += d * d;
      if (t < w - 1) continue;
      // The window t−w+1..t starts at row j = t − start + 1 of the previous block (j = w: this block whole).
      const j = t - start + 1;
      const growth = j === w ? pg : sufG[j]! * pg;
      const sum = j === w ? ps : sufS[j]! + ps;
      const sq = j === w ? pq : sufQ[j]! + pq;
      const ss = sq - (sum * sum) / w;
      rollingReturn[t] = growth - 1;
      rollingVolatility[t] = Math.sqrt(ss < 0 ? 0 : ss / (w - 1)) * scale; // NaN stays NaN
    }
    if (end - start < w) break;
    let sg = 1;
    let ss = 0;
    let sq = 0;
    for (let j = w - 1; j >= 0; j--) {
      const r = returns[start + j]!;
      const d = r - shift;
      sg *= 1 + r;
      ss += d;
      sq += d * d;
      sufG[j] = sg;
      sufS[j] = ss;
      sufQ[j] = sq;
    }
  }
  return { rollingReturn, rollingVolatility };
}

/** Mean of the finite values (0 when none): the shift that centres the window sums. */
function finiteMean(x: Float64Array): number {
  let sum = 0;
  let count = 0;
  for (let i = 0; i < x.length; i++) {
    const v = x[i]!;
    if (Number.isFinite(v)) {
      sum += v;
      count++;
    }
  }
  return count > 0 ? sum / count : 0;
}
