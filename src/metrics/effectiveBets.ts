import { eigenProjection } from '../numeric/symmetricEigenQl.js';

/**
 * Meucci's effective number of uncorrelated bets (Meucci 2009, "Managing Diversification"):
 * with the eigen-decomposition Σ = Σ_k λ_k e_k e_kᵀ and the exposures to the principal
 * portfolios y_k = e_kᵀw, p_k = λ_k y_k² / Σ_j λ_j y_j² and
 * effectiveBets = exp(−Σ_k p_k ln p_k) (terms with p_k = 0 add 0; eigenvalues below 0 from
 * rounding count as 0). 1 for a single asset, k for k uncorrelated equal-volatility assets held
 * in equal weights. NaN when wᵀΣw ≤ 0.
 *
 * The eigenvalues and the exposures y_k come from numeric/symmetricEigenQl.ts (Householder + QL,
 * the rotations applied to wᵀQ only), O(k³) with a small constant.
 */
export function effectiveBets(cov: Float64Array, w: Float64Array): number {
  const k = w.length;
  const { values, projections } = eigenProjection(cov, k, w);
  const contrib = new Float64Array(k);
  for (let c = 0; c < k; c++) {
    const y = projections[c] as number;
    contrib[c] = Math.max(0, values[c] as number) * y * y;
  }
  return betsFromContributions(contrib);
}

/** exp of the entropy of the shares c_k / Σ_j c_j (c_k ≥ 0); NaN when Σ c ≤ 0. */
export function betsFromContributions(contrib: Float64Array): number {
  let total = 0;
  for (let c = 0; c < contrib.length; c++) total += contrib[c] as number;
  if (!(total > 0)) return Number.NaN;
  let entropy = 0;
  for (let c = 0; c < contrib.length; c++) {
    const p = (contrib[c] as number) / total;
    if (p > 0) entropy -= p * Math.log(p);
  }
  return Math.exp(entropy);
}
