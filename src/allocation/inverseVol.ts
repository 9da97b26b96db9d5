import * as z from 'zod';
import { fallbackSchema, lookbackSchema, minObservationsSchema } from './commonParams.js';
import { allocationOf, failedAllocation, weightsBuffer } from './allocationResult.js';
import { finiteCount, windowStart } from './returnWindow.js';
import type { AllocationInput, AllocationResult, WindowMoments } from './types.js';

export const inverseVolSchema = z
  .object({
    method: z.literal('inverseVol'),
    lookback: lookbackSchema(63),
    minObservations: minObservationsSchema,
    fallback: fallbackSchema(['equal']),
  })
  .strict();

export type InverseVolSpec = z.output<typeof inverseVolSchema>;

/** The reason inverse vol gives when it fails (engine/plainDecisions.ts records the same). */
export const INVERSE_VOL_FAILURE = 'inverseVol: no candidate has enough data (or any volatility)';

/**
 * Inverse volatility: w_i = (1/σ_i) / Σ_j (1/σ_j) over the usable candidates, with σ_i the sample
 * standard deviation (divisor m − 1) of candidate i's finite returns in the last `lookback` rows.
 * A candidate is usable when eligible, with at least min(minObservations, lookback) finite
 * returns and σ_i > 0; the others get 0. Fails when no candidate is usable.
 */
export function inverseVol(input: AllocationInput, params: InverseVolSpec): AllocationResult {
  const start = windowStart(input, params.lookback);
  const need = Math.max(2, Math.min(params.minObservations, params.lookback));
  const w = weightsBuffer(input);
  // With window moments covering exactly the rows this lookback reads, σ costs O(1) per candidate.
  const moments = start === 0 ? input.moments : undefined;
  if (moments !== undefined) return fromMoments(input, moments, need, w);
  let sum = 0;
  for (let i = 0; i < input.n; i++) {
    if (input.eligible[i] !== 1) continue;
    if (finiteCount(input, i, start) < need) continue;
    const sd = finiteStandardDeviation(input.returns, i * input.length + start, (i + 1) * input.length);
    if (!(sd > 0) || !Number.isFinite(sd)) continue;
    w[i] = 1 / sd;
    sum += 1 / sd;
  }
  if (sum === 0) return failedAllocation(input.n, INVERSE_VOL_FAILURE);
  for (let i = 0; i < input.n; i++) w[i] = (w[i] as number) / sum;
  return allocationOf(w);
}

/** The weights from window moments (count, Σr, Σr² per candidate): O(1) per candidate. */
function fromMoments(input: AllocationInput, moments: WindowMoments, need: number, w: Float64Array): AllocationResult {
  const { count, sum: s1s, sumSq: s2s } = moments;
  const eligible = input.eligible;
  const n = input.n;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    if (eligible[i] !== 1) continue;
    const m = count[i]!;
    if (m < need) continue;
    const s1 = s1s[i]!;
    const s2 = s2s[i]!;
    const centred = s2 - (s1 * s1) / m;
    // Below 1e-12 of the raw second moment the difference is rounding: a constant series.
    const sd = centred > 1e-12 * s2 ? Math.sqrt(centred / (m - 1)) : 0;
    if (!(sd > 0) || !Number.isFinite(sd)) continue;
    w[i] = 1 / sd;
    sum += 1 / sd;
  }
  if (sum === 0) return failedAllocation(n, INVERSE_VOL_FAILURE);
  for (let i = 0; i < n; i++) w[i] = w[i]! / sum;
  return allocationOf(w);
}

/** Sample standard deviation (divisor m − 1) of the finite values in a[from..to). */
export function finiteStandardDeviation(a: Float64Array, from: number, to: number): number {
  let m = 0;
  let sum = 0;
  for (let s = from; s < to; s++) {
    const v = a[s] as number;
    if (Number.isFinite(v)) {
      sum += v;
      m++;
    }
  }
  if (m < 2) return Number.NaN;
  const mean = sum / m;
  let ss = 0;
  for (let s = from; s < to; s++) {
    const v = a[s] as number;
    if (Number.isFinite(v)) ss += (v - mean) * (v - mean);
  }
  return Math.sqrt(ss / (m - 1));
}

export function inverseVolLookback(params: InverseVolSpec): number {
  return params.lookback;
}
