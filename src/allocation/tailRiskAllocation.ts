import * as z from 'zod';
import { solveLinearProgram, type LinearProgram } from '../numeric/lpSolver.js';
import type { TailRiskInput } from '../numeric/tailRiskPrograms.js';
import { boundFor, candidateBoundParams, lookbackSchema, minObservationsSchema } from './commonParams.js';
import { allocationOf, failedAllocation } from './allocationResult.js';
import { gatherColumns, scatterWeights, usableCandidates, windowStart } from './returnWindow.js';
import type { AllocationInput, AllocationResult } from './types.js';

/** The methods that solve a linear or quadratic program with HiGHS (loaded before the run: strategy/prepareSolvers.ts). */
export const LP_METHODS: ReadonlySet<string> = new Set(['minCvar', 'minCdar', 'meanCvar', 'blackLitterman']);

/** Parameters shared by minCvar, minCdar and meanCvar. */
export const tailRiskParams = {
  alpha: z.number().min(0.5).max(0.999).default(0.95).describe('confidence level: the tail is the worst (1 − alpha) share of the lookback’s days (default 0.95)'),
  lookback: lookbackSchema(252),
  minObservations: minObservationsSchema,
  ...candidateBoundParams,
};

interface TailRiskParams {
  alpha: number;
  lookback: number;
  minObservations: number;
  maxWeight: number | Record<string, number>;
  minWeight: number | Record<string, number>;
}

/**
 * Shared body of the LP allocators: usable candidates, their complete rows of the lookback as
 * equally likely scenarios, bounds from the caps and floors, then the program `build` solved
 * by HiGHS. Fails (to the fallback chain, the reason recorded) on no usable candidate, fewer
 * rows than a tail of one day needs (⌈1/(1−α)⌉, at least 3), infeasible bounds, or an LP that
 * is not solved to optimality (e.g. meanCvar's target out of reach).
 */
export function tailRiskAllocation(
  input: AllocationInput,
  params: TailRiskParams,
  method: string,
  build: (lp: TailRiskInput) => LinearProgram,
  minMean?: number,
): AllocationResult {
  const usable = usableCandidates(input, params.lookback, Math.min(params.minObservations, params.lookback));
  const k = usable.length;
  if (k === 0) return failedAllocation(input.n, `${method}: no candidate has enough data`);
  const lower = Float64Array.from(usable, (i) => boundFor(params.minWeight, input.names[i] as string, 0));
  const upper = Float64Array.from(usable, (i) => boundFor(params.maxWeight, input.names[i] as string, 1));
  const floors = lower.reduce((a, b) => a + b, 0);
  const caps = upper.reduce((a, b) => a + b, 0);
  if (floors > 1 + 1e-12 || caps < 1 - 1e-12) return failedAllocation(input.n, `${method}: infeasible bounds (Σ floors ${floors.toFixed(4)}, Σ caps ${caps.toFixed(4)})`);
  const { returns, rows } = completeRows(input, usable, windowStart(input, params.lookback));
  const need = Math.max(3, Math.ceil(1 / (1 - params.alpha) - 1e-9));
  if (rows < need) return failedAllocation(input.n, `${method}: too little data (${rows} complete rows; alpha ${params.alpha} needs ${need})`);
  const lp = build({ returns, k, rows, alpha: params.alpha, lower, upper, ...(minMean !== undefined ? { minMean } : {}) });
  const solved = solveLinearProgram(lp);
  if (!solved.ok) return failedAllocation(input.n, `${method}: ${solved.reason}`);
  const w = new Float64Array(input.n);
  scatterWeights(w, usable, polish(solved.x.subarray(0, k), lower, upper));
  return allocationOf(w);
}

/** Column-major returns of the given candidates over rows start..length−1 where all are finite. */
function completeRows(input: AllocationInput, indices: readonly number[], start: number): { returns: Float64Array; rows: number } {
  const { block, rows: all } = gatherColumns(input, indices, start);
  const keep: number[] = [];
  for (let s = 0; s < all; s++) if (indices.every((_, c) => Number.isFinite(block[c * all + s] as number))) keep.push(s);
  const rows = keep.length;
  const returns = new Float64Array(indices.length * rows);
  indices.forEach((_, c) => keep.forEach((s, r) => (returns[c * rows + r] = block[c * all + s] as number)));
  return { returns, rows };
}

/**
 * The LP's weights (feasible to HiGHS's 1e-7 tolerance) made exactly feasible: clipped to
 * [lower, upper], then the residual 1 − Σw spread in proportion to each weight's room towards
 * the bound it moves to (never past it, as Σ room ≥ |residual| for feasible bounds).
 */
export function polish(x: Float64Array, lower: Float64Array, upper: Float64Array): Float64Array {
  const w = Float64Array.from(x, (v, i) => Math.min(upper[i] as number, Math.max(lower[i] as number, v)));
  const residual = 1 - w.reduce((a, b) => a + b, 0);
  const room = Float64Array.from(w, (v, i) => (residual > 0 ? (upper[i] as number) - v : v - (lower[i] as number)));
  const total = room.reduce((a, b) => a + b, 0);
  if (total > 0) for (let i = 0; i < w.length; i++) w[i] = (w[i] as number) + (residual * (room[i] as number)) / total;
  return w;
}
