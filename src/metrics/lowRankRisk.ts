import { dotProduct } from '../numeric/dotProduct.js';
import { eigenProjection } from '../numeric/symmetricEigenQl.js';
import { betsFromContributions } from './effectiveBets.js';

/**
 * Risk contributions and Meucci's effective bets of weights w under the sample covariance of a
 * window with fewer complete rows T than assets k, without forming the k×k covariance.
 *
 * With X the T×k demeaned window (`centered[i * T + r]`, series i, row r), Σ = XᵀX / (T − 1) has
 * rank ≤ T − 1, and its nonzero eigenpairs come from the T×T Gram matrix G = XXᵀ: G u = μ u
 * gives Σ e = λ e with λ = μ / (T − 1) and e = Xᵀu / √μ (the "snapshot" identity of the SVD,
 * X = U S Vᵀ; Golub & Van Loan §8.6, Sirovich 1987). So with z = Xw (T values):
 *   Σw = Xᵀz / (T − 1),  wᵀΣw = zᵀz / (T − 1),  RC_i = w_i (Xᵀz)_i / zᵀz,
 *   λ_k y_k² = λ_k (e_kᵀw)² = (u_kᵀz)² / (T − 1),
 * and the effective bets' shares p_k = (u_kᵀz)² / Σ_j (u_jᵀz)² over μ_k > 0 (eigenvalues that
 * are 0 up to rounding count as 0, as in effectiveBets). O(T²k + T³) instead of O(k²T + k³).
 * `rc` is all NaN (and bets NaN) when wᵀΣw ≤ 0.
 */
export function lowRankRisk(centered: Float64Array, k: number, t: number, w: Float64Array): { rc: Float64Array; bets: number } {
  const z = new Float64Array(t);
  for (let i = 0; i < k; i++) {
    const wi = w[i] as number;
    const base = i * t;
    for (let r = 0; r < t; r++) z[r] = (z[r] as number) + wi * (centered[base + r] as number);
  }
  let zz = 0;
  for (let r = 0; r < t; r++) zz += (z[r] as number) * (z[r] as number);
  const rc = new Float64Array(k);
  if (!(zz > 0)) return { rc: rc.fill(Number.NaN), bets: Number.NaN };
  for (let i = 0; i < k; i++) {
    let s = 0;
    const base = i * t;
    for (let r = 0; r < t; r++) s += (centered[base + r] as number) * (z[r] as number);
    rc[i] = ((w[i] as number) * s) / zz;
  }
  const { values, projections } = eigenProjection(gram(centered, k, t), t, z);
  const contrib = new Float64Array(t);
  for (let c = 0; c < t; c++) contrib[c] = (values[c] as number) > 0 ? (projections[c] as number) ** 2 : 0;
  return { rc, bets: betsFromContributions(contrib) };
}

/**
 * G = XXᵀ (T×T, row-major) from the row-per-series block: G[r][s] = Σ_i x_{i,r} x_{i,s}. The
 * block is transposed once so that each entry is a contiguous dot product over the k series
 * (4 accumulators).
 */
function gram(centered: Float64Array, k: number, t: number): Float64Array {
  const xt = new Float64Array(t * k);
  for (let i = 0; i < k; i++) for (let r = 0; r < t; r++) xt[r * k + i] = centered[i * t + r] as number;
  const g = new Float64Array(t * t);
  for (let r = 0; r < t; r++) {
    const a = r * k;
    for (let c = r; c < t; c++) {
      const v = dotProduct(xt, a, c * k, k);
      g[r * t + c] = v;
      g[c * t + r] = v;
    }
  }
  return g;
}
