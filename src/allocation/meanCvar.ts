import * as z from 'zod';
import { cvarProgram } from '../numeric/tailRiskPrograms.js';
import { fallbackSchema, TRADING_DAYS } from './commonParams.js';
import { tailRiskAllocation, tailRiskParams } from './tailRiskAllocation.js';
import type { AllocationInput, AllocationResult } from './types.js';

export const meanCvarSchema = z
  .object({
    method: z.literal('meanCvar'),
    targetReturn: z
      .number()
      .min(-1)
      .max(10)
      .describe('required annual return: the portfolio’s mean daily return over the lookback must be ≥ targetReturn / 252'),
    ...tailRiskParams,
    fallback: fallbackSchema(['minVariance', 'inverseVol', 'equal']),
  })
  .strict();

export type MeanCvarSpec = z.output<typeof meanCvarSchema>;

/**
 * Mean-CVaR (Rockafellar & Uryasev 2000, §3; Krokhmal, Palmquist & Uryasev 2002): minimum
 * CVaR_α subject to a mean daily return μᵀw ≥ targetReturn / 252 over the lookback, with caps
 * and floors. A target no portfolio within the bounds reaches makes the LP infeasible, and the
 * allocation walks its fallback chain, saying so.
 */
export function meanCvar(input: AllocationInput, params: MeanCvarSpec): AllocationResult {
  const result = tailRiskAllocation(input, params, 'meanCvar', cvarProgram, params.targetReturn / TRADING_DAYS);
  if (result.failure === 'meanCvar: LP infeasible') {
    return { ...result, failure: `meanCvar: no portfolio within the bounds reaches a ${params.targetReturn} annual mean return over the lookback (LP infeasible)` };
  }
  return result;
}

export function meanCvarLookback(params: MeanCvarSpec): number {
  return params.lookback;
}
