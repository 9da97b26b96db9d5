import type { AllocationResult } from './types.js';

/** All-cash weights for n candidates, marked as a failure with its reason (the registry falls back). */
export function failedAllocation(n: number, reason: string): AllocationResult {
  return { weights: new Float64Array(n), fallbacks: [], failure: reason };
}

/** A successful result with no fallbacks (warnings only when there are some). */
export function allocationOf(weights: Float64Array, warnings: readonly string[] = []): AllocationResult {
  return warnings.length > 0 ? { weights, fallbacks: [], warnings } : { weights, fallbacks: [] };
}
