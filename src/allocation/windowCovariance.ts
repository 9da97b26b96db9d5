import { covarianceKernel } from '../numeric/covarianceKernel.js';
import { ledoitWolf } from '../estimators/ledoitWolf.js';
import { gatherColumns, windowStart } from './returnWindow.js';
import type { AllocationInput } from './types.js';

/**
 * Covariance (row-major k×k) of the given candidates over the last `lookback` rows of the
 * window, with listwise deletion of incomplete rows: the sample covariance (divisor n − 1,
 * computed by numeric/covarianceKernel.ts), or its Ledoit-Wolf shrinkage (see estimators/ledoitWolf.ts). `rowsUsed` < 2 means undefined.
 */
export function windowCovariance(
  input: AllocationInput,
  indices: readonly number[],
  lookback: number,
  shrinkage: 'none' | 'ledoitWolf',
): { cov: Float64Array; rowsUsed: number } {
  const { block, rows } = gatherColumns(input, indices, windowStart(input, lookback));
  if (shrinkage === 'ledoitWolf') {
    const { cov, rowsUsed } = ledoitWolf(block, indices.length, rows);
    return { cov, rowsUsed };
  }
  const { cov, rowsUsed } = covarianceKernel(block, indices.length, rows, 1);
  return { cov, rowsUsed };
}
