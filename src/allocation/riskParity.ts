import * as z from 'zod';
import { solveRiskParity, solveRiskParityWarm } from '../numeric/solveRiskParity.js';
import { estimatorStateOf, windowSourceOf } from '../estimators/estimatorState.js';
import { sourceColumns, usableCandidatesOf } from '../estimators/usableWindow.js';
import { covarianceWindowParams, fallbackSchema } from './commonParams.js';
import { allocationOf, failedAllocation, weightsBuffer } from './allocationResult.js';
import { scatterWeights } from './returnWindow.js';
import { windowCovariance } from './windowCovariance.js';
import type { AllocationInput, AllocationResult } from './types.js';

export const riskParitySchema = z
  .object({
    method: z.literal('riskParity'),
    ...covarianceWindowParams,
    riskBudgets: z
      .record(z.string(), z.number().positive())
      .optional()
      .describe('relative risk budget by name (unnamed candidates 1), normalised over the usable ones; default equal'),
    fallback: fallbackSchema(['inverseVol', 'equal']),
  })
  .strict();

export type RiskParitySpec = z.output<typeof riskParitySchema>;

/**
 * Equal risk contribution over the usable candidates: w_i (Σw)_i equal for all i, Σw = 1,
 * w > 0 (or, with `riskBudgets`, w_i (Σw)_i / wᵀΣw = b_i / Σ_usable b_j), with Σ the covariance of the last `lookback` rows (complete rows only). Solved by
 * Newton on Spinu's log-barrier formulation to max |RC_i − RC_j| ≤ 1e-8 · mean RC
 * (numeric/solveRiskParity.ts). For two candidates the solution is w ∝ 1/σ whatever the
 * correlation. Fails on too little data, a singular covariance or non-convergence.
 *
 * Within a run, a decision over the same candidates as the run's previous riskParity decision
 * starts from that decision's weights, and any other from Newton's start x ∝ 1/σ, and solves by
 * cyclic coordinate descent (solveRiskParityWarm, Newton when it does not converge), with the
 * same convergence test; both are polished to the unique solution, so they equal the cold
 * Newton solve to about 1e-13.
 */
export function riskParity(input: AllocationInput, params: RiskParitySpec): AllocationResult {
  const source = windowSourceOf(input);
  const usable = usableCandidatesOf(input, source, params.lookback, Math.min(params.minObservations, params.lookback));
  if (usable.length === 0) return failedAllocation(input.n, 'riskParity: no candidate has enough data');
  if (usable.length === 1) {
    const w = weightsBuffer(input);
    w[usable[0] as number] = 1;
    return allocationOf(w);
  }
  const { cov, rowsUsed } = windowCovariance(input, usable, params.lookback, params.shrinkage, true);
  if (rowsUsed < 3) return failedAllocation(input.n, `riskParity: too little data (${rowsUsed} complete rows)`);
  const budgets = params.riskBudgets;
  const k = usable.length;
  const state = source ? estimatorStateOf(input, source) : null;
  const columns = source && state ? sourceColumns(source, usable, state.columns(k)) : null;
  const previous = state && columns ? state.warmStart('riskParity', columns) : undefined;
  // Within a run: from the previous weights, or (a run's first decision over these candidates)
  // from Newton's own start x ∝ 1/σ: the descent runs hot in its kernel, while a run's few
  // Newton solves would run before the engine compiles them.
  const start = previous ? previous.weights : state ? inverseSigma(cov, k, state.floats(1, k)) : null;
  const solved = start
    ? solveRiskParityWarm(cov, k, start, budgets ? { budgets: Float64Array.from(usable, (i) => budgets[input.names[i] as string] ?? 1), out: state!.floats(0, k) } : { out: state!.floats(0, k) })
    : solveRiskParity(cov, k, budgets ? { budgets: Float64Array.from(usable, (i) => budgets[input.names[i] as string] ?? 1) } : {});
  if (!solved.ok) return failedAllocation(input.n, `riskParity: ${solved.reason}`);
  if (state && columns) state.remember('riskParity', columns, solved.weights, null);
  const w = weightsBuffer(input);
  scatterWeights(w, usable, solved.weights);
  return allocationOf(w);
}

/** 1/√σ_ii into `out` (a zero or undefined variance gives a start the warm solver refuses: Newton then fails as before). */
function inverseSigma(cov: Float64Array, k: number, out: Float64Array): Float64Array {
  for (let i = 0; i < k; i++) out[i] = 1 / Math.sqrt(cov[i * k + i]!);
  return out;
}

export function riskParityLookback(params: RiskParitySpec): number {
  return params.lookback;
}
