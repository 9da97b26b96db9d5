/**
 * The effective number of independent trials among M variants, from the correlation matrix R
 * of their daily returns, by Nyholt's estimator (Nyholt 2004, "A simple correction for multiple
 * testing for single-nucleotide polymorphisms in linkage disequilibrium with each other",
 * American Journal of Human Genetics 74(4), 765–769):
 *
 *   M_eff = 1 + (M − 1) · (1 − Var(λ) / M),   Var(λ) the sample variance (divisor M − 1) of R's eigenvalues.
 *
 * The eigenvalues of a correlation matrix sum to M (mean 1) and their squares to trace(R²) =
 * Σᵢⱼ rᵢⱼ², so Var(λ) = Σ_{i≠j} rᵢⱼ² / (M − 1) and no eigen-decomposition is needed:
 *
 *   M_eff = 1 + (M − 1) · (1 − mean_{i≠j} rᵢⱼ²).
 *
 * M identical variants give 1, M uncorrelated ones give M. Nyholt's estimate is known to be
 * conservative (too many trials) for block-correlated sets (Li & Ji 2005, Heredity 95, 221–227);
 * more trials means a stricter deflated Sharpe ratio. A variant with constant returns has no
 * correlation with any other and counts as uncorrelated (r = 0).
 */
export function effectiveTrials(series: readonly ArrayLike<number>[]): number {
  const M = series.length;
  if (M <= 1) return M;
  const T = series[0]!.length;
  // Centre and scale each series to unit norm: rᵢⱼ is then a dot product.
  const z = series.map((s) => {
    let mean = 0;
    for (let t = 0; t < T; t++) mean += s[t]!;
    mean /= T;
    const out = new Float64Array(T);
    let ss = 0;
    for (let t = 0; t < T; t++) {
      out[t] = s[t]! - mean;
      ss += out[t]! * out[t]!;
    }
    const norm = Math.sqrt(ss);
    if (norm > 0) for (let t = 0; t < T; t++) out[t] = out[t]! / norm;
    return norm > 0 ? out : null;
  });
  let sumSq = 0;
  for (let i = 0; i < M; i++) {
    const a = z[i];
    if (!a) continue;
    for (let j = i + 1; j < M; j++) {
      const b = z[j];
      if (!b) continue;
      let r = 0;
      for (let t = 0; t < T; t++) r += a[t]! * b[t]!;
      sumSq += r * r;
    }
  }
  const meanOffDiagonal = (2 * sumSq) / (M * (M - 1));
  return 1 + (M - 1) * (1 - meanOffDiagonal);
}
