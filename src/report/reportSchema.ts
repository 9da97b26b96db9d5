/**
 * A zod schema for report.json, used when a report is read back (`report`, `compare`,
 * `rerun`). It checks the fields the renderers and rerun rely on and lets unknown keys through
 * (a newer engine may add some). Numbers that could not be computed are null, never NaN.
 */
import * as z from 'zod';
import { UserError } from '../core/errors.js';
import type { Report } from './reportTypes.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'an ISO date YYYY-MM-DD');
const nullableNumber = z.number().nullable();
const metricValues = z.record(z.string(), nullableNumber);
/** Brinson–Fachler effects of one segment (src/attribution/brinsonFachler.ts). */
const effects = z.looseObject({ allocation: z.number(), selection: z.number(), interaction: z.number() });

const seriesSchema = z.looseObject({
  dates: z.array(isoDate),
  equity: z.array(z.number()),
  returns: z.array(z.number().nullable()),
  benchmarkEquity: z.array(z.number()).nullable(),
  benchmarkReturns: z.array(nullableNumber).nullable(),
  underwater: z.array(z.number()),
  /** Rolling one-year OLS betas per `reporting.factors` ticker (null before a full year); only with factors. */
  factorBetas: z.record(z.string(), z.array(nullableNumber)).optional(),
  weights: z.record(z.string(), z.array(z.number())),
  sleeveWeights: z.record(z.string(), z.array(z.number())),
  cash: z.array(z.number()),
  hhi: z.array(nullableNumber),
  effectiveHoldings: z.array(nullableNumber),
  maxWeight: z.array(nullableNumber),
});

export const reportSchema = z.looseObject({
  schemaVersion: z.literal(1),
  engineVersion: z.string(),
  strategy: z.looseObject({
    name: z.string(),
    description: z.string(),
    file: z.string().nullable(),
    sleeves: z.array(z.looseObject({ name: z.string(), assets: z.array(z.string()) })),
    spec: z.looseObject({ version: z.literal(1), name: z.string() }),
  }),
  data: z.looseObject({
    directory: z.string(),
    synthetic: z.boolean(),
    files: z.array(
      z.looseObject({
        ticker: z.string(),
        file: z.string(),
        rows: z.number(),
        start: isoDate,
        end: isoDate,
        priceColumn: z.string(),
        sha256: z.string(),
      }),
    ),
  }),
  period: z.looseObject({ start: isoDate, end: isoDate, periods: z.number(), periodsPerYear: z.number() }),
  convention: z.looseObject({ name: z.string(), definitions: z.string() }),
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
  }),
  metrics: metricValues,
  benchmark: z.looseObject({ ticker: z.string(), metrics: metricValues, relative: metricValues }).nullable(),
  drawdowns: z.array(
    z.looseObject({
      peak: isoDate,
      trough: isoDate,
      recovery: isoDate.nullable(),
      depth: z.number(),
      periodsToTrough: z.number(),
      periodsToRecovery: nullableNumber,
      periodsUnderwater: z.number(),
    }),
  ),
  tables: z.looseObject({
    monthly: z.array(z.looseObject({ year: z.number(), month: z.number(), return: z.number() })),
    yearly: z.array(z.looseObject({ year: z.number(), return: z.number(), benchmark: nullableNumber })),
  }),
  concentration: z.looseObject({
    riskWindow: z.looseObject({ rows: z.number().int().positive(), source: z.string() }).optional(),
  }),
  final: z.looseObject({
    date: isoDate,
    assets: z.record(z.string(), z.number()),
    sleeves: z.record(z.string(), z.number()),
    cash: z.number(),
  }),
  rebalances: z.array(z.looseObject({ decisionDate: isoDate, tradeDate: isoDate, rule: z.string(), turnover: z.number(), cost: z.number() })),
  warnings: z.array(z.string()),
  series: seriesSchema.optional(),
});

export const reportSeriesSchema = seriesSchema;

/**
 * Validates parsed JSON as a report. Throws a one-line UserError naming `source` and the first
 * offending field (e.g. `report.json: metrics.cagr: expected number, received string`).
 */
export function parseReport(json: unknown, source: string): Report {
  const parsed = reportSchema.safeParse(json);
  if (!parsed.success) throw new UserError(`${source}: not a sleeves report: ${firstIssue(parsed.error)}`);
  return parsed.data as unknown as Report;
}

/** Validates parsed JSON as the daily series of a run (series.json). */
export function parseReportSeries(json: unknown, source: string): NonNullable<Report['series']> {
  const parsed = seriesSchema.safeParse(json);
  if (!parsed.success) throw new UserError(`${source}: not a sleeves series file: ${firstIssue(parsed.error)}`);
  return parsed.data as unknown as NonNullable<Report['series']>;
}

function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid';
  const where = issue.path.length > 0 ? issue.path.map(String).join('.') : '(top level)';
  return `${where}: ${issue.message}`;
}
