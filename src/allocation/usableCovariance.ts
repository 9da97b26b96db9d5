import { failedAllocation } from './allocationResult.js';
import { windowSourceOf } from '../estimators/estimatorState.js';
import { usableCandidatesOf } from '../estimators/usableWindow.js';
import { windowCovariance } from './windowCovariance.js';
import type { AllocationInput, AllocationResult } from './types.js';

/**
 * The usable candidates of a covariance-based allocator and their covariance over the lookback
 * (complete rows), or the failure it reports: no usable candidate, fewer than 3 complete rows,
 * or a zero/undefined variance. `method` prefixes the failure message.
 */
export function usableCovariance(
  input: AllocationInput,
  method: string,
  params: { lookback: number; minObservations: number; shrinkage: 'none' | 'ledoitWolf' },
): { usable: number[]; cov: Float64Array } | { failed: AllocationResult } {
  const usable = usableCandidatesOf(input, windowSourceOf(input), params.lookback, Math.min(params.minObservations, params.lookback));
  const k = usable.length;
  if (k === 0) return { failed: failedAllocation(input.n, `${method}: no candidate has enough data`) };
  const { cov, rowsUsed } = windowCovariance(input, usable, params.lookback, params.shrinkage);
  if (rowsUsed < 3) return { failed: failedAllocation(input.n, `${method}: too little data (${rowsUsed} complete rows)`) };
  for (let a = 0; a < k; a++) {
    const v = cov[a * k + a] as number;
    if (!(v > 0) || !Number.isFinite(v)) return { failed: failedAllocation(input.n, `${method}: zero variance (${input.names[usable[a] as number]})`) };
  }
  return { usable, cov };
}
