import { formatIsoDate } from '../core/dates.js';
import type { ConcentrationSummary, SeriesSummaryJson } from './concentrationSummary.js';
import { concentrationSeries, type SleeveMembers } from './concentrationSeries.js';
import { driftCreep } from './driftCreep.js';
import { rebalanceRisk } from './rebalanceRisk.js';
import { costContribution, returnContribution, topContributorsShare } from './returnContribution.js';
import { summarizeSeries, summaryJson } from './summarizeSeries.js';

export interface ConcentrationInput {
  /** Every day of the backtest period (row 0 is the start day). */
  dates: Int32Array;
  assets: readonly string[];
  /** END-OF-DAY weights, column-major weights[a * nDates + t]; Σ_a ≤ 1, cash = 1 − Σ. */
  weights: Float64Array;
  /** Column-major simple returns r[a*nDates+t] from close t−1 to close t; NaN where no price; row 0 is NaN. */
  assetReturns: Float64Array;
  /** Length nDates, row 0 = 0. */
  portfolioReturns: Float64Array;
  sleeves: Array<{ name: string; members: Array<{ asset: number; fraction: number }> }>;
  /** Rows t where trades executed (weights[.., t] are then the post-trade weights). */
  rebalanceIndices: Int32Array;
  /** Trailing rows for the covariance in riskContribution/effectiveBets (the strategy's lookback, or 252). */
  riskWindow: number;
  /** Where `riskWindow` comes from, stated in the summary's `riskWindow.source`. */
  riskWindowSource?: string;
  /**
   * Optional prices of the assets including the history before the period (asset a on period
   * row s is values[a * stride + offset + s], s may be negative down to −offset): the trailing
   * risk window then reaches back before the start instead of being cut at row 1.
   */
  riskPrices?: { values: Float64Array; stride: number; offset: number };
  /**
   * Optional trades and end-of-day equity of the run (initial capital 1): with them the return
   * contribution has an explicit costs term, so that Σ asset contributions + costs = Σ_t r_{p,t}.
   */
  costs?: { tradeRows: Int32Array; tradeCosts: Float64Array; equity: Float64Array };
  /** K of topKShare and topContributorsShare (default 3). */
  topK: number;
  /**
   * The arithmetic return contributions when the caller already has them: returnContribution of
   * these weights and returns with the first period scaled by costs.equity[0] (or 1 without costs).
   */
  contributions?: { contributions: Float64Array; missing: number };
}

export interface ConcentrationResult {
  summary: ConcentrationSummary;
  series: {
    hhi: Float64Array;
    effectiveHoldings: Float64Array;
    maxWeight: Float64Array;
    topKShare: Float64Array;
    cashWeight: Float64Array;
    sleeveHhi: Float64Array;
    sleeveWeights: Record<string, Float64Array>;
  };
  warnings: string[];
}

/**
 * Concentration exposure of a backtest (docs/conventions.md, "Concentration exposure"): the daily
 * series of concentrationSeries, their summaries {mean, min, max, last} (NaN days skipped),
 * maxWeight's maximum with its asset and date, drift creep, arithmetic return contributions per
 * asset and sleeve plus a costs term (with `costs`: Σ assets + costs = Σ_t r_{p,t}) and the
 * residual against the geometric total, the top-K contributors' share,
 * and the mean risk contributions and effective bets over the rebalances.
 */
export function computeConcentration(input: ConcentrationInput): ConcentrationResult {
  const nDates = input.dates.length;
  const nAssets = input.assets.length;
  if (input.weights.length !== nAssets * nDates || input.assetReturns.length !== nAssets * nDates) {
    throw new RangeError(`computeConcentration: weights and assetReturns need ${nAssets}×${nDates} entries`);
  }
  if (input.portfolioReturns.length !== nDates) throw new RangeError('computeConcentration: portfolioReturns length differs from dates');
  const warnings: string[] = [];
  const iso = (row: number): string | null => (row >= 0 ? formatIsoDate(input.dates[row] as number) : null);
  const topK = Math.max(1, Math.floor(input.topK));
  const s = concentrationSeries(input.weights, nAssets, nDates, input.sleeves, topK);
  if (s.allCashDays > 0) {
    warnings.push(`concentration: ${s.allCashDays} day${s.allCashDays === 1 ? '' : 's'} fully in cash; hhi and the other weight measures are null there and left out of their summaries`);
  }
  if (input.sleeves.length === 0) warnings.push('concentration: no sleeves given; sleeveHhi is null');

  const maxWeightSummary = summarizeSeries(s.maxWeight);
  const maxAt = maxWeightSummary.argMax;
  const sleeveWeights: Record<string, SeriesSummaryJson> = {};
  for (const sl of input.sleeves) sleeveWeights[sl.name] = summaryJson(summarizeSeries(s.sleeveWeights[sl.name] as Float64Array));

  const creep = driftCreep(s.hhi, input.rebalanceIndices);
  if (Number.isNaN(creep.value)) warnings.push('driftCreep: null (no rebalance with invested weights)');

  const summary: ConcentrationSummary = {
    topK,
    hhi: summaryJson(summarizeSeries(s.hhi)),
    effectiveHoldings: summaryJson(summarizeSeries(s.effectiveHoldings)),
    maxWeight: { ...summaryJson(maxWeightSummary), asset: maxAt >= 0 ? (input.assets[s.maxWeightAsset[maxAt] as number] ?? null) : null, date: iso(maxAt) },
    topKShare: summaryJson(summarizeSeries(s.topKShare)),
    sleeveWeights,
    sleeveHhi: summaryJson(summarizeSeries(s.sleeveHhi)),
    cashWeight: summaryJson(summarizeSeries(s.cashWeight)),
    driftCreep: Number.isNaN(creep.value) ? null : { value: creep.value, date: iso(creep.row), rebalanceDate: iso(creep.rebalanceRow) },
    ...contributionSummary(input, nAssets, nDates, topK, warnings),
    riskWindow: { rows: input.riskWindow, source: input.riskWindowSource ?? 'given by the caller' },
    ...riskSummary(input, nAssets, nDates, warnings, iso),
  };
  const { hhi, effectiveHoldings, maxWeight, topKShare, cashWeight, sleeveHhi } = s;
  return { summary, series: { hhi, effectiveHoldings, maxWeight, topKShare, cashWeight, sleeveHhi, sleeveWeights: s.sleeveWeights }, warnings };
}

