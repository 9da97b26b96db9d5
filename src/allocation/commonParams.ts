import * as z from 'zod';

/**
 * Parameter schemas shared by several allocators, so that a key means the same thing (and has
 * the same default) wherever it appears.
 */

/** Methods that can run with their default parameters, hence may appear in a fallback chain. */
export const FALLBACK_METHODS = ['equal', 'inverseVol', 'riskParity', 'minVariance', 'maxDiversification', 'momentumTopK', 'hrp', 'herc', 'minCvar', 'minCdar'] as const;
export type FallbackMethod = (typeof FALLBACK_METHODS)[number];

/** Trading days a year: the annual figures of a spec (target returns, view returns) are 252 × daily ones. */
export const TRADING_DAYS = 252;

/** Trailing return rows an estimator reads (trading days). */
export function lookbackSchema(defaultRows: number) {
  return z.number().int().min(2).default(defaultRows).describe(`trailing return rows used (default ${defaultRows})`);
}

/** Minimum finite returns a candidate needs in the lookback to be considered (else weight 0). */
export const minObservationsSchema = z
  .number()
  .int()
  .min(2)
  .default(20)
  .describe('finite returns a candidate needs in the lookback to be held (default 20)');

/** Covariance estimator for the covariance-based methods. */
export const shrinkageSchema = z
  .enum(['none', 'ledoitWolf'])
  .default('none')
  .describe("covariance estimator: 'none' = sample covariance, 'ledoitWolf' = shrunk towards a scaled identity");

/** Methods tried in order, with their default parameters, when this one fails. */
export function fallbackSchema(defaults: readonly FallbackMethod[]) {
  return z
    .array(z.enum(FALLBACK_METHODS))
    .default([...defaults])
    .describe(`methods tried in order (with default parameters) when this one fails (default [${defaults.join(', ')}])`);
}

/** A weight in [0, 1]. */
export const weightSchema = z.number().min(0).max(1);

/** A bound for every candidate (a number) or per name (a record; unnamed candidates get the default). */
export const perCandidateBoundSchema = z.union([weightSchema, z.record(z.string(), weightSchema)]);
export type PerCandidateBound = z.output<typeof perCandidateBoundSchema>;

/** The bound of a named candidate. */
export function boundFor(bound: PerCandidateBound, name: string, fallbackValue: number): number {
  return typeof bound === 'number' ? bound : Object.hasOwn(bound, name) ? (bound[name] as number) : fallbackValue;
}

/** The estimation window of the covariance-based methods: 252 rows, the minimum observations, the estimator. */
export const covarianceWindowParams = {
  lookback: lookbackSchema(252),
  minObservations: minObservationsSchema,
  shrinkage: shrinkageSchema,
};

/** Caps and floors per candidate of the optimisers (minVariance, blackLitterman, the tail-risk programs). */
export const candidateBoundParams = {
  maxWeight: perCandidateBoundSchema.default(1).describe('cap per candidate (number, or by name); default 1'),
  minWeight: perCandidateBoundSchema.default(0).describe('floor per usable candidate (number, or by name); default 0'),
};
