import { covarianceKernel } from '../numeric/covarianceKernel.js';
import { ledoitWolf } from '../estimators/ledoitWolf.js';
import { estimatorStateOf, windowSourceOf } from '../estimators/estimatorState.js';
import { sourceColumns } from '../estimators/usableWindow.js';
import { gatherColumns, windowStart } from './returnWindow.js';
import type { AllocationInput } from './types.js';

/**
 * Covariance (row-major k×k) of the given candidates over the last `lookback` rows of the
 * window, with listwise deletion of incomplete rows: the sample covariance (divisor n − 1,
 * computed by numeric/covarianceKernel.ts), or its Ledoit-Wolf shrinkage (see estimators/ledoitWolf.ts). `rowsUsed` < 2 means undefined.
 *
 * Within a run (an input with a window source), the sample covariance of a window whose complete
 * rows follow all of its incomplete ones (no gap after the first complete row) is the one
 * estimators/slidingCovariance.ts keeps up to date from decision to decision (equal to the
 * two-pass one to 1e-12 relative, tested); any other window takes the two-pass path with
 * listwise deletion, as before. With `reuse` that covariance is written into a buffer of the
 * run's state, valid until the next decision (for callers that keep no reference to it).
 */
export function windowCovariance(
  input: AllocationInput,
  indices: readonly number[],
  lookback: number,
  shrinkage: 'none' | 'ledoitWolf',
  reuse = false,
): { cov: Float64Array; rowsUsed: number } {
  const start = windowStart(input, lookback);
  const source = shrinkage === 'none' ? windowSourceOf(input) : null;
  if (source !== null) {
    const k = indices.length;
    const state = estimatorStateOf(input, source);
    const cov = reuse ? state.buffer(k * k) : new Float64Array(k * k);
    const sliding = state.sliding(lookback);
    const rowsUsed = sliding.update(source.prices, source.nRows, sourceColumns(source, indices, state.columns(k)), source.first + start, source.first + input.length - 1, cov);
    if (rowsUsed >= 2) return { cov, rowsUsed };
  }
  const { block, rows } = gatherColumns(input, indices, start);
  if (shrinkage === 'ledoitWolf') {
    const { cov, rowsUsed } = ledoitWolf(block, indices.length, rows);
    return { cov, rowsUsed };
  }
  const { cov, rowsUsed } = covarianceKernel(block, indices.length, rows, 1);
  return { cov, rowsUsed };
}
