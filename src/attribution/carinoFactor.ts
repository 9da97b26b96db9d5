/**
 * Cariño's logarithmic linking factor (D. Cariño, "Combining Attribution Effects Over Time",
 * Journal of Performance Measurement 3(4), 1999, pp. 5–14):
 *   κ(r, b) = (ln(1 + r) − ln(1 + b)) / (r − b),
 * with the limit κ = 1 / (1 + b) when r = b. With b = 0 it is the factor of a return on its own,
 * k(r) = ln(1 + r) / r → 1 as r → 0. Computed as ln(1 + x) / x / (1 + b) with x = (r − b) / (1 + b)
 * (log1p, so returns close to each other lose no digits to cancellation). NaN when 1 + r ≤ 0 or
 * 1 + b ≤ 0 (a wipe-out has no logarithm).
 */
export function carinoFactor(r: number, b = 0): number {
  if (!(1 + r > 0) || !(1 + b > 0)) return Number.NaN;
  const x = (r - b) / (1 + b);
  return (x === 0 ? 1 : Math.log1p(x) / x) / (1 + b);
}

/**
 * Per-period linking coefficients β_t = κ(r_t, b_t) / κ(R, B) for t = 1..n−1 (entry 0 is 0), R = ∏(1 + r_t) − 1
 * and B likewise. Any per-period decomposition Σ_j e_{j,t} = r_t − b_t then links over time as
 * Σ_t β_t e_{j,t}, and Σ_j Σ_t β_t e_{j,t} = Σ_t (ln(1 + r_t) − ln(1 + b_t)) / κ(R, B) = R − B.
 * `benchmark` omitted: b_t = 0 (contributions to the total return R). The denominator κ(R, B) is
 * computed as Σ_t κ(r_t, b_t)(r_t − b_t) / (R − B), equal to it in exact arithmetic
 * (ln(1 + R) = Σ_t ln(1 + r_t)) and chosen so that the linked terms add up to R − B to the
 * rounding of the sums (the closed form differs by the rounding of ∏(1 + r_t), which 1/κ
 * magnifies: about 2e-13 on 21 years of daily returns); when |R − B| < 1e-9 the closed form
 * κ(R, B) is used. Null when a period or the total is a wipe-out (1 + r ≤ 0).
 */
export function carinoCoefficients(returns: Float64Array, benchmark?: Float64Array): { coefficients: Float64Array; total: number; benchmarkTotal: number } | null {
  const n = returns.length;
  let growth = 1;
  let benchmarkGrowth = 1;
  for (let t = 1; t < n; t++) {
    growth *= 1 + (returns[t] as number);
    if (benchmark) benchmarkGrowth *= 1 + (benchmark[t] as number);
  }
  const total = growth - 1;
  const benchmarkTotal = benchmarkGrowth - 1;
  if (!Number.isFinite(carinoFactor(total, benchmarkTotal))) return null;
  const coefficients = new Float64Array(n);
  // Σ_t ln(1 + r_t) − ln(1 + b_t), Neumaier-compensated: its rounding would scale R − B.
  let logSum = 0;
  let carry = 0;
  for (let t = 1; t < n; t++) {
    const r = returns[t] as number;
    const b = benchmark ? (benchmark[t] as number) : 0;
    const kt = carinoFactor(r, b);
    if (!Number.isFinite(kt)) return null;
    coefficients[t] = kt;
    const x = kt * (r - b);
    const next = logSum + x;
    carry += Math.abs(logSum) >= Math.abs(x) ? logSum - next + x : x - next + logSum;
    logSum = next;
  }
  logSum += carry;
  const active = total - benchmarkTotal;
  const k = Math.abs(active) < 1e-9 ? carinoFactor(total, benchmarkTotal) : logSum / active;
  if (!(k > 0)) return null;
  for (let t = 1; t < n; t++) coefficients[t] = (coefficients[t] as number) / k;
  return { coefficients, total, benchmarkTotal };
}
