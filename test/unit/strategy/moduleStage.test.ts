/**
 * The escape hatch: a stage computed by the user's own JavaScript module
 * (test/fixtures/modules/positive-trend.mjs). Loaded by resolveModules, it runs under the same
 * allocator contract as the built-ins, sees only rows up to the decision day, and a whole
 * strategy using it runs through runBacktest.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../../src/core/errors.js';
import { makeDecider, type DecisionRecord } from '../../../src/engine/decideTargets.js';
import { runBacktest } from '../../../src/engine/runBacktest.js';
import { strategyLayout } from '../../../src/engine/strategyLayout.js';
import { allocateStage, stageLookback } from '../../../src/strategy/allocateStage.js';
import { loadStrategy } from '../../../src/strategy/loadStrategy.js';
import { methodSchema, type MethodSpec } from '../../../src/strategy/methodSchema.js';
import { resolveModules } from '../../../src/strategy/resolveModules.js';
import { strategySchema, type StrategySpec } from '../../../src/strategy/schema.js';
import type { AllocationInput } from '../../../src/allocation/types.js';
import { syntheticInput, withDeadCandidate } from '../allocation/syntheticInput.js';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/modules');
const moduleFile = path.join(fixtures, 'positive-trend.mjs');

/** A one-sleeve strategy whose within stage is the given module export, resolved. */
async function moduleSpec(extra: Record<string, unknown> = {}): Promise<{ spec: StrategySpec; stage: MethodSpec }> {
  const spec = strategySchema.parse({
    version: 1,
    name: 'm',
    sleeves: { s: { assets: ['A', 'B', 'C'], within: { method: 'module', module: moduleFile, ...extra } } },
  });
  await resolveModules(spec);
  return { spec, stage: spec.sleeves['s']!.within! };
}


describe('module stage: the allocator contract', () => {
  const inputs = [syntheticInput(1, 5, 300), syntheticInput(2, 8, 40), syntheticInput(3, 3, 10)];
  (inputs[1]!.eligible as Uint8Array)[2] = 0;

  it('finite, long-only, Σ ≤ 1, ineligible 0, deterministic, a dead candidate changes nothing', async () => {
    const { stage } = await moduleSpec({ params: { rows: 20 }, fallback: ['equal'] });
    for (const input of inputs) {
      const result = allocateStage(stage, input);
      let sum = 0;
      result.weights.forEach((v, i) => {
        expect(Number.isFinite(v) && v >= 0).toBe(true);
        if (input.eligible[i] !== 1) expect(v).toBe(0);
        sum += v;
      });
      expect(sum).toBeLessThanOrEqual(1 + 1e-12);
      expect(result.failure).toBeUndefined();
      expect([...allocateStage(stage, input).weights]).toEqual([...result.weights]);
      const extended = allocateStage(stage, withDeadCandidate(input));
      expect(extended.weights[input.n]).toBe(0);
      expect([...extended.weights.subarray(0, input.n)]).toEqual([...result.weights]);
    }
  });

  it('gives the weights the module defines, checked by hand on a small window', async () => {
    const { stage } = await moduleSpec({ params: { rows: 2 } });
    // Column-major, 3 rows: A sums its last 2 returns to +0.01, B to −0.03, C to 0.
    const input: AllocationInput = {
      n: 3,
      names: ['A', 'B', 'C'],
      returns: Float64Array.from([0.5, 0.02, -0.01, -0.5, -0.01, -0.02, 0.9, 0.01, -0.01]),
      length: 3,
      eligible: Uint8Array.from([1, 1, 1]),
    };
    expect([...allocateStage(stage, input).weights]).toEqual([0.5, 0, 0.5]);
  });

  it('a module failure walks its fallback chain (recorded), or goes to cash', async () => {
    const falling: AllocationInput = { n: 2, names: ['A', 'B'], returns: Float64Array.from([-0.1, -0.1, -0.2, -0.2]), length: 2, eligible: Uint8Array.from([1, 1]) };
    const withFallback = await moduleSpec({ fallback: ['equal'] });
    const r = allocateStage(withFallback.stage, falling);
    expect([...r.weights]).toEqual([0.5, 0.5]);
    expect(r.fallbacks).toEqual([{ from: `module ${moduleFile}`, to: 'equal', reason: `${moduleFile}: no candidate with a positive trend` }]);
    const bare = await moduleSpec();
    const cash = allocateStage(bare.stage, falling);
    expect([...cash.weights]).toEqual([0, 0]);
    expect(cash.fallbacks.at(-1)!.to).toBe('cash');
  });

  it('lookback: the declared rows, or more when a fallback reads more', () => {
    expect(stageLookback(methodSchema.parse({ method: 'module', module: 'x.js', lookback: 40 }))).toBe(40);
    // inverseVol's default lookback is 63 rows.
    expect(stageLookback(methodSchema.parse({ method: 'module', module: 'x.js', lookback: 40, fallback: ['inverseVol'] }))).toBe(63);
  });
});

