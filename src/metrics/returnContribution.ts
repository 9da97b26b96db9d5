/**
 * Arithmetic return contribution of each asset: c_i = Σ_{t≥1} w_{i,t−1} · r_{i,t}, with w the
 * RAW end-of-day weights (fractions of equity, cash earning 0) and r the asset's simple return
 * from close t−1 to close t. Σ_i c_i = Σ_t r_{p,t}, the arithmetic sum of the portfolio
 * returns; it does not compound, so it differs from the geometric total ∏(1 + r_{p,t}) − 1 by a
 * residual the report shows. A NaN return with zero weight contributes 0; a NaN return with a
 * non-zero weight is skipped and counted in `missing`.
 */
export function returnContribution(
  weights: Float64Array,
  assetReturns: Float64Array,
  nAssets: number,
  nDates: number,
): { contributions: Float64Array; missing: number } {
  const contributions = new Float64Array(nAssets);
  let missing = 0;
  for (let a = 0; a < nAssets; a++) {
    const base = a * nDates;
    let sum = 0;
    for (let t = 1; t < nDates; t++) {
      const w = weights[base + t - 1] as number;
      if (w === 0) continue;
      const r = assetReturns[base + t] as number;
      if (Number.isNaN(r)) missing++;
      else sum += w * r;
    }
    contributions[a] = sum;
  }
  return { contributions, missing };
}

/**
 * "Winner takes all" share: Σ of the K largest positive contributions / Σ of all positive
 * contributions. NaN when no contribution is positive.
 */
export function topContributorsShare(contributions: Float64Array, topK: number): number {
  const positive = Array.from(contributions).filter((c) => c > 0).sort((a, b) => b - a);
  if (positive.length === 0) return Number.NaN;
  let all = 0;
  for (const c of positive) all += c;
  let top = 0;
  for (let i = 0; i < Math.min(topK, positive.length); i++) top += positive[i] as number;
  return top / all;
}
