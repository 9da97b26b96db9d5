/**
 * The asynchronous preparation a strategy needs before its synchronous run, besides its user
 * modules (resolveModules.ts, which calls this): loading the LP/QP solver (HiGHS, WebAssembly)
 * when any stage, nested spec or fallback chain uses a method that solves a program
 * (minCvar, minCdar, meanCvar, blackLitterman). The allocators then solve
 * synchronously; run one without this step and the LP call throws (a bug, exit 3), never a
 * silent fallback. Call it once per process or worker thread; later calls are free.
 */
import { LP_METHODS } from '../allocation/tailRiskAllocation.js';
import { loadLpSolver } from '../numeric/lpSolver.js';

/** Whether a (raw or parsed) strategy or method spec names an LP method anywhere: as a `method` or in a `fallback` list. */
export function usesLpSolver(spec: unknown): boolean {
  if (Array.isArray(spec)) return spec.some(usesLpSolver);
  if (spec === null || typeof spec !== 'object') return false;
  for (const [key, value] of Object.entries(spec)) {
    if (key === 'method' && typeof value === 'string' && LP_METHODS.has(value)) return true;
    if (key === 'fallback' && Array.isArray(value) && value.some((m) => typeof m === 'string' && LP_METHODS.has(m))) return true;
    if (typeof value === 'object' && usesLpSolver(value)) return true;
  }
  return false;
}

/** Loads what the strategy's allocators need before the run (today: the LP solver, if used). */
export async function prepareSolvers(spec: unknown): Promise<void> {
  if (usesLpSolver(spec)) await loadLpSolver();
}
