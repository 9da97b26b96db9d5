/**
 * Streaming summary of a sweep's results, fed in ascending variant order: the top variants by
 * the ranking metric, the running variance of the trials' per-period Sharpe ratios (Welford),
 * the count of variants with undefined figures, and (for two-parameter grids) the ranking
 * metric of every variant for the heat map. Memory is O(top + heat-map cells), not O(variants).
 *
 * Ranking: higher is better, except for annualizedVolatility, maxDrawdown and turnoverPerYear
 * (lower is better). Ties go to the lower variant index; a variant whose ranking metric is
 * undefined is not ranked. The overfitting guard is the deflated Sharpe ratio (deflatedSharpe.ts)
 * of the top-ranked variant, with N = the number of variants whose Sharpe ratio is defined.
 */
import { deflatedSharpe } from './deflatedSharpe.js';
import { SWEEP_METRICS, SWEEP_STATS, type SweepMetric, type VariantResult } from './variantMetrics.js';

const LOWER_IS_BETTER: readonly SweepMetric[] = ['annualizedVolatility', 'maxDrawdown', 'turnoverPerYear'];

export interface Overfitting {
  /** Variants run. */
  readonly variantsTried: number;
  /** Trials counted by the deflated Sharpe ratio: variants whose Sharpe ratio is defined. */
  readonly trials: number;
  /** Sample variance (N − 1) of the trials' per-period Sharpe ratios; null with fewer than 2. */
  readonly sharpeVariance: number | null;
  /** SR₀: the expected maximum per-period Sharpe ratio of N trials under the null. */
  readonly expectedMaxSharpe: number | null;
  readonly best: { readonly variant: number; readonly periodSharpe: number | null; readonly periods: number | null } | null;
  /** DSR of the best variant: the probability that its true Sharpe ratio is above 0 after selection. */
  readonly deflatedSharpe: number | null;
}

export interface SweepSummary {
  readonly rankBy: SweepMetric;
  readonly top: readonly VariantResult[];
  readonly variants: number;
  /** Variants with at least one undefined figure (empty cells in the CSV). */
  readonly variantsWithNulls: number;
  readonly overfitting: Overfitting;
  /** Ranking metric per variant index (two-parameter grids only), else null. */
  readonly heat: (number | null)[] | null;
  readonly warnings: string[];
}

const col = (name: string): number => [...SWEEP_METRICS, ...SWEEP_STATS].indexOf(name as never);
const SR = col('periodSharpe');
const T = col('periods');
const SKEW = col('skewness');
const KURT = col('excessKurtosis');

export function isLowerBetter(metric: SweepMetric): boolean {
  return LOWER_IS_BETTER.includes(metric);
}

export interface SweepSummarizer {
  add(result: VariantResult): void;
  finish(): SweepSummary;
}

export function sweepSummarizer(options: { rankBy: SweepMetric; topN?: number; heatCells?: number }): SweepSummarizer {
  const { rankBy } = options;
  const topN = options.topN ?? 20;
  const k = SWEEP_METRICS.indexOf(rankBy);
  const sign = isLowerBetter(rankBy) ? -1 : 1;
  const top: VariantResult[] = [];
  const heat = options.heatCells !== undefined ? new Array<number | null>(options.heatCells).fill(null) : null;
  let variants = 0;
  let withNulls = 0;
  let n = 0;
  let meanSr = 0;
  let m2 = 0;
  const better = (a: VariantResult, b: VariantResult): boolean => {
    const d = sign * ((a.values[k] as number) - (b.values[k] as number));
    return d > 0 || (d === 0 && a.index < b.index);
  };
  return {
    add(result) {
      variants++;
      if (result.nullCount > 0) withNulls++;
      const sr = result.values[SR];
      if (sr !== null && sr !== undefined) {
        n++;
        const delta = sr - meanSr;
        meanSr += delta / n;
        m2 += delta * (sr - meanSr);
      }
      const v = result.values[k] ?? null;
      if (heat !== null && result.index < heat.length) heat[result.index] = v;
      if (v === null) return;
      let pos = top.length;
      while (pos > 0 && better(result, top[pos - 1]!)) pos--;
      if (pos < topN) {
        top.splice(pos, 0, result);
        if (top.length > topN) top.pop();
      }
    },
    finish() {
      const warnings: string[] = [];
      const variance = n >= 2 ? m2 / (n - 1) : null;
      const best = top[0] ?? null;
      let overfitting: Overfitting = { variantsTried: variants, trials: n, sharpeVariance: variance, expectedMaxSharpe: null, best: null, deflatedSharpe: null };
      if (best) {
        const [sr, periods, skew, kurt] = [best.values[SR] ?? null, best.values[T] ?? null, best.values[SKEW] ?? null, best.values[KURT] ?? null];
        let dsr: number | null = null;
        let sr0: number | null = null;
        if (sr !== null && periods !== null && skew !== null && kurt !== null && (variance !== null || n === 1)) {
          const d = deflatedSharpe({ sharpe: sr, periods, skewness: skew, excessKurtosis: kurt }, n, variance ?? 0);
          sr0 = Number.isFinite(d.expectedMaxSharpe) ? d.expectedMaxSharpe : null;
          dsr = Number.isFinite(d.deflatedSharpe) ? d.deflatedSharpe : null;
        }
        if (dsr === null) warnings.push(`deflated Sharpe ratio: null (the best variant ${best.index} has an undefined Sharpe ratio, skewness or kurtosis, or too few periods)`);
        overfitting = { ...overfitting, expectedMaxSharpe: sr0, best: { variant: best.index, periodSharpe: sr, periods }, deflatedSharpe: dsr };
      } else warnings.push(`no variant has a defined ${rankBy}; nothing to rank`);
      if (withNulls > 0) warnings.push(`${withNulls} of ${variants} variants have undefined figures (empty cells in variants.csv; run one with \`sleeves run\` to see why)`);
      return { rankBy, top, variants, variantsWithNulls: withNulls, overfitting, heat, warnings };
    },
  };
}
