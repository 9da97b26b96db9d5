/**
 * report.json as a zod schema: the one definition of the report. Its type (`Report`,
 * reportTypes.ts) is derived from it with z.infer, buildReport writes that type, and the schema
 * checks a report read back (`report`, `compare`, `rerun`). Objects are loose: unknown keys pass
 * through (a newer engine may add some). Numbers that could not be computed are null, never NaN.
 *
 * Parts the engine types elsewhere (the strategy spec, price files, coverage rows, drawdown
 * episodes, rebalance records, hedge checks, view attribution) are checked on the fields the
 * renderers rely on and typed as the engine's own type (`engineTyped`).
 *
 * Adding a report field: one entry in `reportSchema` (optional when older reports lack it).
 */
import * as z from 'zod';
import { UserError } from '../core/errors.js';
import type { CurrencyNote } from '../data/convertCurrency.js';
import type { PriceFileInfo } from '../data/priceSeries.js';
import type { CoverageRow } from '../engine/periodWindow.js';
import type { RebalanceRecord } from '../engine/runBacktest.js';
import type { ViewAttribution } from '../engine/viewAttribution.js';
import { concentrationSummarySchema } from '../metrics/concentrationSummary.js';
import type { DrawdownEpisode } from '../metrics/drawdownEpisodes.js';
import type { MonthlyReturn, YearlyReturn } from '../metrics/periodTables.js';
import type { ReturnHistogram } from '../metrics/returnHistogram.js';
import type { StrategySpec } from '../strategy/schema.js';
import type { HedgeReport } from '../thesis/hedgeChecks.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'an ISO date YYYY-MM-DD');
const nullableNumber = z.number().nullable();
/** report.metrics, benchmark.metrics and benchmark.relative: the figure catalogue's keys (figureCatalogue.ts). */
const metricValues = z.record(z.string(), nullableNumber);
/** Brinson–Fachler effects of one segment (src/attribution/brinsonFachler.ts). */
const effects = z.looseObject({ allocation: z.number(), selection: z.number(), interaction: z.number() });

/** Checks `schema` and types the value as the engine's type T (the fields not checked are as buildReport wrote them). */
function engineTyped<T>(schema: z.ZodType): z.ZodType<T> {
  return schema as unknown as z.ZodType<T>;
}

const seriesSchema = z.looseObject({
  dates: z.array(isoDate),
  equity: z.array(z.number()),
  returns: z.array(nullableNumber),
  benchmarkEquity: z.array(z.number()).nullable(),
  /** Benchmark simple returns (row 0 and days without a benchmark price are null). */
  benchmarkReturns: z.array(nullableNumber).nullable(),
  underwater: z.array(z.number()),
  /** Rolling one-year OLS betas per `reporting.factors` ticker (null before a full year); only with factors. */
  factorBetas: z.record(z.string(), z.array(nullableNumber)).optional(),
  weights: z.record(z.string(), z.array(z.number())),
  /** Σ fraction · weight per sleeve, as a share of the whole portfolio (cash = 1 − Σ). */
  sleeveWeights: z.record(z.string(), z.array(z.number())),
  cash: z.array(z.number()),
  hhi: z.array(nullableNumber),
  effectiveHoldings: z.array(nullableNumber),
  maxWeight: z.array(nullableNumber),
  /** Trailing one-year (P periods) compounded return and annualised volatility; null before a full year (read as [] from early series without them). */
  rollingReturn: z.array(nullableNumber).default([]),
  rollingVolatility: z.array(nullableNumber).default([]),
  /** The tearsheet's rolling figures, benchmark underwater curve and return histogram (buildRollingSeries.ts); absent in reports of engines before them. */
  rollingSharpe6m: z.array(nullableNumber).optional(),
  rollingSharpe12m: z.array(nullableNumber).optional(),
  rollingVolatility6m: z.array(nullableNumber).optional(),
  rollingBeta6m: z.array(nullableNumber).nullable().optional(),
  rollingBeta12m: z.array(nullableNumber).nullable().optional(),
  benchmarkRollingVolatility: z.array(nullableNumber).nullable().optional(),
  benchmarkUnderwater: z.array(z.number()).nullable().optional(),
  returnHistogram: engineTyped<ReturnHistogram>(z.looseObject({ edges: z.array(z.number()), counts: z.array(z.number()), normal: z.array(z.number()), mean: z.number(), sd: z.number(), n: z.number() })).nullable().optional(),
});

