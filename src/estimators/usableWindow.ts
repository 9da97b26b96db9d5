/**
 * The usable candidates of a covariance allocator, as allocation/returnWindow.ts defines them
 * (eligible at t and at least `minObservations` finite returns in the last `lookback` rows),
 * found without reading the `returns` getter once per element:
 *  - from the window's moments (prefix-sum counts) when the lookback covers the whole window and
 *    the window's sum is finite (so no return in it is ±∞ and the non-NaN count is the finite
 *    count);
 *  - else from the window source's prices (r = p_s / p_{s−1} − 1, as core/simpleReturns.ts);
 *  - else from the return window, read once.
 * Also the candidates' price columns, which key the estimator state.
 */
import { windowStart } from '../allocation/returnWindow.js';
import type { WindowSource } from '../allocation/windowAllocationInput.js';
import type { AllocationInput } from '../allocation/types.js';

export function usableCandidatesOf(input: AllocationInput, source: WindowSource | null, lookback: number, minObservations: number): number[] {
  const start = windowStart(input, lookback);
  const { n, length, eligible, moments } = input;
  const out: number[] = [];
  let returns: Float64Array | undefined;
  for (let i = 0; i < n; i++) {
    if (eligible[i] !== 1) continue;
    let count = 0;
    if (moments !== undefined && start === 0 && Number.isFinite(moments.sum[i]!)) count = moments.count[i]!;
    else if (source !== null) {
      const base = source.assetIdx[i]! * source.nRows + source.first;
      const from = Math.max(start, source.first === 0 ? 1 : 0);
      for (let s = from; s < length; s++) {
        const r = source.prices[base + s]! / source.prices[base + s - 1]! - 1;
        if (r - r === 0) count++;
      }
    } else {
      returns ??= input.returns;
      const base = i * length;
      for (let s = start; s < length; s++) if (Number.isFinite(returns[base + s]!)) count++;
    }
    if (count >= minObservations) out.push(i);
  }
  return out;
}

/** The price columns (indices into the source's prices) of the given candidates, into `into` when given. */
export function sourceColumns(source: WindowSource, indices: readonly number[], into?: Int32Array): Int32Array {
  const cols = into ?? new Int32Array(indices.length);
  for (let c = 0; c < indices.length; c++) cols[c] = source.assetIdx[indices[c]!]!;
  return cols;
}
