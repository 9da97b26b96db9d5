import type { AllocationResult } from './types.js';

/** All-cash weights for n candidates, marked as a failure with its reason (the registry falls back). */
export function failedAllocation(n: number, reason: string): AllocationResult {
  return { weights: new Float64Array(n), fallbacks: [], failure: reason };
}

/** The caller's output buffer, cleared, when it offers one of the right length; else a new array. */
export function weightsBuffer(input: { readonly n: number; readonly out?: Float64Array }): Float64Array {
  const out = input.out;
  if (out !== undefined && out.length === input.n) return out.fill(0);
  return new Float64Array(input.n);
}

/** A successful result with no fallbacks (warnings only when there are some). */
export function allocationOf(weights: Float64Array, warnings: readonly string[] = []): AllocationResult {
  return warnings.length > 0 ? { weights, fallbacks: [], warnings } : { weights, fallbacks: [] };
}
