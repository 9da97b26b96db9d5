import * as z from 'zod';
import { weightSchema } from './commonParams.js';
import { allocationOf } from './allocationResult.js';
import type { AllocationInput, AllocationResult } from './types.js';

/** Tolerance on Σ weights ≤ 1 for user-given fixed weights (decimal input like 0.1 + 0.2). */
export const FIXED_SUM_TOLERANCE = 1e-9;

export const fixedWeightsSchema = z
  .object({
    method: z.literal('fixed'),
    weights: z.record(z.string(), weightSchema).describe('target weight by candidate name; Σ ≤ 1, the rest is cash'),
    redistribute: z
      .boolean()
      .default(true)
      .describe('true: an ineligible name’s weight is spread pro rata over the eligible named ones; false: it goes to cash'),
  })
  .strict()
  .check((ctx) => {
    const sum = Object.values(ctx.value.weights).reduce((a, b) => a + b, 0);
    if (sum > 1 + FIXED_SUM_TOLERANCE) {
      ctx.issues.push({ code: 'custom', input: ctx.value.weights, path: ['weights'], message: `weights sum to ${sum}, more than 1` });
    }
  });

export type FixedWeightsSpec = z.output<typeof fixedWeightsSchema>;

/**
 * Fixed weights by name. Candidates not named get 0; named entries that are not candidates are
 * ignored (with a warning). When a named candidate is ineligible at t, its weight goes to cash
 * (`redistribute: false`) or the eligible named weights are scaled by
 * (Σ named weights) / (Σ eligible named weights) (`redistribute: true`; cash if none is eligible).
 */
export function fixedWeights(input: AllocationInput, params: FixedWeightsSpec): AllocationResult {
  const w = new Float64Array(input.n);
  const warnings: string[] = [];
  let total = 0;
  let eligibleTotal = 0;
  for (const [name, weight] of Object.entries(params.weights)) {
    const i = input.names.indexOf(name);
    if (i < 0) {
      if (weight > 0) warnings.push(`fixed: ${name} is not a candidate; its weight ${weight} goes to cash`);
      continue;
    }
    total += weight;
    if (input.eligible[i] === 1) {
      w[i] = weight;
      eligibleTotal += weight;
    }
  }
  if (params.redistribute && eligibleTotal > 0 && eligibleTotal < total) {
    const scale = total / eligibleTotal;
    for (let i = 0; i < input.n; i++) w[i] = (w[i] as number) * scale;
  }
  return allocationOf(w, warnings);
}

/** Fixed weights read no returns. */
export function fixedWeightsLookback(_params: FixedWeightsSpec): number {
  return 0;
}
