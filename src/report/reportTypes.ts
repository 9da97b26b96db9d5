/**
 * The report: the one canonical, versioned JSON document a run produces. Renderers read only
 * this. Numbers that cannot be computed are null, with the reason in `warnings`.
 */
import type { AttributionFigures } from '../attribution/attributionFigures.js';
import type { PriceFileInfo } from '../data/priceSeries.js';
import type { DrawdownEpisode } from '../metrics/drawdownEpisodes.js';
import type { CoverageRow } from '../engine/periodWindow.js';
import type { RebalanceRecord } from '../engine/runBacktest.js';
import type { StrategySpec } from '../strategy/schema.js';
import type { ViewAttribution } from '../engine/viewAttribution.js';
import type { HedgeReport } from '../thesis/hedgeChecks.js';

export type MetricValues = Record<string, number | null>;

export interface SeriesSummary {
  mean: number | null;
  min: number | null;
  max: number | null;
  last: number | null;
  asset?: string;
  date?: string;
}

export interface Report {
  schemaVersion: number;
  engineVersion: string;
  strategy: {
    name: string;
    description: string;
    /** The strategy file as given (relative path), or null when run from a weights file. */
    file: string | null;
    sleeves: { name: string; assets: string[] }[];
    /** The resolved, fully defaulted spec (after CLI overrides). */
    spec: StrategySpec;
  };
  data: {
    directory: string;
    synthetic: boolean;
    files: PriceFileInfo[];
    filled: Record<string, number>;
    droppedDates: Record<string, number>;
    /** Each asset's and the benchmark's prices over the period and what was done where it had none (periodWindow). */
    coverage: CoverageRow[];
    /** Currency conversion: base, the converted (or local-currency) assets, FX rows filled. */
    currency: { base: 'USD' | 'local'; assets: Record<string, string>; fxFilled: Record<string, number> } | null;
  };
  period: { start: string; end: string; periods: number; periodsPerYear: number };
  /** The metric profile, the risk-free rate of Sharpe/Sortino and what cash earned, each stated in words. */
  convention: { name: string; definitions: string; riskFree: string; cash: string };
  timing: { lag: number; description: string };
  costs: { bps: number; slippageBps: number; total: number; cagrDrag: number | null; annualizedTurnover: number | null; skippedRebalances: number };
  metrics: MetricValues;
  /** `periods`: the common periods (both have a return) the benchmark and relative figures stand on. */
  benchmark: { ticker: string; periods: number; metrics: MetricValues; relative: MetricValues } | null;
  drawdowns: DrawdownEpisode[];
  tables: {
    monthly: { year: number; month: number; return: number }[];
    yearly: { year: number; return: number; benchmark: number | null }[];
    /** Best and worst calendar month and year (the first and last may be partial). */
    extremes: {
      bestMonth: { year: number; month: number; return: number } | null;
      worstMonth: { year: number; month: number; return: number } | null;
      bestYear: { year: number; return: number } | null;
      worstYear: { year: number; return: number } | null;
    };
  };
  /** Concentration figures (docs/conventions.md, "Concentration exposure"); summaries by key. */
  concentration: {
    [key: string]: unknown;
    /**
     * The trailing window of riskContribution and effectiveBets: the strategy's longest allocation
     * lookback, or 252 rows (src/report/riskWindow.ts); absent in reports of engines before it.
     */
    riskWindow?: { rows: number; source: string };
  };
  /** Each hedge sleeve checked against the growth sleeves (docs/thesis-lab.md); absent in reports of engines before it. */
  hedges?: HedgeReport[];
  final: { date: string; assets: Record<string, number>; sleeves: Record<string, number>; cash: number };
  rebalances: RebalanceRecord[];
  warnings: string[];
  /**
   * Black–Litterman strategies only: the run without any view (each stage at its prior's
   * mean-variance portfolio), each view alone, and what the views added (views − prior).
   */
  viewAttribution?: ViewAttribution;
  series?: ReportSeries;
  /** Return contributions linked over time (Cariño) that add up to the total return; absent in reports of engines before it. */
  contributions?: AttributionFigures['contributions'];
  /** Brinson–Fachler effects by sleeve against the stated reference, linked; absent in reports of engines before it. */
  attribution?: AttributionFigures['attribution'];
  /** OLS on `reporting.factors` (only when the strategy names factors). */
  factors?: AttributionFigures['factors'];
}

/** Daily series, present with --include-series (and always written to the run folder CSVs). */
export interface ReportSeries {
  dates: string[];
  equity: number[];
  returns: number[];
  benchmarkEquity: number[] | null;
  /** Benchmark simple returns (row 0 and days without a benchmark price are null). */
  benchmarkReturns: (number | null)[] | null;
  underwater: number[];
  /** Rolling one-year OLS betas per `reporting.factors` ticker (null before a full year); only with factors. */
  factorBetas?: Record<string, (number | null)[]>;
  weights: Record<string, number[]>;
  /** Σ fraction · weight per sleeve, as a share of the whole portfolio (cash = 1 − Σ). */
  sleeveWeights: Record<string, number[]>;
  cash: number[];
  hhi: (number | null)[];
  effectiveHoldings: (number | null)[];
  maxWeight: (number | null)[];
  /** Trailing one-year (P periods) compounded return and annualised volatility; null before a full year. */
  rollingReturn: (number | null)[];
  rollingVolatility: (number | null)[];
}
