/**
 * Arithmetic return contribution of each asset: c_i = Σ_{t≥1} ω_{i,t−1} · r_{i,t}, with ω the
 * RAW end-of-day weights w (fractions of equity, cash earning 0) as fractions of the equity the
 * period's return is measured from: ω_{i,t−1} = w_{i,t−1} for t ≥ 2, and for the first period,
 * measured from the initial capital 1, ω_{i,0} = w_{i,0} · V_0 (`firstPeriodScale` = V_0, below 1
 * when a trade at the start close paid costs). r is the asset's simple return from close t−1 to
 * close t. Without costs Σ_i c_i = Σ_t r_{p,t}; with costs Σ_i c_i + costContribution = Σ_t r_{p,t}.
 * The sums do not compound, so they differ from the geometric total ∏(1 + r_{p,t}) − 1 by a
 * residual the report shows. A NaN return with zero weight contributes 0; a NaN return with a
 * non-zero weight is skipped and counted in `missing`. With `coefficients` (β_t per period row, e.g.
 * Cariño's linking coefficients, src/attribution/carinoFactor.ts) each term is weighted,
 * c_i = Σ_t β_t · ω_{i,t−1} · r_{i,t}, and summed with Neumaier's compensation (A. Neumaier,
 * ZAMM 54, 1974), whose carried rounding error is added at the end.
 */
export function returnContribution(
  weights: Float64Array,
  assetReturns: Float64Array,
  nAssets: number,
  nDates: number,
  firstPeriodScale = 1,
  coefficients?: Float64Array,
): { contributions: Float64Array; missing: number } {
  const contributions = new Float64Array(nAssets);
  let missing = 0;
  for (let a = 0; a < nAssets; a++) {
    const base = a * nDates;
    let sum = 0;
    let carry = 0;
    // The first period apart (its weight scaled by V_0): the loops below then multiply by
    // nothing else (plain) or by β_t alone (linked), the same products as w · 1 · 1 and w · 1 · β_t.
    if (nDates > 1) {
      const w = (weights[base] as number) * firstPeriodScale * (coefficients ? (coefficients[1] as number) : 1);
      const r = assetReturns[base + 1] as number;
      if (w !== 0) {
        if (Number.isNaN(r)) missing++;
        else {
          // As the loop below from sum = carry = 0: next = 0 + x, and the carry stays 0.
          sum = 0 + w * r;
        }
      }
    }
    if (coefficients) {
      for (let t = 2; t < nDates; t++) {
        const w = (weights[base + t - 1] as number) * (coefficients[t] as number);
        if (w === 0) continue;
        const r = assetReturns[base + t] as number;
        if (r !== r) {
          missing++;
          continue;
        }
        const x = w * r;
        const next = sum + x;
        carry += (sum >= 0 ? sum : -sum) >= (x >= 0 ? x : -x) ? sum - next + x : x - next + sum;
        sum = next;
      }
      // Linked sums are large (1/k(R) magnifies each day): Neumaier's compensation keeps them to the last digit.
      contributions[a] = sum + carry;
    } else {
      // Plain sums: no compensation (the carry is not used).
      for (let t = 2; t < nDates; t++) {
        const w = weights[base + t - 1] as number;
        if (w === 0) continue;
        const r = assetReturns[base + t] as number;
        if (r !== r) {
          missing++;
          continue;
        }
        sum += w * r;
      }
      contributions[a] = sum;
    }
  }
  return { contributions, missing };
}

/** The plain and the linked return contributions of one run (returnContributions). */
export interface ContributionPair {
  readonly plain: { contributions: Float64Array; missing: number };
  /** Null without coefficients. */
  readonly linked: { contributions: Float64Array; missing: number } | null;
}

/**
 * returnContribution(…, firstPeriodScale) and returnContribution(…, firstPeriodScale,
 * coefficients) in one pass over the weights and returns (the report needs both: the
 * concentration summary's arithmetic sums and the Cariño-linked contributions); the same terms
 * in the same order, so the same bits as the two calls.
 */
