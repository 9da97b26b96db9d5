/**
 * The attribution figures of a run for its report: linked return contributions
 * (linkedContributions.ts), Brinson–Fachler effects by sleeve against the strategy's declared
 * reference (brinsonReference.ts, brinsonFachler.ts) and, with `reporting.factors`, the factor
 * regression and rolling betas (factorExposure.ts). Pure: the factor returns come in computed.
 */
import type { BacktestResult } from '../engine/runBacktest.js';
import { brinsonFachler, type BrinsonAttribution } from './brinsonFachler.js';
import { brinsonReference } from './brinsonReference.js';
import { factorExposure, type FactorExposure } from './factorExposure.js';
import { linkedContributions, type LinkedContributions } from './linkedContributions.js';

export interface AttributionFigures {
  contributions: LinkedContributions | null;
  attribution: (BrinsonAttribution & { reference: string; method: string }) | null;
  factors: FactorExposure | null;
  /** Rolling one-year betas per factor, one entry per run row. */
  factorBetas: Record<string, (number | null)[]> | null;
  warnings: string[];
}

export interface FactorSeries {
  readonly tickers: readonly string[];
  /** Per factor, returns per run row (row 0 NaN). */
  readonly returns: readonly Float64Array[];
}

/** `linked`: what linkedContributions may take as known (see there), when the caller has it. */
export function attributionFigures(
  result: BacktestResult,
  assetReturns: Float64Array,
  factors: FactorSeries | null,
  periodsPerYear: number,
  linkedKnown?: Parameters<typeof linkedContributions>[1],
): AttributionFigures {
  const { ledger, layout } = result;
  const warnings: string[] = [];
  const cashReturns = result.cash ? result.cash.returns : null;
  const sleeves = layout.sleeves.map((s) => ({ name: s.name, members: s.members.map((m) => ({ asset: m.asset, fraction: m.fraction })) }));
  const linked = linkedContributions({
    assets: layout.assets,
    sleeves,
    weights: ledger.weights,
    assetReturns,
    portfolioReturns: ledger.returns,
    equity: ledger.equity,
    cash: ledger.cash,
    cashReturns,
    tradeRows: ledger.trades.row,
    tradeCosts: ledger.trades.cost,
  }, linkedKnown);
  warnings.push(...linked.warnings);

  const reference = brinsonReference(result.spec, layout);
  const bf = brinsonFachler({ sleeves, weights: ledger.weights, assetReturns, portfolioReturns: ledger.returns, cash: ledger.cash, equity: ledger.equity, cashReturns, reference });
  if (!bf.attribution) warnings.push('attribution: null (the portfolio or the reference is wiped out in some period; logarithmic linking needs 1 + r > 0)');
  if (bf.daily.missing > 0) warnings.push(`attribution: ${bf.daily.missing} held asset-days without a return were left out`);
  if (bf.daily.referenceGaps > 0) warnings.push(`attribution: on ${bf.daily.referenceGaps} sleeve-days no member of a reference sleeve had a return; that sleeve earned the cash return there`);
  const attribution = bf.attribution ? { method: 'brinson-fachler, carino-linked', reference: reference.description, ...bf.attribution } : null;

  let exposure: FactorExposure | null = null;
  let factorBetas: Record<string, (number | null)[]> | null = null;
  if (factors && factors.tickers.length > 0) {
    const fx = factorExposure(ledger.returns, factors.returns, factors.tickers, periodsPerYear);
    exposure = fx.exposure;
    factorBetas = fx.rollingBetas;
    warnings.push(...fx.warnings);
  }
  return { contributions: linked.contributions, attribution, factors: exposure, factorBetas, warnings };
}
