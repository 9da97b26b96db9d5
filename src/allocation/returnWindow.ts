import type { AllocationInput } from './types.js';

/**
 * Helpers to read an allocator's part of the causal return window. An allocator with lookback L
 * reads the last min(L, length) rows (the decision day t is the last row); a candidate is
 * "usable" when it is eligible at t and has at least `minObservations` finite returns in those
 * rows. Candidates that are not usable get weight 0 and never influence the others.
 */

/** First window row an allocator with this lookback reads. */
export function windowStart(input: AllocationInput, lookback: number): number {
  return Math.max(0, input.length - lookback);
}

/** Number of finite returns of candidate i in rows start..length−1. */
export function finiteCount(input: AllocationInput, i: number, start: number): number {
  const base = i * input.length;
  let count = 0;
  for (let s = start; s < input.length; s++) if (Number.isFinite(input.returns[base + s] as number)) count++;
  return count;
}

/** Indices (ascending) of the eligible candidates with ≥ minObservations finite returns in the lookback. */
export function usableCandidates(input: AllocationInput, lookback: number, minObservations: number): number[] {
  const start = windowStart(input, lookback);
  const out: number[] = [];
  for (let i = 0; i < input.n; i++) {
    if (input.eligible[i] === 1 && finiteCount(input, i, start) >= minObservations) out.push(i);
  }
  return out;
}

/** Indices (ascending) of the eligible candidates. */
export function eligibleCandidates(input: AllocationInput): number[] {
  const out: number[] = [];
  for (let i = 0; i < input.n; i++) if (input.eligible[i] === 1) out.push(i);
  return out;
}

/**
 * The rows start..length−1 of the given candidates copied into one column-major block
 * (`block[c * rows + s]`), the layout the estimators take.
 */
export function gatherColumns(input: AllocationInput, indices: readonly number[], start: number): { block: Float64Array; rows: number } {
  const rows = input.length - start;
  const block = new Float64Array(indices.length * rows);
  indices.forEach((i, c) => {
    block.set(input.returns.subarray(i * input.length + start, (i + 1) * input.length), c * rows);
  });
  return { block, rows };
}

/** A sub-input over some candidates (a copy of their columns), e.g. the satellite of core-satellite. */
export function subInput(input: AllocationInput, indices: readonly number[]): AllocationInput {
  const { block } = gatherColumns(input, indices, 0);
  const eligible = new Uint8Array(indices.length);
  indices.forEach((i, c) => (eligible[c] = input.eligible[i] as number));
  return { n: indices.length, names: indices.map((i) => input.names[i] as string), returns: block, length: input.length, eligible };
}

/** Scatters sub-weights back into a full-length vector, scaled by `scale`. */
export function scatterWeights(target: Float64Array, indices: readonly number[], sub: Float64Array, scale = 1): void {
  indices.forEach((i, c) => (target[i] = (sub[c] as number) * scale));
}
