import * as z from 'zod';
import { cdarProgram } from '../numeric/tailRiskPrograms.js';
import { fallbackSchema } from './commonParams.js';
import { tailRiskAllocation, tailRiskParams } from './tailRiskAllocation.js';
import type { AllocationInput, AllocationResult } from './types.js';

export const minCdarSchema = z
  .object({ method: z.literal('minCdar'), ...tailRiskParams, fallback: fallbackSchema(['minVariance', 'inverseVol', 'equal']) })
  .strict();

export type MinCdarSpec = z.output<typeof minCdarSchema>;

/**
 * Long-only minimum CDaR_α (conditional drawdown at risk) of the uncompounded cumulative
 * return over the lookback's complete rows, with caps and floors: the Chekhlov–Uryasev–
 * Zabarankin (2005) linear program solved by HiGHS (numeric/tailRiskPrograms.ts).
 */
export function minCdar(input: AllocationInput, params: MinCdarSpec): AllocationResult {
  return tailRiskAllocation(input, params, 'minCdar', cdarProgram);
}

export function minCdarLookback(params: MinCdarSpec): number {
  return params.lookback;
}
