import * as z from 'zod';
import { solveMinVarianceQp } from '../numeric/solveMinVarianceQp.js';
import { boundFor, candidateBoundParams, covarianceWindowParams, fallbackSchema } from './commonParams.js';
import { allocationOf, failedAllocation } from './allocationResult.js';
import { scatterWeights, usableCandidates } from './returnWindow.js';
import { windowCovariance } from './windowCovariance.js';
import type { AllocationInput, AllocationResult } from './types.js';

export const minVarianceSchema = z
  .object({
    method: z.literal('minVariance'),
    ...covarianceWindowParams,
    ...candidateBoundParams,
    fallback: fallbackSchema(['inverseVol', 'equal']),
  })
  .strict();

export type MinVarianceSpec = z.output<typeof minVarianceSchema>;

/**
 * Long-only minimum variance: minimise wᵀΣw subject to Σw = 1 and floor_i ≤ w_i ≤ cap_i over the
 * usable candidates (others 0), with Σ the covariance of the last `lookback` rows. Solved exactly
 * by the active-set method of numeric/solveMinVarianceQp.ts. Unconstrained two-asset check:
 * w_1 = (σ_2² − σ_12) / (σ_1² + σ_2² − 2σ_12). Fails (to the fallback chain) on no usable
 * candidate, too little data, a singular covariance (e.g. fewer rows than candidates without
 * shrinkage) or infeasible bounds (Σ caps < 1 or Σ floors > 1).
 */
export function minVariance(input: AllocationInput, params: MinVarianceSpec): AllocationResult {
  const usable = usableCandidates(input, params.lookback, Math.min(params.minObservations, params.lookback));
  const k = usable.length;
  if (k === 0) return failedAllocation(input.n, 'minVariance: no candidate has enough data');
  const lower = new Float64Array(k);
  const upper = new Float64Array(k);
  usable.forEach((i, c) => {
    const name = input.names[i] as string;
    lower[c] = boundFor(params.minWeight, name, 0);
    upper[c] = boundFor(params.maxWeight, name, 1);
  });
  const { cov, rowsUsed } = windowCovariance(input, usable, params.lookback, params.shrinkage);
  if (rowsUsed < 3) return failedAllocation(input.n, `minVariance: too little data (${rowsUsed} complete rows)`);
  const solved = solveMinVarianceQp(cov, k, lower, upper);
  if (!solved.ok) return failedAllocation(input.n, `minVariance: ${solved.reason}`);
  const w = new Float64Array(input.n);
  scatterWeights(w, usable, solved.weights);
  return allocationOf(w);
}

export function minVarianceLookback(params: MinVarianceSpec): number {
  return params.lookback;
}
