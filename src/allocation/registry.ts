import * as z from 'zod';
import type { AllocationFallback, AllocationInput, AllocationResult } from './types.js';
import { fixedWeights, fixedWeightsLookback, fixedWeightsSchema } from './fixedWeights.js';
import { equalWeight, equalWeightLookback, equalWeightSchema } from './equalWeight.js';
import { inverseVol, inverseVolLookback, inverseVolSchema } from './inverseVol.js';
import { riskParity, riskParityLookback, riskParitySchema } from './riskParity.js';
import { minVariance, minVarianceLookback, minVarianceSchema } from './minVariance.js';
import { maxDiversification, maxDiversificationLookback, maxDiversificationSchema } from './maxDiversification.js';
import { momentumTopK, momentumTopKLookback, momentumTopKSchema } from './momentumTopK.js';
import { hrp, hrpLookback, hrpSchema } from './hrp.js';
import { herc, hercLookback, hercSchema } from './herc.js';
import { riskBudget, riskBudgetLookback, riskBudgetSchema } from './riskBudget.js';
import { minCvar, minCvarLookback, minCvarSchema } from './minCvar.js';
import { minCdar, minCdarLookback, minCdarSchema } from './minCdar.js';
import { meanCvar, meanCvarLookback, meanCvarSchema } from './meanCvar.js';
import { blackLitterman, blackLittermanLookback, blackLittermanSchema } from './blackLitterman.js';
import { coreSatellite, makeCoreSatelliteSchema } from './coreSatellite.js';
import { makeTrendFilterSchema, trendFilter } from './trendFilter.js';

/**
 * The allocation registry: every method by name with its parameter schema, its allocator, the
 * number of trailing return rows it reads, and a one-line description. Shared code dispatches
 * through `allocate(spec, input)` and never switches on method names.
 */
export interface AllocatorEntry {
  readonly schema: z.ZodType;
  readonly allocate: (input: AllocationInput, params: never) => AllocationResult;
  readonly lookback: (params: never) => number;
  readonly description: string;
}

/**
 * Methods that take no nested spec: any of them may be the satellite of core-satellite; they and
 * core-satellite may be the base of the trend filter.
 */
export const baseAllocationSpecSchema = z.discriminatedUnion('method', [
  fixedWeightsSchema,
  equalWeightSchema,
  inverseVolSchema,
  riskParitySchema,
  minVarianceSchema,
  maxDiversificationSchema,
  momentumTopKSchema,
  hrpSchema,
  hercSchema,
  riskBudgetSchema,
  minCvarSchema,
  minCdarSchema,
  meanCvarSchema,
  blackLittermanSchema,
]);
export type BaseAllocationSpec = z.output<typeof baseAllocationSpecSchema>;

export const coreSatelliteSchema = makeCoreSatelliteSchema(baseAllocationSpecSchema);
export type CoreSatelliteSpec = z.output<typeof coreSatelliteSchema>;

export const trendFilterSchema = makeTrendFilterSchema(z.discriminatedUnion('method', [...baseAllocationSpecSchema.options, coreSatelliteSchema]));
export type TrendFilterSpec = z.output<typeof trendFilterSchema>;

/** Any allocation method spec, discriminated on `method` (strict: unknown keys are errors). */
export const allocationSpecSchema = z.discriminatedUnion('method', [...baseAllocationSpecSchema.options, coreSatelliteSchema, trendFilterSchema]);
/** A parsed, fully defaulted allocation spec. */
export type AllocationSpec = z.output<typeof allocationSpecSchema>;
/** An allocation spec as written in a strategy file (defaults optional). */
export type AllocationSpecInput = z.input<typeof allocationSpecSchema>;