describe('module stage: causality in the engine', () => {
  it('sees rows up to the decision day only: the window ends on the decision row', async () => {
    const { spec } = await moduleSpec({ export: 'lastRowWinner', lookback: 3 });
    const layout = strategyLayout(spec);
    // Row 3 returns: A +10%, B +20%, C −10% → B wins; row 4 (after the decision) would make C win.
    const rows = [
      [100, 100, 100, 110, 110],
      [50, 50, 50, 60, 60],
      [10, 10, 10, 9, 20],
    ];
    const prices = Float64Array.from(rows.flat());
    const log: DecisionRecord[] = [];
    const decide = makeDecider({ layout, across: spec.allocation.across, prices, nRows: 5 }, log);
    const out = new Float64Array(3);
    decide(3, out);
    expect([...out]).toEqual([0, 1, 0]);
    // The module's warning reports the window it received: 3 rows (rows 1..3), prefixed with the level.
    expect(log).toEqual([{ row: 3, fallbacks: [], warnings: [`sleeve s: ${moduleFile}: window of 3 rows`], brokenTrends: [] }]);
  });

  it('a whole strategy file with a module runs through runBacktest after resolveModules', async () => {
    const { spec } = loadStrategy(path.join(fixtures, 'module-strategy.yaml'));
    const stage = spec.sleeves['ai_leaders']!.within!;
    // `./positive-trend.mjs` in the file, resolved against the strategy file's folder.
    expect(stage.method === 'module' && stage.module).toBe(moduleFile);
    await resolveModules(spec);
    const n = 80;
    const dates = Int32Array.from({ length: n }, (_, t) => 19723 + t + 2 * Math.floor(t / 5)); // weekdays from Mon 2024-01-01
    const values = new Float64Array(4 * n);
    for (let t = 0; t < n; t++) {
      values[t] = 100 * 1.01 ** t; // A rises
      values[n + t] = 100 * 0.99 ** t; // B falls
      values[2 * n + t] = 100 + (t % 2); // C flat-ish
      values[3 * n + t] = 50; // G
    }
    const result = runBacktest(spec, { panel: { dates, assets: ['A', 'B', 'C', 'G'], values } });
    // On the last rebalance A and C (returns summing ≥ 0 over 20 rows) share the sleeve's 70%.
    const w = (a: number) => result.ledger.weights[a * n + n - 1]!;
    expect(w(1)).toBe(0);
    expect(w(0) + w(2)).toBeGreaterThan(0.6);
    expect(w(3)).toBeGreaterThan(0.25);
  });
});

describe('module stage: user errors', () => {
  it('a spec that was not resolved says so', () => {
    const stage = methodSchema.parse({ method: 'module', module: moduleFile });
    expect(() => allocateStage(stage, syntheticInput(1, 3, 10))).toThrow(/was not loaded before the run .*resolveModules/);
  });

  it('names a missing export and lists the exported functions', async () => {
    await expect(moduleSpec({ export: 'notAFunction' })).rejects.toThrow(
      new UserError(`module ${moduleFile}: export "notAFunction" is not a function; exported functions: default, lastRowWinner, tooMuch`),
    );
  });

  it('names a missing file', async () => {
    const spec = strategySchema.parse({ version: 1, name: 'm', sleeves: { s: { assets: ['A'], within: { method: 'module', module: 'nowhere/none.mjs' } } } });
    await expect(resolveModules(spec)).rejects.toThrow('module nowhere/none.mjs: file not found (paths are relative to the strategy file)');
  });

  it('weights that break the contract are a user error naming the module', async () => {
    const { stage } = await moduleSpec({ export: 'tooMuch' });
    expect(() => allocateStage(stage, syntheticInput(1, 3, 10))).toThrow(`module ${moduleFile}: weights sum to 3, more than 1 (candidates: C0, C1, C2)`);
  });

  it('the loaded function is not part of the spec as JSON', async () => {
    const { spec } = await moduleSpec();
    expect(JSON.stringify(spec)).not.toContain('function');
    expect(JSON.parse(JSON.stringify(spec)).sleeves.s.within).toEqual({ method: 'module', module: moduleFile, export: 'default', params: {}, lookback: 252, fallback: [] });
  });
});