function perSleeve(values: Float64Array, sleeves: readonly SleeveMembers[]): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const sl of sleeves) {
    let sum = 0;
    for (const m of sl.members) sum += m.fraction * (values[m.asset] as number);
    out[sl.name] = Number.isFinite(sum) ? sum : null;
  }
  return out;
}

function perAsset(values: Float64Array, assets: readonly string[]): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  assets.forEach((name, a) => (out[name] = Number.isFinite(values[a] as number) ? (values[a] as number) : null));
  return out;
}

function contributionSummary(
  input: ConcentrationInput,
  nAssets: number,
  nDates: number,
  topK: number,
  warnings: string[],
): Pick<ConcentrationSummary, 'returnContribution' | 'topContributorsShare'> {
  const c = input.costs;
  const firstPeriodScale = c && nDates > 0 ? (c.equity[0] as number) : 1;
  const { contributions, missing } = input.contributions ?? returnContribution(input.weights, input.assetReturns, nAssets, nDates, firstPeriodScale);
  if (missing > 0) warnings.push(`returnContribution: ${missing} held asset-day${missing === 1 ? '' : 's'} without a return were left out`);
  const costs = c ? costContribution(c.tradeRows, c.tradeCosts, c.equity) : 0;
  let sum = costs;
  for (let a = 0; a < nAssets; a++) sum += contributions[a] as number;
  let arithmetic = 0;
  let growth = 1;
  for (let t = 1; t < nDates; t++) {
    arithmetic += input.portfolioReturns[t] as number;
    growth *= 1 + (input.portfolioReturns[t] as number);
  }
  const share = topContributorsShare(contributions, topK);
  if (Number.isNaN(share)) warnings.push('topContributorsShare: null (no asset contributed a positive return)');
  return {
    returnContribution: {
      method: 'arithmetic',
      note: 'Σ_t w_{i,t−1}·r_{i,t}, and costs = −Σ trade cost / equity before it: arithmetic sums that do not compound; sum = Σ assets + costs = arithmeticTotal; residual = geometric total − sum',
      assets: perAsset(contributions, input.assets),
      sleeves: perSleeve(contributions, input.sleeves),
      costs,
      sum,
      arithmeticTotal: arithmetic,
      geometricTotal: growth - 1,
      residual: growth - 1 - sum,
    },
    topContributorsShare: Number.isNaN(share) ? null : share,
  };
}

function riskSummary(
  input: ConcentrationInput,
  nAssets: number,
  nDates: number,
  warnings: string[],
  iso: (row: number) => string | null,
): Pick<ConcentrationSummary, 'riskContribution' | 'effectiveBets'> {
  const risk = rebalanceRisk(input.weights, input.assetReturns, nAssets, nDates, input.rebalanceIndices, input.riskWindow, input.riskPrices);
  if (risk.skipped.length > 0) {
    const first = risk.skipped[0] as { row: number; reason: string };
    warnings.push(
      `riskContribution/effectiveBets: ${risk.skipped.length} rebalance${risk.skipped.length === 1 ? '' : 's'} skipped (first ${iso(first.row)}: ${first.reason})`,
    );
  }
  const bets = summarizeSeries(risk.effectiveBets);
  let lastBets: number | null = null;
  for (let r = risk.effectiveBets.length - 1; r >= 0 && lastBets === null; r--) {
    if (Number.isFinite(risk.effectiveBets[r] as number)) lastBets = risk.effectiveBets[r] as number;
  }
  return {
    riskContribution: {
      assets: perAsset(risk.meanRiskContribution, input.assets),
      sleeves: perSleeve(risk.meanRiskContribution, input.sleeves),
      rebalancesUsed: risk.used,
      window: input.riskWindow,
    },
    effectiveBets: { mean: bets.mean, min: bets.min, last: lastBets },
  };
}
