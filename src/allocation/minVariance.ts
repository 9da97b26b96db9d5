import * as z from 'zod';
import { solveMinVarianceQp } from '../numeric/solveMinVarianceQp.js';
import { boundFor, candidateBoundParams, covarianceWindowParams, fallbackSchema } from './commonParams.js';
import { allocationOf, failedAllocation, weightsBuffer } from './allocationResult.js';
import { scatterWeights } from './returnWindow.js';
import { estimatorStateOf, windowSourceOf } from '../estimators/estimatorState.js';
import { sourceColumns, usableCandidatesOf } from '../estimators/usableWindow.js';
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
 *
 * Within a run, a decision over the same candidates as the previous one starts the active-set
 * method from that decision's working set (the same exact solution, found in fewer steps).
 */
export function minVariance(input: AllocationInput, params: MinVarianceSpec): AllocationResult {
  const source = windowSourceOf(input);
  const usable = usableCandidatesOf(input, source, params.lookback, Math.min(params.minObservations, params.lookback));
  const k = usable.length;
  if (k === 0) return failedAllocation(input.n, 'minVariance: no candidate has enough data');
  const state = source ? estimatorStateOf(input, source) : null;
  const lower = state ? state.floats(1, k) : new Float64Array(k);
  const upper = state ? state.floats(2, k) : new Float64Array(k);
  for (let c = 0; c < k; c++) {
    const name = input.names[usable[c] as number] as string;
    lower[c] = boundFor(params.minWeight, name, 0);
    upper[c] = boundFor(params.maxWeight, name, 1);
  }
  const { cov, rowsUsed } = windowCovariance(input, usable, params.lookback, params.shrinkage, true);
  if (rowsUsed < 3) return failedAllocation(input.n, `minVariance: too little data (${rowsUsed} complete rows)`);
  const columns = source && state ? sourceColumns(source, usable, state.columns(k)) : null;
  const previous = state && columns ? state.warmStart('minVariance', columns) : undefined;
  const solved = solveMinVarianceQp(cov, k, lower, upper, previous ? { start: previous.status, out: state!.floats(0, k) } : {});
  if (!solved.ok) return failedAllocation(input.n, `minVariance: ${solved.reason}`);
  if (state && columns) state.remember('minVariance', columns, null, solved.status);
  const w = weightsBuffer(input);
  scatterWeights(w, usable, solved.weights);
  return allocationOf(w);
}

export function minVarianceLookback(params: MinVarianceSpec): number {
  return params.lookback;
}