const priceFile = z.looseObject({
  ticker: z.string(),
  file: z.string(),
  rows: z.number(),
  start: isoDate,
  end: isoDate,
  priceColumn: z.string(),
  sha256: z.string(),
});

const drawdown = z.looseObject({
  peak: isoDate,
  trough: isoDate,
  recovery: isoDate.nullable(),
  depth: z.number(),
  periodsToTrough: z.number(),
  periodsToRecovery: nullableNumber,
  periodsUnderwater: z.number(),
});

const monthReturn = engineTyped<MonthlyReturn>(z.looseObject({ year: z.number(), month: z.number(), return: z.number() }));
const yearReturn = engineTyped<YearlyReturn>(z.looseObject({ year: z.number(), return: z.number() }));

export const reportSchema = z.looseObject({
  schemaVersion: z.literal(1),
  engineVersion: z.string(),
  strategy: z.looseObject({
    name: z.string(),
    description: z.string(),
    /** The strategy file as given (relative path), or null when run from a weights file. */
    file: z.string().nullable(),
    sleeves: z.array(z.looseObject({ name: z.string(), assets: z.array(z.string()) })),
    /** The resolved, fully defaulted spec (after CLI overrides). */
    spec: engineTyped<StrategySpec>(z.looseObject({ version: z.literal(1), name: z.string() })),
  }),
  data: z.looseObject({
    directory: z.string(),
    synthetic: z.boolean(),
    files: z.array(engineTyped<PriceFileInfo>(priceFile)),
    filled: z.record(z.string(), z.number()),
    droppedDates: z.record(z.string(), z.number()),
    /** Each asset's and the benchmark's prices over the period and what was done where it had none (periodWindow); absent in early reports. */
    coverage: z.array(engineTyped<CoverageRow>(z.looseObject({ ticker: z.string(), role: z.string(), coverage: z.number(), treatment: z.string() }))).optional(),
    /** Currency conversion: base, the converted (or local-currency) assets, FX rows filled; absent in early reports. */
    currency: engineTyped<CurrencyNote>(
      z.looseObject({ base: z.enum(['USD', 'local']), assets: z.record(z.string(), z.string()), fxFilled: z.record(z.string(), z.number()) }),
    )
      .nullable()
      .optional(),
  }),
  period: z.looseObject({ start: isoDate, end: isoDate, periods: z.number(), periodsPerYear: z.number() }),
  /** The metric profile, the risk-free rate of Sharpe/Sortino and what cash earned, each stated in words (absent in early reports). */
  convention: z.looseObject({ name: z.string(), definitions: z.string(), riskFree: z.string().optional(), cash: z.string().optional() }),
  timing: z.looseObject({ lag: z.number(), description: z.string() }),
  /** Return contributions linked over time (Cariño) that add up to the total return (src/attribution); absent in reports of engines before it. */
  contributions: z
    .looseObject({
      method: z.string(),
      assets: z.record(z.string(), z.number()),
      sleeves: z.record(z.string(), z.number()),
      cash: z.number(),
      costs: z.number(),
      total: z.number(),
    })
    .nullable()
    .optional(),
  /** Brinson–Fachler effects by sleeve against the stated reference, Cariño-linked; absent in reports of engines before it. */
  attribution: z
    .looseObject({
      method: z.string(),
      reference: z.string(),
      sleeves: z.record(z.string(), effects),
      cash: effects,
      costs: z.number(),
      active: z.number(),
      portfolioReturn: z.number(),
      referenceReturn: z.number(),
    })
    .nullable()
    .optional(),
  /** OLS of the daily returns on `reporting.factors` (only when the strategy names factors). */
  factors: z
    .looseObject({
      tickers: z.array(z.string()),
      betas: z.record(z.string(), nullableNumber),
      tStats: z.record(z.string(), nullableNumber),
      alpha: nullableNumber,
      alphaTStat: nullableNumber,
      rSquared: nullableNumber,
      periods: z.number(),
      alphaConvention: z.string(),
    })
    .optional(),
  costs: z.looseObject({
    bps: z.number(),
    slippageBps: z.number(),
    total: z.number(),
    cagrDrag: nullableNumber,
    annualizedTurnover: nullableNumber,
    /** Rebalances below rebalance.minTrade (absent in early reports). */
    skippedRebalances: z.number().optional(),
  }),
  metrics: metricValues,
  /** `periods`: the common periods (both have a return) the benchmark and relative figures stand on (absent in early reports). */
  benchmark: z.looseObject({ ticker: z.string(), periods: z.number().optional(), metrics: metricValues, relative: metricValues }).nullable(),
  drawdowns: z.array(engineTyped<DrawdownEpisode>(drawdown)),
  tables: z.looseObject({
    monthly: z.array(monthReturn),
    yearly: z.array(engineTyped<YearlyReturn & { benchmark: number | null }>(z.looseObject({ year: z.number(), return: z.number(), benchmark: nullableNumber }))),
    /** Best and worst calendar month and year (the first and last may be partial); absent in early reports. */
    extremes: z
      .looseObject({ bestMonth: monthReturn.nullable(), worstMonth: monthReturn.nullable(), bestYear: yearReturn.nullable(), worstYear: yearReturn.nullable() })
      .optional(),
  }),
  /** Concentration figures (docs/conventions.md, "Concentration exposure"); a field may be absent in reports of earlier engines. */
  concentration: concentrationSummarySchema.partial(),
  /** Each hedge sleeve checked against the growth sleeves (docs/thesis-lab.md); absent in reports of engines before it. */
  hedges: z.array(engineTyped<HedgeReport>(z.looseObject({ sleeve: z.string() }))).optional(),
  final: z.looseObject({
    date: isoDate,
    assets: z.record(z.string(), z.number()),
    sleeves: z.record(z.string(), z.number()),
    cash: z.number(),
  }),
  rebalances: z.array(
    engineTyped<RebalanceRecord>(z.looseObject({ decisionDate: isoDate, tradeDate: isoDate, rule: z.string(), turnover: z.number(), cost: z.number() })),
  ),
  warnings: z.array(z.string()),
  /** Black–Litterman strategies only: the run without any view, each view alone, and what the views added. */
  viewAttribution: engineTyped<ViewAttribution>(z.looseObject({ prior: z.looseObject({}), added: z.looseObject({}) })).optional(),
  /** Daily series, present with --include-series (and always written to the run folder CSVs). */
  series: seriesSchema.optional(),
});

export const reportSeriesSchema = seriesSchema;

/**
 * Validates parsed JSON as a report. Throws a one-line UserError naming `source` and the first
 * offending field (e.g. `report.json: metrics.cagr: expected number, received string`).
 */
export function parseReport(json: unknown, source: string): z.infer<typeof reportSchema> {
  const parsed = reportSchema.safeParse(json);
  if (!parsed.success) throw new UserError(`${source}: not a sleeves report: ${firstIssue(parsed.error)}`);
  return parsed.data;
}

/** Validates parsed JSON as the daily series of a run (series.json). */
export function parseReportSeries(json: unknown, source: string): z.infer<typeof seriesSchema> {
  const parsed = seriesSchema.safeParse(json);
  if (!parsed.success) throw new UserError(`${source}: not a sleeves series file: ${firstIssue(parsed.error)}`);
  return parsed.data;
}

function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid';
  const where = issue.path.length > 0 ? issue.path.map(String).join('.') : '(top level)';
  return `${where}: ${issue.message}`;
}
