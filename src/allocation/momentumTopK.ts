import * as z from 'zod';
import { compoundReturn } from '../signals/momentum.js';
import { fallbackSchema } from './commonParams.js';
import { allocationOf, failedAllocation } from './allocationResult.js';
import type { AllocationInput, AllocationResult } from './types.js';

export const momentumTopKSchema = z
  .object({
    method: z.literal('momentumTopK'),
    k: z.number().int().min(1).default(3).describe('number of winners held (default 3)'),
    lookback: z.number().int().min(1).default(126).describe('momentum period in return rows (default 126)'),
    skip: z.number().int().min(0).default(0).describe('most recent rows left out of the momentum (0, or 21 for 12-1 style)'),
    weighting: z
      .enum(['equal', 'strength'])
      .default('equal')
      .describe("'equal': 1/k each; 'strength': ∝ max(momentum, 0), falling back to 1/k each (recorded) when every winner's momentum is ≤ 0"),
    absoluteThreshold: z
      .number()
      .optional()
      .describe('absolute-momentum filter: a winner with momentum below this goes to cash (e.g. 0)'),
    fallback: fallbackSchema(['equal']),
  })
  .strict();

export type MomentumTopKSpec = z.output<typeof momentumTopKSchema>;

/**
 * "Winner takes all": hold the k candidates with the highest momentum.
 *
 * Momentum m_i = ∏(1 + r_{i,s}) − 1 over window rows [length − skip − lookback, length − skip)
 * (the total return over `lookback` rows ending `skip` rows before t). A candidate is ranked
 * only when eligible and every return in that range is finite. Ties go to the earlier candidate.
 * With k' = min(k, ranked) winners: `equal` gives each 1/k'; `strength` gives
 * max(m_i, 0) / Σ_winners max(m_j, 0); when every winner has m ≤ 0 the strengths are all 0, so
 * it falls back to 1/k' each and records the fallback (strength → equal, with the best m). Then, if
 * `absoluteThreshold` is set, every winner with m_i < threshold is zeroed and its weight stays in
 * cash (no renormalisation). Fails when the window is too short or nothing can be ranked.
 */
export function momentumTopK(input: AllocationInput, params: MomentumTopKSpec): AllocationResult {
  const to = input.length - params.skip;
  const from = to - params.lookback;
  if (from < 0) return failedAllocation(input.n, `momentumTopK: needs ${params.lookback + params.skip} return rows, has ${input.length}`);
  const ranked: number[] = [];
  const score = new Float64Array(input.n).fill(Number.NaN);
  for (let i = 0; i < input.n; i++) {
    if (input.eligible[i] !== 1) continue;
    const m = compoundReturn(input.returns, i * input.length + from, i * input.length + to);
    if (Number.isFinite(m)) {
      score[i] = m;
      ranked.push(i);
    }
  }
  if (ranked.length === 0) return failedAllocation(input.n, 'momentumTopK: no candidate has a full momentum window');
  ranked.sort((a, b) => (score[b] as number) - (score[a] as number) || a - b);
  const winners = ranked.slice(0, Math.min(params.k, ranked.length));
  const w = new Float64Array(input.n);
  let strengthSum = 0;
  for (const i of winners) strengthSum += Math.max(score[i] as number, 0);
  const byStrength = params.weighting === 'strength' && strengthSum > 0;
  for (const i of winners) w[i] = byStrength ? Math.max(score[i] as number, 0) / strengthSum : 1 / winners.length;
  if (params.absoluteThreshold !== undefined) {
    for (const i of winners) if ((score[i] as number) < params.absoluteThreshold) w[i] = 0;
  }
  if (params.weighting === 'strength' && !byStrength) {
    const best = score[winners[0] as number] as number;
    const reason = `every winner's momentum is ≤ 0 (the best is ${Number(best.toPrecision(4))}), so strength weights are undefined; 1/${winners.length} each`;
    return { weights: w, fallbacks: [{ from: 'momentumTopK (weighting strength)', to: 'momentumTopK (weighting equal)', reason }] };
  }
  return allocationOf(w);
}

export function momentumTopKLookback(params: MomentumTopKSpec): number {
  return params.lookback + params.skip;
}
