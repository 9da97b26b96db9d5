/**
 * The daily return of a group of assets (a sleeve, or several sleeves together) as a portfolio
 * of its own: on period row t ≥ 1,
 *   r_{G,t} = Σ_{i∈G} f_i · w_{i,t−1} · r_{i,t} / Σ_{i∈G} f_i · w_{i,t−1},
 * with w_{i,t−1} the asset's end-of-day weight at row t − 1 (its start-of-day weight on day t,
 * the same weights the report's return contributions use), f_i the fraction of the asset that
 * belongs to the group (1 unless shared between sleeves; an asset listed by two sleeves of the
 * group counts with both fractions) and r_{i,t} its simple return. The first period's scale
 * (equity after a start-close trade) multiplies numerator and denominator alike and cancels.
 * NaN on row 0, on a day the group holds nothing at the start (Σ f·w = 0), and on a day a held
 * member has no return. Pure.
 */
export interface GroupMember {
  readonly asset: number;
  readonly fraction: number;
}

export function groupReturns(weights: Float64Array, assetReturns: Float64Array, nDates: number, members: readonly GroupMember[]): Float64Array {
  const out = new Float64Array(nDates).fill(Number.NaN);
  const k = members.length;
  // Each member's column offset and fraction, once (an indexed loop per day, no iterator).
  const offsets = Int32Array.from(members, (m) => m.asset * nDates);
  const fractions = Float64Array.from(members, (m) => m.fraction);
  for (let t = 1; t < nDates; t++) {
    let held = 0;
    let earned = 0;
    let missing = false;
    for (let i = 0; i < k; i++) {
      const w = fractions[i]! * (weights[offsets[i]! + t - 1] as number);
      if (w === 0) continue;
      const r = assetReturns[offsets[i]! + t] as number;
      if (Number.isNaN(r)) missing = true;
      held += w;
      earned += w * r;
    }
    if (!missing && held > 1e-12) out[t] = earned / held;
  }
  return out;
}
