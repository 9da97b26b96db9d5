import { symmetricEigen } from '../numeric/symmetricEigen.js';

/**
 * Meucci's effective number of uncorrelated bets (Meucci 2009, "Managing Diversification"):
 * with the eigen-decomposition Σ = Σ_k λ_k e_k e_kᵀ and the exposures to the principal
 * portfolios y_k = e_kᵀw, p_k = λ_k y_k² / Σ_j λ_j y_j² and
 * effectiveBets = exp(−Σ_k p_k ln p_k) (terms with p_k = 0 add 0; eigenvalues below 0 from
 * rounding count as 0). 1 for a single asset, k for k uncorrelated equal-volatility assets held
 * in equal weights. NaN when wᵀΣw ≤ 0.
 */
export function effectiveBets(cov: Float64Array, w: Float64Array): number {
  const k = w.length;
  const { values, vectors } = symmetricEigen(cov, k);
  const contrib = new Float64Array(k);
  let total = 0;
  for (let c = 0; c < k; c++) {
    let y = 0;
    for (let i = 0; i < k; i++) y += (vectors[i * k + c] as number) * (w[i] as number);
    const v = Math.max(0, values[c] as number) * y * y;
    contrib[c] = v;
    total += v;
  }
  if (!(total > 0)) return Number.NaN;
  let entropy = 0;
  for (let c = 0; c < k; c++) {
    const p = (contrib[c] as number) / total;
    if (p > 0) entropy -= p * Math.log(p);
  }
  return Math.exp(entropy);
}
