/**
 * One allocation stage of a strategy (a sleeve's `within`, or `across`): a registered method
 * through the allocation registry, or the user's module (see moduleMethod.ts). The only place
 * that tells the two apart.
 */
import { allocate, allocationLookback, allocationSpecSchema, parseAllocationSpec } from '../allocation/registry.js';
import type { AllocationFallback, AllocationInput, AllocationResult } from '../allocation/types.js';
import type { MethodSpec } from './methodSchema.js';
import { runModuleStage } from './moduleMethod.js';

/** Weights of a stage; never a failure (a failed module walks its fallback chain, then cash). */
export function allocateStage(spec: MethodSpec, input: AllocationInput): AllocationResult {
  if (spec.method !== 'module') return allocate(spec, input);
  const first = runModuleStage(spec, input);
  if (first.failure === undefined) return first;
  const from = `module ${spec.module}`;
  const [next, ...rest] = spec.fallback;
  if (next === undefined) {
    return { weights: new Float64Array(input.n), fallbacks: [...first.fallbacks, { from, to: 'cash', reason: first.failure }] };
  }
  // The rest of the chain becomes the first fallback's own chain (methods without one never fail).
  const withChain = allocationSpecSchema.safeParse({ method: next, fallback: rest });
  const result = allocate(withChain.success ? withChain.data : parseAllocationSpec({ method: next }), input);
  const taken: AllocationFallback[] = [...first.fallbacks, { from, to: next, reason: first.failure }];
  return { ...result, fallbacks: [...taken, ...result.fallbacks] };
}

/** Trailing return rows a stage reads. */
export function stageLookback(spec: MethodSpec): number {
  if (spec.method !== 'module') return allocationLookback(spec);
  let rows = spec.lookback;
  for (const method of spec.fallback) rows = Math.max(rows, allocationLookback(parseAllocationSpec({ method })));
  return rows;
}
