/**
 * Risk contributions of weights w under covariance Σ (row-major k×k):
 * RC_i = w_i (Σw)_i / (wᵀΣw), which sum to 1 (Euler decomposition of portfolio variance).
 * Scale-free in w, so raw or normalised weights give the same result. All NaN when wᵀΣw ≤ 0.
 */
export function riskContribution(cov: Float64Array, w: Float64Array): Float64Array {
  const k = w.length;
  const sw = new Float64Array(k);
  let variance = 0;
  for (let i = 0; i < k; i++) {
    let s = 0;
    for (let j = 0; j < k; j++) s += (cov[i * k + j] as number) * (w[j] as number);
    sw[i] = s;
    variance += (w[i] as number) * s;
  }
  const out = new Float64Array(k);
  for (let i = 0; i < k; i++) out[i] = variance > 0 ? ((w[i] as number) * (sw[i] as number)) / variance : Number.NaN;
  return out;
}
