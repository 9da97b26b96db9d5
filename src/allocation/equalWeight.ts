import * as z from 'zod';
import { allocationOf, weightsBuffer } from './allocationResult.js';
import type { AllocationInput, AllocationResult } from './types.js';

export const equalWeightSchema = z.object({ method: z.literal('equal') }).strict();

export type EqualWeightSpec = z.output<typeof equalWeightSchema>;

/** w_i = 1/m for each of the m eligible candidates, 0 otherwise (all cash when m = 0). */
export function equalWeight(input: AllocationInput, _params: EqualWeightSpec): AllocationResult {
  const w = weightsBuffer(input);
  let m = 0;
  for (let i = 0; i < input.n; i++) if (input.eligible[i] === 1) m++;
  if (m > 0) for (let i = 0; i < input.n; i++) if (input.eligible[i] === 1) w[i] = 1 / m;
  return allocationOf(w);
}

/** Equal weights read no returns. */
export function equalWeightLookback(_params: EqualWeightSpec): number {
  return 0;
}
