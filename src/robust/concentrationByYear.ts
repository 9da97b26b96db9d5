/**
 * Concentration regime: how much of each calendar year's return came from its top K
 * contributors ("winner takes all" year by year).
 *
 * Per asset i and year Y: c_{i,Y} = Σ_{t ≥ 1, date_t in Y} w_{i,t−1} · r_{i,t}, with w the raw
 * end-of-day weights (fractions of equity) and r the asset's simple return from close t−1 to
 * close t (arithmetic, as metrics/returnContribution.ts; a NaN return adds nothing). The share is
 * Σ of the K largest positive c_{i,Y} / Σ of all positive c_{i,Y} (null when none is positive).
 */
import { ymdFromDay } from '../core/dates.js';
import { topContributorsShare } from '../metrics/returnContribution.js';

export interface YearConcentration {
  readonly year: number;
  readonly periods: number;
  /** Top-K share of summed positive contributions, null when no contribution is positive. */
  readonly topShare: number | null;
  /** The K largest contributors of the year, largest first. */
  readonly top: readonly { readonly asset: string; readonly contribution: number }[];
  /** Σ_i c_{i,Y}: the arithmetic sum of the portfolio's daily returns in the year. */
  readonly total: number;
}

export interface ConcentrationInputs {
  readonly dates: Int32Array;
  readonly assets: readonly string[];
  /** End-of-day weights, column-major (weights[a * n + t]). */
  readonly weights: Float64Array;
  /** Asset simple returns, column-major, row 0 NaN. */
  readonly assetReturns: Float64Array;
  readonly topK: number;
}

export function concentrationByYear(inputs: ConcentrationInputs): YearConcentration[] {
  const { dates, assets, weights, assetReturns, topK } = inputs;
  const n = dates.length;
  const m = assets.length;
  const out: YearConcentration[] = [];
  let t = 1;
  while (t < n) {
    const year = ymdFromDay(dates[t] as number).year;
    let end = t;
    while (end < n && ymdFromDay(dates[end] as number).year === year) end++;
    const c = new Float64Array(m);
    for (let a = 0; a < m; a++) {
      let sum = 0;
      for (let u = t; u < end; u++) {
        const w = weights[a * n + u - 1] as number;
        const r = assetReturns[a * n + u] as number;
        if (w !== 0 && Number.isFinite(r)) sum += w * r;
      }
      c[a] = sum;
    }
    const share = topContributorsShare(c, topK);
    const ranked = assets.map((asset, a) => ({ asset, contribution: c[a] as number })).sort((x, y) => y.contribution - x.contribution);
    let total = 0;
    for (let a = 0; a < m; a++) total += c[a] as number;
    out.push({ year, periods: end - t, topShare: Number.isFinite(share) ? share : null, top: ranked.slice(0, Math.min(topK, m)), total });
    t = end;
  }
  return out;
}
