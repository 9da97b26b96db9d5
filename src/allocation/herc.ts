import * as z from 'zod';
import { hercWeights } from '../numeric/hierarchicalWeights.js';
import { covarianceWindowParams, fallbackSchema } from './commonParams.js';
import { allocationOf } from './allocationResult.js';
import { linkageSchema } from './hrp.js';
import { scatterWeights } from './returnWindow.js';
import { usableCovariance } from './usableCovariance.js';
import type { AllocationInput, AllocationResult } from './types.js';

export const hercSchema = z
  .object({
    method: z.literal('herc'),
    ...covarianceWindowParams,
    linkage: linkageSchema('ward'),
    clusters: z
      .number()
      .int()
      .min(1)
      .optional()
      .describe('number of clusters the tree is cut into (capped at the usable candidates); default: at the largest gap between merge heights'),
    fallback: fallbackSchema(['inverseVol', 'equal']),
  })
  .strict();

export type HercSpec = z.output<typeof hercSchema>;

/**
 * Hierarchical Equal Risk Contribution (Raffinot 2018) over the usable candidates: the HRP tree,
 * cut into clusters; weight flows down the dendrogram split in inverse proportion to each
 * side's cluster variance, and inside each cluster by inverse variance
 * (numeric/hierarchicalWeights.ts). Fails like hrp.
 */
export function herc(input: AllocationInput, params: HercSpec): AllocationResult {
  const prepared = usableCovariance(input, 'herc', params);
  if ('failed' in prepared) return prepared.failed;
  const { usable, cov } = prepared;
  const w = new Float64Array(input.n);
  scatterWeights(w, usable, hercWeights(cov, usable.length, params.linkage, params.clusters).weights);
  return allocationOf(w);
}

export function hercLookback(params: HercSpec): number {
  return params.lookback;
}
