import * as z from 'zod';
import { applyTrendFilter } from '../signals/trendFilter.js';
import type { AllocationInput, AllocationResult } from './types.js';

/**
 * The trend-filter method schema, given the schema of the nested base spec (built by the
 * registry, as for core-satellite).
 */
export function makeTrendFilterSchema<S extends z.ZodType<{ method: string }>>(baseSpecSchema: S) {
  return z
    .object({
      method: z.literal('trendFilter'),
      base: baseSpecSchema.describe('the allocation the filter acts on'),
      period: z.number().int().min(2).default(200).describe('SMA period in rows of the cumulative-return index (default 200)'),
      safe: z.array(z.string()).default([]).describe('safe candidates: exempt from the filter, they receive the weight moved out'),
      to: z
        .enum(['safe', 'cash'])
        .default('safe')
        .describe("where weight of candidates below their SMA goes: 'safe' (equally to eligible safe candidates, else cash) or 'cash'"),
    })
    .strict();
}

/** The parameters the trend filter needs, whatever the base spec type. */
export interface TrendFilterParams<S> {
  readonly method: 'trendFilter';
  readonly base: S;
  readonly period: number;
  readonly safe: readonly string[];
  readonly to: 'safe' | 'cash';
}

/**
 * Trend filter ("move to safety when the leaders break down"): allocate with the base spec
 * through `dispatch`, then every held, non-safe candidate whose cumulative-return index is below
 * its `period`-row simple moving average at t loses its weight to the safe candidates (or cash);
 * see signals/trendFilter.ts. Causal: it reads the window only. Base fallbacks are passed on.
 */
export function trendFilter<S>(
  input: AllocationInput,
  params: TrendFilterParams<S>,
  dispatch: (spec: S, input: AllocationInput) => AllocationResult,
): AllocationResult {
  const base = dispatch(params.base, input);
  const { weights } = applyTrendFilter(base.weights, input, { period: params.period, safe: params.safe, to: params.to });
  return base.warnings ? { weights, fallbacks: base.fallbacks, warnings: base.warnings } : { weights, fallbacks: base.fallbacks };
}
