import { describe, expect, it } from 'vitest';
import { allocate, parseAllocationSpec } from '../../../src/allocation/registry.js';
import { lpSolverLoaded } from '../../../src/numeric/lpSolver.js';
import { prepareSolvers, usesLpSolver } from '../../../src/strategy/prepareSolvers.js';
import { syntheticInput } from '../allocation/syntheticInput.js';

describe('prepareSolvers', () => {
  it('finds LP methods as stages, nested specs and fallback steps, and nowhere else', () => {
    expect(usesLpSolver({ allocation: { across: { method: 'minCvar' }, within: { method: 'equal' } } })).toBe(true);
    expect(usesLpSolver({ sleeves: { a: { within: { method: 'coreSatellite', satellite: { method: 'minCdar' } } } } })).toBe(true);
    expect(usesLpSolver({ allocation: { across: { method: 'trendFilter', base: { method: 'meanCvar', targetReturn: 0.1 } } } })).toBe(true);
    expect(usesLpSolver({ allocation: { across: { method: 'module', module: 'x.mjs', fallback: ['minCvar'] } } })).toBe(true);
    expect(usesLpSolver({ allocation: { across: { method: 'hrp', fallback: ['equal'] } }, name: 'minCvar' })).toBe(false);
  });

  it('an LP method run before the solver is loaded is a bug (throws), never a silent fallback; after prepareSolvers it solves', async () => {
    const spec = parseAllocationSpec({ method: 'minCvar' });
    const input = syntheticInput(331, 3, 252);
    expect(lpSolverLoaded()).toBe(false);
    expect(() => allocate(spec, input)).toThrow(/LP solver was not loaded/);
    await prepareSolvers({ allocation: { within: { method: 'equal' } } });
    expect(lpSolverLoaded()).toBe(false); // no LP method: nothing loaded
    await prepareSolvers({ allocation: { across: spec } });
    expect(lpSolverLoaded()).toBe(true);
    expect(allocate(spec, input).fallbacks).toEqual([]);
  });
});
