/**
 * The escape hatch: an allocation stage computed by the user's own JavaScript module.
 *
 *   within: { method: module, module: ./my-weights.js, export: default, params: {...}, lookback: 126 }
 *
 * The module exports a function with the built-ins' signature
 *   (input: AllocationInput, params) => { weights, fallbacks?, warnings?, failure? }
 * It sees the same causal window as a built-in (rows after the decision day are absent, not
 * hidden), `lookback` rows of it. Modules are loaded (dynamic import, async) by
 * `resolveModules` before the run and attached to the parsed spec object under a symbol, so the
 * engine stays synchronous and the spec stays plain JSON (the symbol is not serialised).
 */
import * as z from 'zod';
import { fallbackSchema } from '../allocation/commonParams.js';
import type { AllocationInput, AllocationResult } from '../allocation/types.js';
import { plainInput } from '../allocation/windowAllocationInput.js';
import { UserError } from '../core/errors.js';

export const moduleSpecSchema = z
  .object({
    method: z.literal('module'),
    module: z
      .string()
      .min(1)
      .describe('a .js or .mjs ES module (relative to the strategy file) exporting the allocation function; .ts is not supported on Node 20: compile it first'),
    export: z.string().min(1).default('default').describe("the export to call (default: the module's default export)"),
    params: z.record(z.string(), z.unknown()).default({}).describe('passed as the second argument, as given'),
    lookback: z.number().int().min(0).max(10_000).default(252).describe('trailing return rows in the window the function receives (default 252)'),
    fallback: fallbackSchema([]),
  })
  .strict();

export type ModuleSpec = z.output<typeof moduleSpecSchema>;

/** The signature a module's export must have (the built-ins' signature). */
export type ModuleAllocator = (input: AllocationInput, params: Record<string, unknown>) => unknown;

const LOADED = Symbol('sleeves.loadedModule');
type WithLoaded = ModuleSpec & { [LOADED]?: ModuleAllocator };

/** Attaches a loaded function to a parsed module spec (non-enumerable: JSON and clones drop it). */
export function attachModule(spec: ModuleSpec, fn: ModuleAllocator): void {
  Object.defineProperty(spec, LOADED, { value: fn, enumerable: false, configurable: true });
}

/** The function attached to a module spec, if it was loaded. */
export function loadedModule(spec: ModuleSpec): ModuleAllocator | undefined {
  return (spec as WithLoaded)[LOADED];
}

/**
 * Runs a module stage and checks its result like a built-in's: `weights` an array or
 * Float64Array of n finite numbers ≥ 0 with Σ ≤ 1 (+1e-9). Ineligible candidates are forced to
 * 0. A `failure` string is passed on (the caller walks the fallback chain). A function that
 * throws or returns something else is a user error naming the module.
 */
export function runModuleStage(spec: ModuleSpec, input: AllocationInput): AllocationResult {
  const fn = loadedModule(spec);
  if (fn === undefined) {
    throw new UserError(`module ${spec.module} was not loaded before the run (library users: await resolveModules(spec) after loading the strategy)`);
  }
  let raw: unknown;
  try {
    raw = fn(plainInput(input), spec.params);
  } catch (e) {
    throw new UserError(`module ${spec.module}: the allocation function threw: ${e instanceof Error ? e.message : String(e)}`);
  }
  return checkModuleResult(spec.module, raw, input);
}

function checkModuleResult(module: string, raw: unknown, input: AllocationInput): AllocationResult {
  const bad = (what: string) => new UserError(`module ${module}: ${what} (candidates: ${input.names.join(', ')})`);
  if (raw === null || typeof raw !== 'object') throw bad(`expected {weights, fallbacks} from the allocation function, got ${typeof raw}`);
  const r = raw as { weights?: unknown; fallbacks?: unknown; warnings?: unknown; failure?: unknown };
  if (typeof r.failure === 'string') return { weights: new Float64Array(input.n), fallbacks: [], failure: `${module}: ${r.failure}` };
  const list = r.weights instanceof Float64Array || Array.isArray(r.weights) ? Array.from(r.weights as ArrayLike<unknown>) : undefined;
  if (list === undefined || list.length !== input.n) throw bad(`weights must be an array of ${input.n} numbers, one per candidate`);
  const weights = new Float64Array(input.n);
  let sum = 0;
  list.forEach((v, i) => {
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) throw bad(`weight ${i} (${input.names[i]}) is ${String(v)}; expected a finite number ≥ 0`);
    weights[i] = input.eligible[i] === 1 ? v : 0;
    sum += weights[i] as number;
  });
  if (sum > 1 + 1e-9) throw bad(`weights sum to ${sum}, more than 1`);
  const fallbacks = Array.isArray(r.fallbacks) ? r.fallbacks.filter(isFallback) : [];
  const warnings = Array.isArray(r.warnings) ? r.warnings.filter((w): w is string => typeof w === 'string').map((w) => `${module}: ${w}`) : [];
  return warnings.length > 0 ? { weights, fallbacks, warnings } : { weights, fallbacks };
}

function isFallback(f: unknown): f is { from: string; to: string; reason: string } {
  if (f === null || typeof f !== 'object') return false;
  const o = f as Record<string, unknown>;
  return typeof o['from'] === 'string' && typeof o['to'] === 'string' && typeof o['reason'] === 'string';
}
