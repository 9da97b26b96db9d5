import * as z from 'zod';
import { cvarProgram } from '../numeric/tailRiskPrograms.js';
import { fallbackSchema } from './commonParams.js';
import { tailRiskAllocation, tailRiskParams } from './tailRiskAllocation.js';
import type { AllocationInput, AllocationResult } from './types.js';

export const minCvarSchema = z
  .object({ method: z.literal('minCvar'), ...tailRiskParams, fallback: fallbackSchema(['minVariance', 'inverseVol', 'equal']) })
  .strict();

export type MinCvarSpec = z.output<typeof minCvarSchema>;

/**
 * Long-only minimum CVaR_α (expected shortfall) of the daily loss −wᵀr over the lookback's
 * complete rows as equally likely scenarios, with caps and floors: the Rockafellar–Uryasev
 * (2000) linear program solved by HiGHS (numeric/tailRiskPrograms.ts, numeric/lpSolver.ts).
 */
export function minCvar(input: AllocationInput, params: MinCvarSpec): AllocationResult {
  return tailRiskAllocation(input, params, 'minCvar', cvarProgram);
}

export function minCvarLookback(params: MinCvarSpec): number {
  return params.lookback;
}
