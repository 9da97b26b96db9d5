import { covarianceKernel } from '../numeric/covarianceKernel.js';

/**
 * Ledoit-Wolf shrinkage of the sample covariance towards a scaled identity (Ledoit & Wolf 2004,
 * "A well-conditioned estimator for large-dimensional covariance matrices", J. Multivariate
 * Analysis 88), in the form scikit-learn's `sklearn.covariance.ledoit_wolf` computes
 * (assume_centered=False), so that figures can be checked against it.
 *
 * With x_t the demeaned rows (t = 1..T complete rows, listwise deletion as in covarianceKernel),
 * p series, S = (1/T) Σ_t x_t x_tᵀ (divisor T, the maximum-likelihood form), and ‖A‖² = Σ_ij A_ij²:
 *
 *   μ  = tr(S) / p                                  (the target is μ·I)
 *   δ² = ‖S − μI‖² / p
 *   β² = min(δ², (Σ_t ‖x_t‖⁴ / T − ‖S‖²) / (p T))   (= (1/T²) Σ_t ‖x_t x_tᵀ − S‖² / p, capped)
 *   s  = β² / δ²  (0 when δ² = 0)
 *   Σ̂  = (1 − s) S + s μ I
 *
 * Σ̂ is positive definite whenever s > 0, which is why the optimisers offer it for short windows.
 * Output is row-major p×p; with fewer than 2 complete rows every entry is NaN.
 */
export function ledoitWolf(
  returns: Float64Array,
  k: number,
  length: number,
): { cov: Float64Array; shrinkage: number; rowsUsed: number } {
  const { cov, rowsUsed: t, centered: x } = covarianceKernel(returns, k, length, 0);
  if (t < 2) {
    cov.fill(Number.NaN);
    return { cov, shrinkage: Number.NaN, rowsUsed: t };
  }
  let frob = 0;
  let trace = 0;
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      const v = cov[i * k + j] as number;
      frob += v * v;
    }
    trace += cov[i * k + i] as number;
  }
  const mu = trace / k;
  let sumNorm4 = 0;
  for (let r = 0; r < t; r++) {
    let norm2 = 0;
    for (let i = 0; i < k; i++) {
      const v = x[i * t + r] as number;
      norm2 += v * v;
    }
    sumNorm4 += norm2 * norm2;
  }
  // ‖S − μI‖² = ‖S‖² − 2μ tr(S) + p μ².
  const delta = (frob - 2 * mu * trace + k * mu * mu) / k;
  const beta = Math.min(delta, (sumNorm4 / t - frob) / (k * t));
  const shrinkage = delta > 0 ? Math.max(0, beta) / delta : 0;
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      const v = (1 - shrinkage) * (cov[i * k + j] as number);
      cov[i * k + j] = i === j ? v + shrinkage * mu : v;
    }
  }
  return { cov, shrinkage, rowsUsed: t };
}