export const allocators = {
  fixed: {
    schema: fixedWeightsSchema,
    allocate: fixedWeights,
    lookback: fixedWeightsLookback,
    description: 'fixed weights by name (Σ ≤ 1, the rest cash); ineligible names redistributed or to cash',
  },
  equal: {
    schema: equalWeightSchema,
    allocate: equalWeight,
    lookback: equalWeightLookback,
    description: 'equal weight over the eligible candidates',
  },
  inverseVol: {
    schema: inverseVolSchema,
    allocate: inverseVol,
    lookback: inverseVolLookback,
    description: 'weights ∝ 1 / sample volatility over the lookback (default 63)',
  },
  riskParity: {
    schema: riskParitySchema,
    allocate: riskParity,
    lookback: riskParityLookback,
    description: 'equal risk contribution on the covariance over the lookback (default 252)',
  },
  minVariance: {
    schema: minVarianceSchema,
    allocate: minVariance,
    lookback: minVarianceLookback,
    description: 'long-only minimum variance with per-candidate caps and floors (exact active-set QP)',
  },
  maxDiversification: {
    schema: maxDiversificationSchema,
    allocate: maxDiversification,
    lookback: maxDiversificationLookback,
    description: 'long-only maximum diversification ratio wᵀσ / √(wᵀΣw)',
  },
  momentumTopK: {
    schema: momentumTopKSchema,
    allocate: momentumTopK,
    lookback: momentumTopKLookback,
    description: 'winner takes all: the k highest total returns over the lookback (optional skip and absolute filter)',
  },
  hrp: {
    schema: hrpSchema,
    allocate: hrp,
    lookback: hrpLookback,
    description: 'hierarchical risk parity (López de Prado 2016): correlation-distance tree, seriation, recursive bisection by inverse-variance cluster risk',
  },
  herc: {
    schema: hercSchema,
    allocate: herc,
    lookback: hercLookback,
    description: 'hierarchical equal risk contribution (Raffinot 2018): the tree cut into clusters, risk split down the dendrogram, inverse variance inside clusters',
  },
  riskBudget: {
    schema: riskBudgetSchema,
    allocate: riskBudget,
    lookback: riskBudgetLookback,
    description: 'risk budgeting: each candidate’s share of portfolio risk equals its budget (ERC generalised, Spinu’s Newton solver)',
  },
  minCvar: {
    schema: minCvarSchema,
    allocate: minCvar,
    lookback: minCvarLookback,
    description: 'long-only minimum CVaR (expected shortfall) of daily losses at confidence alpha, with caps and floors (Rockafellar–Uryasev LP, HiGHS)',
  },
  minCdar: {
    schema: minCdarSchema,
    allocate: minCdar,
    lookback: minCdarLookback,
    description: 'long-only minimum conditional drawdown at risk over the lookback, with caps and floors (Chekhlov–Uryasev–Zabarankin LP, HiGHS)',
  },
  meanCvar: {
    schema: meanCvarSchema,
    allocate: meanCvar,
    lookback: meanCvarLookback,
    description: 'minimum CVaR subject to an annual target return over the lookback, with caps and floors (LP, HiGHS); out of reach → fallback',
  },
  blackLitterman: {
    schema: blackLittermanSchema,
    allocate: blackLitterman,
    lookback: blackLittermanLookback,
    description: 'Black–Litterman: equilibrium prior + views with Idzorek confidences → posterior → long-only mean-variance with caps (QP, HiGHS)',
  },
  coreSatellite: {
    schema: coreSatelliteSchema,
    allocate: (input: AllocationInput, params: CoreSatelliteSpec) => coreSatellite(input, params, allocate),
    lookback: (params: CoreSatelliteSpec) => allocationLookback(params.satellite),
    description: 'fixed core weights by name plus a satellite allocated over the other candidates by a nested method',
  },
  trendFilter: {
    schema: trendFilterSchema,
    allocate: (input: AllocationInput, params: TrendFilterSpec) => trendFilter(input, params, allocate),
    lookback: (params: TrendFilterSpec) => Math.max(params.period, allocationLookback(params.base)),
    description: 'a base allocation whose candidates below their N-row moving average hand their weight to safe candidates (or cash)',
  },
} satisfies Record<AllocationSpec['method'], { schema: z.ZodType; allocate: (input: AllocationInput, params: never) => AllocationResult; lookback: (params: never) => number; description: string }>;

/** Registered method names, in registry order. */
export const ALLOCATION_METHODS = Object.keys(allocators) as readonly AllocationSpec['method'][];

type Erased = { allocate: (input: AllocationInput, params: AllocationSpec) => AllocationResult; lookback: (params: AllocationSpec) => number };

function entryOf(method: string): Erased {
  const entry = (allocators as Record<string, unknown>)[method];
  if (entry === undefined) throw new Error(`unknown allocation method ${method}`);
  return entry as Erased;
}

/** Parses (and fills the defaults of) an allocation spec; throws a ZodError on invalid input. */
export function parseAllocationSpec(raw: unknown): AllocationSpec {
  return allocationSpecSchema.parse(raw);
}

const defaultSpecs = new Map<string, AllocationSpec>();
function defaultSpec(method: string): AllocationSpec {
  let spec = defaultSpecs.get(method);
  if (spec === undefined) {
    spec = parseAllocationSpec({ method });
    defaultSpecs.set(method, spec);
  }
  return spec;
}

/**
 * Runs a parsed spec on an input. When the method fails (its result carries `failure`), the
 * methods of its `fallback` chain are tried in order with their default parameters, each step
 * recorded as {from, to, reason}; if all fail, the weights are all cash (a last step `to: 'cash'`).
 * The returned result never carries `failure`.
 */
export function allocate(spec: AllocationSpec, input: AllocationInput): AllocationResult {
  const first = entryOf(spec.method).allocate(input, spec);
  if (first.failure === undefined) return first;
  const taken: AllocationFallback[] = [...first.fallbacks];
  let from: string = spec.method;
  let reason = first.failure;
  const chain = 'fallback' in spec ? spec.fallback : [];
  for (const method of chain) {
    taken.push({ from, to: method, reason });
    const next = entryOf(method).allocate(input, defaultSpec(method));
    if (next.failure === undefined) {
      const fallbacks = [...taken, ...next.fallbacks];
      return next.warnings ? { weights: next.weights, fallbacks, warnings: next.warnings } : { weights: next.weights, fallbacks };
    }
    from = method;
    reason = next.failure;
  }
  taken.push({ from, to: 'cash', reason });
  return { weights: new Float64Array(input.n), fallbacks: taken };
}

/**
 * Trailing return rows a spec needs: the most any method on its fallback chain (or its
 * satellite) reads, so that a fallback never runs short of data the primary had.
 */
export function allocationLookback(spec: AllocationSpec): number {
  let rows = entryOf(spec.method).lookback(spec);
  if ('fallback' in spec) for (const method of spec.fallback) rows = Math.max(rows, allocationLookback(defaultSpec(method)));
  return rows;
}

/** Alias of {@link allocationLookback} (the name the engine uses). */
export const lookbackOf = allocationLookback;
