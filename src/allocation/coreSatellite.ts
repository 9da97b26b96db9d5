import * as z from 'zod';
import { FIXED_SUM_TOLERANCE, namedWeights } from './fixedWeights.js';
import { weightSchema } from './commonParams.js';
import { subInput, scatterWeights } from './returnWindow.js';
import type { AllocationInput, AllocationResult } from './types.js';

/**
 * The core-satellite schema, given the schema of the nested satellite spec (built by the
 * registry, so that this file does not import it: any non-nesting method may be the satellite).
 */
export function makeCoreSatelliteSchema<S extends z.ZodType<{ method: string }>>(satelliteSpecSchema: S) {
  return z
    .object({
      method: z.literal('coreSatellite'),
      core: z.record(z.string(), weightSchema).describe('fixed weights of the core candidates, by name'),
      satellite: satelliteSpecSchema.describe('how the satellite weight is allocated over the other candidates'),
      satelliteWeight: weightSchema.optional().describe('weight of the satellite (default 1 − Σ core)'),
      redistribute: z
        .boolean()
        .default(true)
        .describe('an ineligible core name’s weight is spread pro rata over the eligible core names (false: cash)'),
    })
    .strict()
    .check((ctx) => {
      const core = Object.values(ctx.value.core).reduce((a, b) => a + b, 0);
      const total = core + (ctx.value.satelliteWeight ?? Math.max(0, 1 - core));
      if (total > 1 + FIXED_SUM_TOLERANCE) {
        ctx.issues.push({ code: 'custom', input: ctx.value, path: ['core'], message: `core and satellite weights sum to ${total}, more than 1` });
      }
    });
}

/** The parameters core-satellite needs, whatever the satellite spec type. */
export interface CoreSatelliteParams<S> {
  readonly method: 'coreSatellite';
  readonly core: Record<string, number>;
  readonly satellite: S;
  readonly satelliteWeight?: number | undefined;
  readonly redistribute: boolean;
}

/**
 * Core-satellite: the core candidates (named in `core`) get fixed weights exactly as the `fixed`
 * method gives them; the satellite weight W_s (default 1 − Σ core) is allocated over all the
 * other candidates by the nested spec through `dispatch` (the registry's allocate, with its
 * fallbacks): w_i = W_s · satellite_i. Fallbacks and warnings of the satellite are passed on.
 */
export function coreSatellite<S>(
  input: AllocationInput,
  params: CoreSatelliteParams<S>,
  dispatch: (spec: S, input: AllocationInput) => AllocationResult,
): AllocationResult {
  const core = namedWeights(input, params.core, params.redistribute);
  const w = core.weights;
  const coreSum = Object.values(params.core).reduce((a, b) => a + b, 0);
  const satelliteWeight = params.satelliteWeight ?? Math.max(0, 1 - coreSum);
  const others: number[] = [];
  for (let i = 0; i < input.n; i++) if (!Object.hasOwn(params.core, input.names[i] as string)) others.push(i);
  const warnings = core.warnings;
  let fallbacks: AllocationResult['fallbacks'] = [];
  if (others.length > 0 && satelliteWeight > 0) {
    const sat = dispatch(params.satellite, subInput(input, others));
    scatterWeights(w, others, sat.weights, satelliteWeight);
    fallbacks = [...fallbacks, ...sat.fallbacks];
    warnings.push(...(sat.warnings ?? []));
  } else if (satelliteWeight > 0) {
    warnings.push(`coreSatellite: no satellite candidates; the satellite weight ${satelliteWeight} goes to cash`);
  }
  return warnings.length > 0 ? { weights: w, fallbacks, warnings } : { weights: w, fallbacks };
}
