/**
 * Conditional Gaussian propagation of a shock: with the assets' returns jointly normal with zero
 * mean and covariance Σ, fixing the shocked assets S at s gives for every other asset u
 *   E[x_u | x_S = s] = Σ_uS Σ_SS⁻¹ s
 * (the regression of x_u on x_S: the conditional stress test of Kupiec 1998, "Stress Testing in
 * a Value at Risk Framework", *Journal of Derivatives* 6(1)). Means are left out: a daily mean (≈ 0.1%) belongs
 * to a one-day horizon and is negligible next to a shock of tens of percent, while the betas
 * Σ_uS Σ_SS⁻¹ do not depend on the horizon. Shocked assets get their shock. Σ_SS is solved by
 * Cholesky; a singular Σ_SS (collinear or constant shocked assets) gives null. Pure.
 */
import { choleskyFactor, choleskySolve } from '../numeric/cholesky.js';

/** `cov` row-major n×n; `shocked` indexes with their shocks. Returns x (length n) or null when Σ_SS is singular. */
export function conditionalShock(cov: Float64Array, n: number, shocked: readonly number[], shocks: readonly number[]): Float64Array | null {
  const k = shocked.length;
  const sss = new Float64Array(k * k);
  for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) sss[i * k + j] = cov[shocked[i]! * n + shocked[j]!]!;
  if (!choleskyFactor(sss, k)) return null;
  const z = Float64Array.from(shocks);
  choleskySolve(sss, k, z); // z = Σ_SS⁻¹ s
  const x = new Float64Array(n);
  for (let u = 0; u < n; u++) {
    let v = 0;
    for (let j = 0; j < k; j++) v += cov[u * n + shocked[j]!]! * z[j]!;
    x[u] = v;
  }
  shocked.forEach((a, j) => (x[a] = shocks[j]!));
  return x;
}

/**
 * Sample covariance (n − 1) of the columns of a row-major T×n return matrix, over the rows on
 * which every column is finite (listwise). Returns the covariance and the rows used.
 */
export function sampleCovariance(returns: Float64Array, rows: number, n: number): { cov: Float64Array; observations: number } {
  const used: number[] = [];
  for (let t = 0; t < rows; t++) {
    let ok = true;
    for (let a = 0; a < n && ok; a++) ok = Number.isFinite(returns[t * n + a]!);
    if (ok) used.push(t);
  }
  const m = used.length;
  const mean = new Float64Array(n);
  for (const t of used) for (let a = 0; a < n; a++) mean[a]! += returns[t * n + a]! / m;
  const cov = new Float64Array(n * n);
  if (m < 2) return { cov: cov.fill(Number.NaN), observations: m };
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      let s = 0;
      for (const t of used) s += (returns[t * n + i]! - mean[i]!) * (returns[t * n + j]! - mean[j]!);
      cov[i * n + j] = cov[j * n + i] = s / (m - 1);
    }
  }
  return { cov, observations: m };
}