export function returnContributions(
  weights: Float64Array,
  assetReturns: Float64Array,
  nAssets: number,
  nDates: number,
  firstPeriodScale: number,
  coefficients: Float64Array | null,
): ContributionPair {
  if (coefficients === null) return { plain: returnContribution(weights, assetReturns, nAssets, nDates, firstPeriodScale), linked: null };
  const plain = new Float64Array(nAssets);
  const linked = new Float64Array(nAssets);
  let missingPlain = 0;
  let missingLinked = 0;
  for (let a = 0; a < nAssets; a++) {
    const base = a * nDates;
    let sumPlain = 0;
    let sum = 0;
    let carry = 0;
    for (let t = 1; t < nDates; t++) {
      const w = (weights[base + t - 1] as number) * (t === 1 ? firstPeriodScale : 1);
      const wl = w * (coefficients[t] as number);
      if (w === 0 && wl === 0) continue;
      const r = assetReturns[base + t] as number;
      if (r !== r) {
        if (w !== 0) missingPlain++;
        if (wl !== 0) missingLinked++;
        continue;
      }
      if (w !== 0) sumPlain += w * r;
      if (wl !== 0) {
        const x = wl * r;
        const next = sum + x;
        carry += (sum >= 0 ? sum : -sum) >= (x >= 0 ? x : -x) ? sum - next + x : x - next + sum;
        sum = next;
      }
    }
    plain[a] = sumPlain;
    linked[a] = sum + carry;
  }
  return { plain: { contributions: plain, missing: missingPlain }, linked: { contributions: linked, missing: missingLinked } };
}

/**
 * The costs' contribution to the arithmetic sum of portfolio returns (≤ 0): each trade's cost
 * (a fraction of the initial capital) divided by the equity its period's return is measured
 * from, −Σ_k cost_k / B_k with B_k = V_{t_k−1} for a trade at row t_k ≥ 2, and B_k = 1 (the
 * initial capital) for a trade at row 0 or 1, whose cost falls in the first period. With
 * returnContribution: r_{p,t} = Σ_i ω_{i,t−1} r_{i,t} − Σ_{k: trade in period t} cost_k / B_k
 * for every t, so Σ_i c_i + costs = Σ_t r_{p,t} exactly (up to rounding). With `coefficients`
 * each trade's term is weighted by β of its period (row t_k, or row 1 for a trade at row 0).
 */
export function costContribution(tradeRows: Int32Array, tradeCosts: Float64Array, equity: Float64Array, coefficients?: Float64Array): number {
  let sum = 0;
  for (let k = 0; k < tradeRows.length; k++) {
    const t = tradeRows[k] as number;
    const cost = tradeCosts[k] as number;
    if (cost === 0) continue;
    const beta = coefficients ? (coefficients[Math.max(t, 1)] as number) : 1;
    sum -= (beta * cost) / (t >= 2 ? (equity[t - 1] as number) : 1);
  }
  return sum;
}

/**
 * What cash earned, as a contribution: Σ_t β_t · ω_{cash,t−1} · c_t with ω_{cash,t−1} =
 * cash_{t−1} / B_t the cash held at the close of t − 1 as a fraction of the equity period t is
 * measured from (B_1 = 1, the initial capital; B_t = V_{t−1}), c_t the cash return of period t and
 * β_t = 1 without `coefficients`. With it, r_{p,t} = Σ_i ω_{i,t−1} r_{i,t} + ω_{cash,t−1} c_t −
 * Σ_{k: trade in period t} cost_k / B_k for every t (the kernel's accounting: V_t = cash_{t−1}(1 + c_t)
 * + Σ_i u_i p_{i,t} − cost_t).
 */
export function cashContribution(cash: Float64Array, equity: Float64Array, cashReturns: Float64Array, coefficients?: Float64Array): number {
  let sum = 0;
  for (let t = 1; t < cash.length; t++) {
    const c = cashReturns[t] as number;
    if (c === 0) continue;
    const held = (cash[t - 1] as number) / (t === 1 ? 1 : (equity[t - 1] as number));
    sum += (coefficients ? (coefficients[t] as number) : 1) * held * c;
  }
  return sum;
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
