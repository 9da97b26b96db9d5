import * as z from 'zod';
import { solveMinVarianceQp } from '../numeric/solveMinVarianceQp.js';
import { covarianceWindowParams, fallbackSchema } from './commonParams.js';
import { allocationOf, failedAllocation, weightsBuffer } from './allocationResult.js';
import { estimatorStateOf, windowSourceOf } from '../estimators/estimatorState.js';
import { sourceColumns, usableCandidatesOf } from '../estimators/usableWindow.js';
import { windowCovariance } from './windowCovariance.js';
import type { AllocationInput, AllocationResult } from './types.js';

export const maxDiversificationSchema = z
  .object({
    method: z.literal('maxDiversification'),
    ...covarianceWindowParams,
    fallback: fallbackSchema(['inverseVol', 'equal']),
  })
  .strict();

export type MaxDiversificationSpec = z.output<typeof maxDiversificationSchema>;

/**
 * Most diversified portfolio (Choueifaty & Coignard 2008), long-only: maximise the
 * diversification ratio DR(w) = wᵀσ / √(wᵀΣw) subject to w ≥ 0, Σw = 1.
 *
 * Exact reduction: with y_i = w_i σ_i / Σ_j w_j σ_j (so y ≥ 0, Σy = 1) DR = 1 / √(yᵀCy), C the
 * correlation matrix; hence y is the long-only minimum-variance portfolio of C, and
 * w_i = (y_i / σ_i) / Σ_j (y_j / σ_j). Caps do not survive this rescaling, so cap the result
 * with applyConstraints. Fails like minVariance. Within a run the active-set method starts from
 * the previous decision's working set, as in minVariance.
 */
export function maxDiversification(input: AllocationInput, params: MaxDiversificationSpec): AllocationResult {
  const source = windowSourceOf(input);
  const usable = usableCandidatesOf(input, source, params.lookback, Math.min(params.minObservations, params.lookback));
  const k = usable.length;
  if (k === 0) return failedAllocation(input.n, 'maxDiversification: no candidate has enough data');
  const { cov, rowsUsed } = windowCovariance(input, usable, params.lookback, params.shrinkage, true);
  if (rowsUsed < 3) return failedAllocation(input.n, `maxDiversification: too little data (${rowsUsed} complete rows)`);
  const state = source ? estimatorStateOf(input, source) : null;
  const sigma = state ? state.floats(1, k) : new Float64Array(k);
  for (let a = 0; a < k; a++) {
    const v = cov[a * k + a] as number;
    if (!(v > 0)) return failedAllocation(input.n, 'maxDiversification: zero variance');
    sigma[a] = Math.sqrt(v);
  }
  const corr = state ? state.floats(2, k * k) : new Float64Array(k * k);
  for (let a = 0; a < k; a++) {
    for (let b = 0; b < k; b++) corr[a * k + b] = (cov[a * k + b] as number) / ((sigma[a] as number) * (sigma[b] as number));
  }
  const columns = source && state ? sourceColumns(source, usable, state.columns(k)) : null;
  const previous = state && columns ? state.warmStart('maxDiversification', columns) : undefined;
  const lower = state ? state.floats(3, k).fill(0) : new Float64Array(k);
  const upper = state ? state.floats(4, k).fill(1) : new Float64Array(k).fill(1);
  const solved = solveMinVarianceQp(corr, k, lower, upper, previous && state ? { start: previous.status, out: state.floats(0, k) } : {});
  if (!solved.ok) return failedAllocation(input.n, `maxDiversification: ${solved.reason}`);
  if (state && columns) state.remember('maxDiversification', columns, null, solved.status);
  let sum = 0;
  for (let a = 0; a < k; a++) sum += (solved.weights[a] as number) / (sigma[a] as number);
  const w = weightsBuffer(input);
  for (let a = 0; a < k; a++) w[usable[a] as number] = (solved.weights[a] as number) / (sigma[a] as number) / sum;
  return allocationOf(w);
}

export function maxDiversificationLookback(params: MaxDiversificationSpec): number {
  return params.lookback;
}
