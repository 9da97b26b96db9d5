/**
 * Loads the user modules a strategy names (`method: module`) and attaches each exported function
 * to its stage spec, so that the synchronous engine can call it. Call it on the spec that will
 * be run (after any overrides: a structured clone drops the attached functions). Paths were made
 * relative to the working directory by loadStrategy (written relative to the strategy file).
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { UserError } from '../core/errors.js';
import type { MethodSpec } from './methodSchema.js';
import { prepareSolvers } from './prepareSolvers.js';
import { attachModule, type ModuleAllocator, type ModuleSpec } from './moduleMethod.js';
import type { StrategySpec } from './schema.js';

/** Every stage spec of a strategy with the dotted path it sits at, in file order. */
export function stageSpecsOf(spec: StrategySpec): { path: (string | number)[]; stage: MethodSpec }[] {
  const out: { path: (string | number)[]; stage: MethodSpec }[] = [];
  for (const [name, sleeve] of Object.entries(spec.sleeves)) if (sleeve.within) out.push({ path: ['sleeves', name, 'within'], stage: sleeve.within });
  out.push({ path: ['allocation', 'across'], stage: spec.allocation.across });
  out.push({ path: ['allocation', 'within'], stage: spec.allocation.within });
  return out;
}

/** The module stages of a strategy. */
export function moduleSpecsOf(spec: StrategySpec): ModuleSpec[] {
  return stageSpecsOf(spec)
    .map((s) => s.stage)
    .filter((stage): stage is ModuleSpec => stage.method === 'module');
}

/**
 * Imports every module stage's file (each file once) and attaches the named export; then
 * prepares the solvers the strategy's methods need (prepareSolvers.ts: the LP solver).
 */
export async function resolveModules(spec: StrategySpec): Promise<void> {
  await prepareSolvers(spec);
  const loaded = new Map<string, Record<string, unknown>>();
  for (const stage of moduleSpecsOf(spec)) {
    const file = path.resolve(stage.module);
    let exports = loaded.get(file);
    if (exports === undefined) {
      exports = await importModule(stage.module, file);
      loaded.set(file, exports);
    }
    const fn = exports[stage.export];
    if (typeof fn !== 'function') {
      const names = Object.keys(exports).filter((k) => typeof exports[k] === 'function');
      throw new UserError(`module ${stage.module}: export "${stage.export}" is not a function; exported functions: ${names.join(', ') || 'none'}`);
    }
    attachModule(stage, fn as ModuleAllocator);
  }
}

async function importModule(name: string, file: string): Promise<Record<string, unknown>> {
  if (/\.(c|m)?tsx?$/i.test(file)) {
    throw new UserError(`module ${name}: TypeScript modules are not supported on Node 20; compile it to .js (npx tsc) or write it as .mjs`);
  }
  try {
    return (await import(pathToFileURL(file).href)) as Record<string, unknown>;
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'ERR_MODULE_NOT_FOUND' && (e as Error).message.includes(file)) throw new UserError(`module ${name}: file not found (paths are relative to the strategy file)`);
    throw new UserError(`module ${name}: cannot load it: ${(e as Error).message.split('\n')[0]}`);
  }
}
