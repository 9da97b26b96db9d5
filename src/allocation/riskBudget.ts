import * as z from 'zod';
import { solveRiskParity } from '../numeric/solveRiskParity.js';
import { covarianceWindowParams, fallbackSchema } from './commonParams.js';
import { allocationOf, failedAllocation } from './allocationResult.js';
import { scatterWeights } from './returnWindow.js';
import { usableCovariance } from './usableCovariance.js';
import { plainInput } from './windowAllocationInput.js';
import type { AllocationInput, AllocationResult } from './types.js';

export const riskBudgetSchema = z
  .object({
    method: z.literal('riskBudget'),
    budgets: z
      .record(z.string(), z.number().positive().max(1))
      .refine((b) => Object.keys(b).length > 0, 'give at least one budget')
      .describe('target share of portfolio risk by candidate name (sleeves across, tickers within); normalised over the usable named candidates; unnamed candidates get 0'),
    ...covarianceWindowParams,
    fallback: fallbackSchema(['inverseVol', 'equal']),
  })
  .strict();

export type RiskBudgetSpec = z.output<typeof riskBudgetSchema>;

/**
 * Risk budgeting (Roncalli 2013, "Introduction to Risk Parity and Budgeting", ch. 2; ERC is the
 * equal-budget case): long-only, fully invested weights whose risk shares
 * RC_i / wᵀΣw = w_i (Σw)_i / wᵀΣw equal the budgets b_i, normalised over the usable named
 * candidates, with Σ the covariance of the last `lookback` rows. Solved by the ERC solver
 * (numeric/solveRiskParity.ts, Spinu 2013) to max_i |RC_i/(b_i wᵀΣw) − RC_j/(b_j wᵀΣw)| ≤ 1e-8,
 * which bounds every |share_i − b_i| by b_i · 1e-8. Usable candidates without a budget get 0
 * (a warning); a named candidate without data hands its budget to the others pro rata (a
 * warning). Fails like riskParity, or when no usable candidate has a budget.
 */
export function riskBudget(input: AllocationInput, params: RiskBudgetSpec): AllocationResult {
  const named = (i: number) => params.budgets[input.names[i] as string];
  // A copy with the unbudgeted candidates ineligible (plainInput: the decider's input is a class
  // whose return window is a prototype getter, which a spread would drop).
  const budgeted: AllocationInput = { ...plainInput(input), eligible: input.eligible.map((e, i) => (e === 1 && named(i) !== undefined ? 1 : 0)) };
  const prepared = usableCovariance(budgeted, 'riskBudget', params);
  if ('failed' in prepared) return prepared.failed;
  const { usable, cov } = prepared;
  const warnings: string[] = [];
  const unbudgeted = input.names.filter((name, i) => input.eligible[i] === 1 && named(i) === undefined);
  if (unbudgeted.length > 0) warnings.push(`riskBudget: no budget for ${unbudgeted.join(', ')} (weight 0)`);
  const absent = Object.keys(params.budgets).filter((name) => input.names.includes(name) && !usable.some((i) => input.names[i] === name));
  if (absent.length > 0) warnings.push(`riskBudget: no data for ${absent.join(', ')}; their budgets go to the others pro rata`);
  const w = new Float64Array(input.n);
  const solved = solveRiskParity(cov, usable.length, { budgets: Float64Array.from(usable, (i) => named(i) as number) });
  if (!solved.ok) return failedAllocation(input.n, `riskBudget: ${solved.reason}`);
  scatterWeights(w, usable, solved.weights);
  return allocationOf(w, warnings);
}

export function riskBudgetLookback(params: RiskBudgetSpec): number {
  return params.lookback;
}
