/**
 * The concentration summary of a run (report.concentration; docs/conventions.md,
 * "Concentration exposure") as a zod schema, and its type derived from it: computeConcentration
 * returns this type, the report schema checks it when a report is read back, and the renderers
 * read its fields without casts. Objects are loose: a newer engine may add fields.
 */
import * as z from 'zod';

const nullableNumber = z.number().nullable();
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'an ISO date YYYY-MM-DD');
const byName = z.record(z.string(), nullableNumber);

/** {mean, min, max, last} of a daily series over its defined days (null when none is defined). */
export const seriesSummarySchema = z.looseObject({ mean: nullableNumber, min: nullableNumber, max: nullableNumber, last: nullableNumber });

export const concentrationSummarySchema = z.looseObject({
  /** K of topKShare and topContributorsShare. */
  topK: z.number().int().positive(),
  hhi: seriesSummarySchema,
  effectiveHoldings: seriesSummarySchema,
  /** With the asset and the date of the largest weight (null when every day is fully in cash). */
  maxWeight: seriesSummarySchema.extend({ asset: z.string().nullable(), date: isoDate.nullable() }),
  topKShare: seriesSummarySchema,
  sleeveWeights: z.record(z.string(), seriesSummarySchema),
  sleeveHhi: seriesSummarySchema,
  cashWeight: seriesSummarySchema,
  /** Null when no rebalance had invested weights. */
  driftCreep: z.looseObject({ value: z.number(), date: isoDate.nullable(), rebalanceDate: isoDate.nullable() }).nullable(),
  /** Arithmetic contributions: Σ assets + costs = sum = arithmeticTotal; residual = geometricTotal − sum. */
  returnContribution: z.looseObject({
    method: z.string(),
    note: z.string(),
    assets: byName,
    sleeves: byName,
    costs: nullableNumber,
    sum: nullableNumber,
    arithmeticTotal: nullableNumber,
    geometricTotal: nullableNumber,
    residual: nullableNumber,
  }),
  topContributorsShare: nullableNumber,
  /** The trailing window of riskContribution and effectiveBets (src/report/riskWindow.ts). */
  riskWindow: z.looseObject({ rows: z.number().int().positive(), source: z.string() }),
  riskContribution: z.looseObject({ assets: byName, sleeves: byName, rebalancesUsed: z.number(), window: z.number() }),
  effectiveBets: z.looseObject({ mean: nullableNumber, min: nullableNumber, last: nullableNumber }),
});

export type SeriesSummaryJson = z.infer<typeof seriesSummarySchema>;
export type ConcentrationSummary = z.infer<typeof concentrationSummarySchema>;
