/**
 * Rolling beta against the benchmark over the trailing `window` periods:
 * beta_t = cov(r, b) / var(b) over the periods of the window where both returns are finite
 * (the common periods, as the whole-period `beta` of CONVENTIONS.md; the OLS slope, CAPM.beta
 * in PerformanceAnalytics). NaN before the first full window, when fewer than ⌈w/2⌉ common
 * periods remain, or when the benchmark is constant over them. Two-pass per window.
 */
export function rollingBeta(returns: Float64Array, benchmark: Float64Array, window: number): Float64Array {
  const n = returns.length;
  if (benchmark.length !== n) throw new RangeError(`rollingBeta: ${n} returns but ${benchmark.length} benchmark returns`);
  const w = Math.max(2, Math.round(window));
  const need = Math.max(2, Math.ceil(w / 2));
  const out = new Float64Array(n).fill(Number.NaN);
  for (let t = w - 1; t < n; t++) {
    let sr = 0;
    let sb = 0;
    let count = 0;
    let firstB = Number.NaN;
    let constant = true;
    for (let s = t - w + 1; s <= t; s++) {
      const r = returns[s] as number;
      const b = benchmark[s] as number;
      if (Number.isFinite(r) && Number.isFinite(b)) {
        sr += r;
        sb += b;
        if (count === 0) firstB = b;
        else if (b !== firstB) constant = false;
        count++;
      }
    }
    if (count < need || constant) continue;
    const mr = sr / count;
    const mb = sb / count;
    let cov = 0;
    let varB = 0;
    for (let s = t - w + 1; s <= t; s++) {
      const r = returns[s] as number;
      const b = benchmark[s] as number;
      if (Number.isFinite(r) && Number.isFinite(b)) {
        cov += (r - mr) * (b - mb);
        varB += (b - mb) ** 2;
      }
    }
    out[t] = cov / varB;
  }
  return out;
}
