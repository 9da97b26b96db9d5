/**
 * Return contributions that add up to the total return: each asset's, the cash's and the costs'
 * daily contributions (the decomposition of src/metrics/returnContribution.ts,
 * r_{p,t} = Σ_i ω_{i,t−1} r_{i,t} + ω_{cash,t−1} c_t − Σ_k cost_k / B_k) linked over time with
 * Cariño's coefficients β_t = k(r_{p,t}) / k(R), k(x) = ln(1 + x) / x (src/attribution/carinoFactor.ts):
 *   C_i = Σ_t β_t ω_{i,t−1} r_{i,t},  C_cash = Σ_t β_t ω_{cash,t−1} c_t,  C_costs = −Σ_k β_{t_k} cost_k / B_k,
 * so that Σ_i C_i + C_cash + C_costs = Σ_t β_t r_{p,t} = ln(1 + R) / k(R) = R, the total return
 * ∏(1 + r_{p,t}) − 1. A sleeve's contribution is Σ_{i∈s} fraction_i · C_i (linear, so the sleeves,
 * cash and costs add up to R as well). Null when the run wipes out (no logarithm). Pure.
 */
import { cashContribution, costContribution, returnContribution } from '../metrics/returnContribution.js';
import { carinoCoefficients } from './carinoFactor.js';

export interface LinkedContributionInput {
  readonly assets: readonly string[];
  readonly sleeves: readonly { readonly name: string; readonly members: readonly { readonly asset: number; readonly fraction: number }[] }[];
  /** End-of-day weights, column-major [a * nDates + t]. */
  readonly weights: Float64Array;
  /** Column-major period returns of the assets (engine/assetReturns.ts); row 0 NaN. */
  readonly assetReturns: Float64Array;
  /** Portfolio returns per row (row 0 = 0). */
  readonly portfolioReturns: Float64Array;
  readonly equity: Float64Array;
  readonly cash: Float64Array;
  /** What cash earned per row (null: nothing). */
  readonly cashReturns: Float64Array | null;
  readonly tradeRows: Int32Array;
  readonly tradeCosts: Float64Array;
}

export interface LinkedContributions {
  method: 'carino';
  assets: Record<string, number>;
  sleeves: Record<string, number>;
  /** What cash earned (0 when cash earns nothing). */
  cash: number;
  /** Trading costs (≤ 0). */
  costs: number;
  /** The total return R = ∏(1 + r_t) − 1 the lines add up to. */
  total: number;
}

/**
 * `known`: Cariño's coefficients of the portfolio returns and the linked asset contributions
 * (returnContribution with them, the first period scaled by equity[0]), when the caller
 * computed them already (buildReport, in one pass with the plain contributions).
 */
export function linkedContributions(
  input: LinkedContributionInput,
  known?: { link: ReturnType<typeof carinoCoefficients>; contributions: { contributions: Float64Array; missing: number } | null },
): { contributions: LinkedContributions | null; warnings: string[] } {
  const nDates = input.portfolioReturns.length;
  const nAssets = input.assets.length;
  const link = known ? known.link : carinoCoefficients(input.portfolioReturns);
  if (!link) return { contributions: null, warnings: ['contributions: null (the capital is wiped out in some period; logarithmic linking needs 1 + r > 0)'] };
  const beta = link.coefficients;
  const warnings: string[] = [];
  const firstPeriodScale = nDates > 0 ? (input.equity[0] as number) : 1;
  const { contributions, missing } = known?.contributions ?? returnContribution(input.weights, input.assetReturns, nAssets, nDates, firstPeriodScale, beta);
  if (missing > 0) warnings.push(`contributions: ${missing} held asset-day${missing === 1 ? '' : 's'} without a return were left out; the lines do not add up to the total return`);
  const assets: Record<string, number> = {};
  input.assets.forEach((name, a) => (assets[name] = contributions[a] as number));
  const sleeves: Record<string, number> = {};
  for (const s of input.sleeves) {
    let sum = 0;
    for (const m of s.members) sum += m.fraction * (contributions[m.asset] as number);
    sleeves[s.name] = sum;
  }
  const cash = input.cashReturns ? cashContribution(input.cash, input.equity, input.cashReturns, beta) : 0;
  const costs = costContribution(input.tradeRows, input.tradeCosts, input.equity, beta);
  return { contributions: { method: 'carino', assets, sleeves, cash, costs, total: link.total }, warnings };
}
