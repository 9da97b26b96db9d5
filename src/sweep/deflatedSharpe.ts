/**
 * The deflated Sharpe ratio (Bailey & López de Prado 2014, "The Deflated Sharpe Ratio:
 * Correcting for Selection Bias, Backtest Overfitting and Non-Normality", J. Portfolio
 * Management 40(5)). All Sharpe ratios here are PER PERIOD (not annualised):
 * SR = mean(r − rf) / sd(r − rf, n−1).
 *
 * Expected maximum Sharpe ratio of N independent trials under the null (true SR = 0), whose
 * estimated Sharpe ratios have variance V:
 *
 *   SR₀ = √V · ( (1 − γ) · Φ⁻¹(1 − 1/N) + γ · Φ⁻¹(1 − 1/(N·e)) ),   γ = 0.5772156649… (Euler–Mascheroni)
 *
 * Probabilistic Sharpe ratio of an observed SR* over T returns with skewness γ₃ and (non-excess)
 * kurtosis γ₄, against a threshold SR₀:
 *
 *   PSR(SR₀) = Φ( (SR* − SR₀) · √(T − 1) / √(1 − γ₃·SR* + (γ₄ − 1)/4 · SR*²) )
 *
 * DSR = PSR(SR₀): the probability that the best of N trials has a true Sharpe ratio above zero
 * once the selection among N trials is accounted for. V is the sample variance (divisor N − 1)
 * of the N trials' Sharpe ratios. With N = 1 there is no selection: SR₀ = 0 and DSR = PSR(0).
 */
import { normalCdf, normalQuantile } from './normalDistribution.js';

export const EULER_MASCHERONI = 0.5772156649015329;

/** SR₀ for N trials whose Sharpe ratios have variance V (NaN when N < 1 or V < 0). */
export function expectedMaxSharpe(trials: number, variance: number): number {
  if (!(trials >= 1) || !(variance >= 0)) return Number.NaN;
  if (trials === 1) return 0;
  const g = EULER_MASCHERONI;
  return Math.sqrt(variance) * ((1 - g) * normalQuantile(1 - 1 / trials) + g * normalQuantile(1 - 1 / (trials * Math.E)));
}

export interface SharpeObservation {
  /** Observed per-period Sharpe ratio SR*. */
  readonly sharpe: number;
  /** Number of returns T. */
  readonly periods: number;
  /** Skewness γ₃ of the returns. */
  readonly skewness: number;
  /** Excess kurtosis γ₄ − 3 of the returns (the report's `excessKurtosis`). */
  readonly excessKurtosis: number;
}

/** PSR(threshold); NaN when T < 2 or the variance term 1 − γ₃SR* + (γ₄−1)/4·SR*² is not positive. */
export function probabilisticSharpe(obs: SharpeObservation, threshold: number): number {
  const kurtosis = obs.excessKurtosis + 3;
  const denom = 1 - obs.skewness * obs.sharpe + ((kurtosis - 1) / 4) * obs.sharpe * obs.sharpe;
  if (!(obs.periods >= 2) || !(denom > 0)) return Number.NaN;
  return normalCdf(((obs.sharpe - threshold) * Math.sqrt(obs.periods - 1)) / Math.sqrt(denom));
}

export interface DeflatedSharpe {
  readonly trials: number;
  readonly sharpeVariance: number;
  readonly expectedMaxSharpe: number;
  readonly deflatedSharpe: number;
}

/** DSR of the selected observation among `trials` trials whose Sharpe ratios have variance V. */
export function deflatedSharpe(best: SharpeObservation, trials: number, variance: number): DeflatedSharpe {
  const sr0 = expectedMaxSharpe(trials, variance);
  return { trials, sharpeVariance: variance, expectedMaxSharpe: sr0, deflatedSharpe: probabilisticSharpe(best, sr0) };
}
