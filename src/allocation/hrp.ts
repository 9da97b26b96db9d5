import * as z from 'zod';
import { hrpWeights } from '../numeric/hierarchicalWeights.js';
import { LINKAGES } from '../numeric/linkageTree.js';
import { covarianceWindowParams, fallbackSchema } from './commonParams.js';
import { allocationOf } from './allocationResult.js';
import { scatterWeights } from './returnWindow.js';
import { usableCovariance } from './usableCovariance.js';
import type { AllocationInput, AllocationResult } from './types.js';

/** The linkage parameter of the hierarchical methods. */
export function linkageSchema(defaultLinkage: (typeof LINKAGES)[number]) {
  return z
    .enum(LINKAGES)
    .default(defaultLinkage)
    .describe(`how cluster distances are updated when two clusters merge: single | complete | average | ward (default ${defaultLinkage})`);
}

export const hrpSchema = z
  .object({
    method: z.literal('hrp'),
    ...covarianceWindowParams,
    linkage: linkageSchema('single'),
    fallback: fallbackSchema(['inverseVol', 'equal']),
  })
  .strict();

export type HrpSpec = z.output<typeof hrpSchema>;

/**
 * Hierarchical Risk Parity (López de Prado 2016) over the usable candidates: cluster the
 * correlation distance √((1 − ρ)/2) of the lookback's covariance, order the candidates by the
 * dendrogram, and split the weight by recursive bisection with inverse-variance cluster
 * variances (numeric/hierarchicalWeights.ts). Needs no matrix inversion, so it works with
 * fewer rows than candidates. Fails on no usable candidate, too little data or a zero variance.
 */
export function hrp(input: AllocationInput, params: HrpSpec): AllocationResult {
  const prepared = usableCovariance(input, 'hrp', params);
  if ('failed' in prepared) return prepared.failed;
  const { usable, cov } = prepared;
  const w = new Float64Array(input.n);
  scatterWeights(w, usable, hrpWeights(cov, usable.length, params.linkage).weights);
  return allocationOf(w);
}

export function hrpLookback(params: HrpSpec): number {
  return params.lookback;
}
