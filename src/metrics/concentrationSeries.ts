/** A sleeve: member assets (column indexes) with the fraction of each that belongs to it. */
export interface SleeveMembers {
  name: string;
  members: Array<{ asset: number; fraction: number }>;
}

/** The daily concentration series (NaN on days with nothing invested). */
export interface ConcentrationSeries {
  hhi: Float64Array;
  effectiveHoldings: Float64Array;
  maxWeight: Float64Array;
  /** Column of the largest weight each day (−1 when nothing is invested). */
  maxWeightAsset: Int32Array;
  topKShare: Float64Array;
  cashWeight: Float64Array;
  sleeveHhi: Float64Array;
  sleeveWeights: Record<string, Float64Array>;
  /** Days with nothing invested (every concentration value NaN). */
  allCashDays: number;
}

/**
 * Daily concentration from end-of-day weights w_{i,t} (column-major, Σ_i w_{i,t} ≤ 1).
 * With W_t = Σ_i w_{i,t} and normalised weights ŵ_{i,t} = w_{i,t} / W_t (the invested part):
 * - cashWeight_t = 1 − W_t (raw, not normalised)
 * - hhi_t = Σ_i ŵ_{i,t}², effectiveHoldings_t = 1 / hhi_t
 * - maxWeight_t = max_i ŵ_{i,t}; topKShare_t = sum of the K largest ŵ_{i,t}
 * - sleeveWeight_{s,t} = Σ_{m ∈ s} fraction_m · ŵ_{m,t}
 * - sleeveHhi_t = Σ_s (sleeveWeight_{s,t} / Σ_s' sleeveWeight_{s',t})² (HHI of the sleeve mix)
 * Days with W_t ≤ 1e-12 (fully in cash) are NaN in every normalised series.
 */
export function concentrationSeries(
  weights: Float64Array,
  nAssets: number,
  nDates: number,
  sleeves: readonly SleeveMembers[],
  topK: number,
): ConcentrationSeries {
  const hhi = new Float64Array(nDates);
  const effectiveHoldings = new Float64Array(nDates);
  const maxWeight = new Float64Array(nDates);
  const maxWeightAsset = new Int32Array(nDates);
  const topKShare = new Float64Array(nDates);
  const cashWeight = new Float64Array(nDates);
  const sleeveHhi = new Float64Array(nDates);
  const sleeveWeights: Record<string, Float64Array> = {};
  for (const s of sleeves) sleeveWeights[s.name] = new Float64Array(nDates);
  // Each sleeve's column and members, looked up once (not by name on every row).
  const sleeveCols = sleeves.map((s) => sleeveWeights[s.name] as Float64Array);
  const memberAsset = sleeves.map((s) => Int32Array.from(s.members, (m) => m.asset));
  const memberFraction = sleeves.map((s) => Float64Array.from(s.members, (m) => m.fraction));
  const row = new Float64Array(nAssets);
  const largest = new Float64Array(Math.max(0, topK));
  let allCashDays = 0;
  for (let t = 0; t < nDates; t++) {
    let invested = 0;
    for (let a = 0; a < nAssets; a++) {
      row[a] = weights[a * nDates + t] as number;
      invested += row[a] as number;
    }
    cashWeight[t] = 1 - invested;
    if (!(invested > 1e-12)) {
      allCashDays++;
      maxWeightAsset[t] = -1;
      hhi[t] = effectiveHoldings[t] = maxWeight[t] = topKShare[t] = sleeveHhi[t] = Number.NaN;
      for (let i = 0; i < sleeveCols.length; i++) sleeveCols[i]![t] = Number.NaN;
      continue;
    }
    let sq = 0;
    let best = -1;
    for (let a = 0; a < nAssets; a++) {
      const w = (row[a] as number) / invested;
      row[a] = w;
      sq += w * w;
      if (best < 0 || w > (row[best] as number)) best = a;
    }
    hhi[t] = sq;
    effectiveHoldings[t] = 1 / sq;
    maxWeight[t] = row[best] as number;
    maxWeightAsset[t] = best;
    topKShare[t] = sumOfLargest(row, topK, largest);
    let sleeveTotal = 0;
    let sleeveSq = 0;
    for (let i = 0; i < sleeveCols.length; i++) {
      const assets = memberAsset[i]!;
      const fractions = memberFraction[i]!;
      let sw = 0;
      for (let j = 0; j < assets.length; j++) sw += fractions[j]! * (row[assets[j]!] as number);
      sleeveCols[i]![t] = sw;
      sleeveTotal += sw;
      sleeveSq += sw * sw;
    }
    sleeveHhi[t] = sleeveTotal > 1e-12 ? sleeveSq / (sleeveTotal * sleeveTotal) : Number.NaN;
  }
  return { hhi, effectiveHoldings, maxWeight, maxWeightAsset, topKShare, cashWeight, sleeveHhi, sleeveWeights, allCashDays };
}

/**
 * Sum of the k largest entries of x (all of them when k ≥ length), added in ascending order
 * (as summing the tail of the sorted array would). The k largest are kept in `scratch` (length
 * ≥ k, reused by the caller) by insertion, O(length · k) without sorting or allocating.
 */
export function sumOfLargest(x: Float64Array, k: number, scratch: Float64Array = new Float64Array(Math.max(0, k))): number {
  if (k >= x.length) {
    let s = 0;
    for (let i = 0; i < x.length; i++) s += x[i] as number;
    return s;
  }
  if (k <= 0) return 0;
  // scratch[0..kept) ascending: the largest entries seen so far.
  let kept = 0;
  for (let i = 0; i < x.length; i++) {
    const v = x[i] as number;
    if (kept === k && !(v > (scratch[0] as number))) continue;
    let at: number;
    if (kept < k) at = kept++;
    else at = 0;
    // Insert v keeping the order: drop the smallest when full (at 0), then sift v up.
    if (at === 0 && kept === k && k > 0) {
      let j = 0;
      while (j + 1 < k && (scratch[j + 1] as number) < v) {
        scratch[j] = scratch[j + 1] as number;
        j++;
      }
      scratch[j] = v;
    } else {
      let j = at;
      while (j > 0 && (scratch[j - 1] as number) > v) {
        scratch[j] = scratch[j - 1] as number;
        j--;
      }
      scratch[j] = v;
    }
  }
  let s = 0;
  for (let j = 0; j < k; j++) s += scratch[j] as number;
  return s;
}
