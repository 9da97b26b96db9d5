/**
 * The report's factor exposure: the OLS fit of the strategy's period returns on the factors'
 * (factorRegression.ts) over the common periods, alpha annualised as α · P (the per-period
 * intercept times the periods per year, arithmetic, as factor-model studies annualise a
 * regression intercept; its t-statistic is the per-period intercept's), and the rolling one-year
 * betas (rollingFactorBetas.ts, window = P rows). Raw returns: no risk-free rate is subtracted.
 * Undefined figures are null with a warning. Pure.
 */
import { completeRows, olsFit } from './factorRegression.js';
import { rollingFactorBetas } from './rollingFactorBetas.js';

export const ALPHA_CONVENTION = 'alpha = per-period OLS intercept × periods per year (arithmetic); raw returns, no risk-free rate subtracted';

export interface FactorExposure {
  tickers: string[];
  betas: Record<string, number | null>;
  tStats: Record<string, number | null>;
  /** Annualised: per-period intercept × periodsPerYear. */
  alpha: number | null;
  alphaTStat: number | null;
  rSquared: number | null;
  /** Common periods of the fit. */
  periods: number;
  alphaConvention: string;
}

/**
 * `returns` and each of `factors` are row-indexed over the run (row 0, the start day, has no return
 * and is ignored).
 */
export function factorExposure(
  returns: Float64Array,
  factors: readonly Float64Array[],
  tickers: readonly string[],
  periodsPerYear: number,
): { exposure: FactorExposure; rollingBetas: Record<string, (number | null)[]>; warnings: string[] } {
  const warnings: string[] = [];
  const y = Float64Array.from(returns);
  if (y.length > 0) y[0] = Number.NaN;
  const rows = completeRows(y, factors);
  const fit = olsFit(y, factors, rows);
  const betas: Record<string, number | null> = {};
  const tStats: Record<string, number | null> = {};
  let alpha: number | null = null;
  let alphaTStat: number | null = null;
  let rSquared: number | null = null;
  if ('reason' in fit) {
    warnings.push(`factors: betas, alpha and R² null (${fit.reason})`);
    for (const t of tickers) [betas[t], tStats[t]] = [null, null];
  } else {
    tickers.forEach((t, j) => {
      betas[t] = fit.betas[j]!;
      tStats[t] = fit.tStats[j] ?? null;
    });
    alpha = fit.alpha * periodsPerYear;
    alphaTStat = fit.alphaTStat;
    rSquared = fit.rSquared;
    if (fit.tStats.some((x) => x === null) || alphaTStat === null) warnings.push('factors: t-statistics null (the fit leaves no residual: zero standard error)');
    if (rSquared === null) warnings.push('factors: rSquared null (the strategy return is constant over the common periods)');
  }
  if (y.length - 1 > rows.length) warnings.push(`factors: ${y.length - 1 - rows.length} periods without a return for every factor are left out of the regression`);
  const rolling = rollingFactorBetas(y, factors, periodsPerYear);
  const rollingBetas: Record<string, (number | null)[]> = {};
  tickers.forEach((t, j) => (rollingBetas[t] = rolling[j]!));
  return {
    exposure: { tickers: [...tickers], betas, tStats, alpha, alphaTStat, rSquared, periods: rows.length, alphaConvention: ALPHA_CONVENTION },
    rollingBetas,
    warnings,
  };
}
