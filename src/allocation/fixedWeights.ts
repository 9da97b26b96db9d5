import * as z from 'zod';
import { weightSchema } from './commonParams.js';
import { allocationOf } from './allocationResult.js';
import type { AllocationInput, AllocationResult } from './types.js';

/** Tolerance on Σ weights ≤ 1 for user-given fixed weights (decimal input like 0.1 + 0.2). */
export const FIXED_SUM_TOLERANCE = 1e-9;

export const fixedWeightsSchema = z
  .object({
    method: z.literal('fixed'),
    weights: z.record(z.string(), weightSchema).describe('target weight by candidate name (or cash); Σ ≤ 1, the rest is held in cash, with a warning'),
    redistribute: z
      .boolean()
      .default(true)
      .describe('true: an ineligible name’s weight is spread pro rata over the eligible named ones; false: it goes to cash'),
  })
  .strict()
  .check((ctx) => {
    const sum = Object.values(ctx.value.weights).reduce((a, b) => a + b, 0);
    if (sum > 1 + FIXED_SUM_TOLERANCE) {
      ctx.issues.push({ code: 'custom', input: ctx.value.weights, path: ['weights'], message: `weights sum to ${Number(sum.toPrecision(10))}, more than 1` });
    }
  });

export type FixedWeightsSpec = z.output<typeof fixedWeightsSchema>;

/** The name that holds cash explicitly in fixed weights (`{a: 0.6, cash: 0.4}`). */
export const CASH_NAME = 'cash';

/**
 * Fixed weights by name: Σ ≤ 1, the rest is held in cash. Candidates not named get 0; the name
 * `cash` (when no candidate is called so) holds cash explicitly; other named entries that are
 * not candidates are ignored (with a warning). When a named candidate is ineligible at t, its
 * weight goes to cash (`redistribute: false`) or the eligible named weights are scaled by
 * (Σ named weights) / (Σ eligible named weights) (`redistribute: true`; cash if none is
 * eligible). When the weights (with `cash`) sum to less than 1, the remainder is held in cash
 * and a warning states it, so that a typo (0.7 for 0.17) does not pass unseen.
 */
export function fixedWeights(input: AllocationInput, params: FixedWeightsSpec): AllocationResult {
  const named = namedWeights(input, params.weights, params.redistribute);
  const sum = Object.values(params.weights).reduce((a, b) => a + b, 0);
  if (sum < 1 - FIXED_SUM_TOLERANCE) {
    const rest = Number((1 - sum).toPrecision(6));
    named.warnings.push(`fixed: weights sum to ${Number(sum.toPrecision(6))}; the remaining ${rest} is held in cash (write ${CASH_NAME}: ${rest} to make it explicit)`);
  }
  return allocationOf(named.weights, named.warnings);
}

/**
 * The weights of named candidates as `fixed` gives them (used by `fixed` and by core-satellite's
 * core, whose named weights sum below 1 by design): no statement about the unnamed remainder.
 */
export function namedWeights(input: AllocationInput, weights: Readonly<Record<string, number>>, redistribute: boolean): { weights: Float64Array; warnings: string[] } {
  const w = new Float64Array(input.n);
  const warnings: string[] = [];
  let total = 0;
  let eligibleTotal = 0;
  for (const [name, weight] of Object.entries(weights)) {
    const i = input.names.indexOf(name);
    if (i < 0) {
      if (weight > 0 && name !== CASH_NAME) warnings.push(`fixed: ${name} is not a candidate; its weight ${weight} goes to cash`);
      continue;
    }
    total += weight;
    if (input.eligible[i] === 1) {
      w[i] = weight;
      eligibleTotal += weight;
    }
  }
  if (redistribute && eligibleTotal > 0 && eligibleTotal < total) {
    const scale = total / eligibleTotal;
    for (let i = 0; i < input.n; i++) w[i] = (w[i] as number) * scale;
  }
  return { weights: w, warnings };
}

/** Fixed weights read no returns. */
export function fixedWeightsLookback(_params: FixedWeightsSpec): number {
  return 0;
}
