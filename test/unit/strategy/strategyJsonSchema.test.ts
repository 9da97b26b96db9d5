/**
 * The committed JSON Schema of strategy files (schema/strategy.schema.json): it is what the zod
 * schema generates today (stale otherwise: `npm run schema`), every seed strategy points at it
 * on its first line and is valid against it (checked by ajv, an independent JSON Schema
 * validator), and a misspelt allocation method gives one error at the method, listing the
 * names allowed there.
 */
import { Ajv, type ErrorObject } from 'ajv';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { allocators } from '../../../src/allocation/registry.js';
import { loadStrategy } from '../../../src/strategy/loadStrategy.js';
import { STRATEGY_SCHEMA_FILE, strategyJsonSchema, strategySchemaText } from '../../../src/strategy/strategyJsonSchema.js';
import { repoRoot } from '../../helpers/cli.js';

const MODELINE = '# yaml-language-server: $schema=../schema/strategy.schema.json';
const strategiesDir = path.join(repoRoot, 'strategies');
const seeds = readdirSync(strategiesDir).filter((f) => f.endsWith('.yaml')).sort();

// The names written out by hand from the registry's order (src/allocation/registry.ts), not
// read from the schema under test.
const ALL = ['fixed', 'equal', 'inverseVol', 'riskParity', 'minVariance', 'maxDiversification', 'momentumTopK', 'hrp', 'herc', 'riskBudget', 'minCvar', 'minCdar', 'meanCvar', 'blackLitterman', 'coreSatellite', 'trendFilter', 'module'];
// A satellite is any method without a nested spec; a trend filter's base may also be coreSatellite.
const SATELLITE = ALL.slice(0, 14);
const BASE = ALL.slice(0, 15);

const validate = new Ajv({ allErrors: true }).compile(strategyJsonSchema());

/** ajv's errors without the `if` wrappers (they repeat, one level up, the error of the `then` branch). */
function leafErrors(doc: unknown): ErrorObject[] {
  expect(validate(doc)).toBe(false);
  return (validate.errors ?? []).filter((e) => e.keyword !== 'if');
}

const barbell = (within: unknown): unknown => ({ version: 1, name: 'x', sleeves: { a: { assets: ['SPY', 'TLT'], within } } });

describe('schema/strategy.schema.json', () => {
  it('is the schema the zod strategy schema generates now (else: npm run schema)', () => {
    const committed = readFileSync(path.join(repoRoot, STRATEGY_SCHEMA_FILE), 'utf8');
    expect(committed === strategySchemaText(), `${STRATEGY_SCHEMA_FILE} is stale: run npm run schema and commit it`).toBe(true);
  });

  it('the registry in the test matches the one in the code (so the lists below are the real ones)', () => {
    expect([...Object.keys(allocators), 'module']).toEqual(ALL);
  });

  it('every seed strategy starts with the modeline, which points at the committed file, and is valid against it', () => {
    expect(seeds.length).toBeGreaterThanOrEqual(17);
    for (const f of seeds) {
      const text = readFileSync(path.join(strategiesDir, f), 'utf8');
      expect(text.split('\n')[0], f).toBe(MODELINE);
      const target = path.resolve(strategiesDir, MODELINE.split('$schema=')[1]!);
      expect(existsSync(target) && path.relative(repoRoot, target)).toBe(STRATEGY_SCHEMA_FILE);
      const ok = validate(parse(text));
      expect(ok ? [] : validate.errors, f).toEqual([]);
      // The loader reads the file as before (the modeline is a YAML comment).
      expect(loadStrategy(path.join(strategiesDir, f)).spec.version).toBe(1);
    }
  });

  it('a misspelt method: one error, at the method, an enum of every method name', () => {
    const errors = leafErrors(barbell({ method: 'inverseVolatility', lookback: 60 }));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ instancePath: '/sleeves/a/within/method', keyword: 'enum', params: { allowedValues: ALL } });
  });

  it('inside a trend filter and a core-satellite, the enum lists only the methods allowed there', () => {
    const base = leafErrors(barbell({ method: 'trendFilter', base: { method: 'trendFilter' } }));
    expect(base).toHaveLength(1);
    expect(base[0]).toMatchObject({ instancePath: '/sleeves/a/within/base/method', keyword: 'enum', params: { allowedValues: BASE } });
    const satellite = leafErrors(barbell({ method: 'coreSatellite', core: { SPY: 0.5 }, satellite: { method: 'coreSatellite' } }));
    expect(satellite).toHaveLength(1);
    expect(satellite[0]).toMatchObject({ instancePath: '/sleeves/a/within/satellite/method', keyword: 'enum', params: { allowedValues: SATELLITE } });
  });

  it('a known method checks its own parameters: an unknown key or a bad value is one error', () => {
    const typo = leafErrors(barbell({ method: 'inverseVol', lookbak: 60 }));
    expect(typo).toHaveLength(1);
    expect(typo[0]).toMatchObject({ instancePath: '/sleeves/a/within', keyword: 'additionalProperties', params: { additionalProperty: 'lookbak' } });
    // momentumTopK's k is a whole number ≥ 1.
    const k = leafErrors(barbell({ method: 'momentumTopK', k: 0 }));
    expect(k).toHaveLength(1);
    expect(k[0]).toMatchObject({ instancePath: '/sleeves/a/within/k', keyword: 'minimum' });
    // The same parameters under another method are refused: lookback is not a key of equal.
    expect(leafErrors(barbell({ method: 'equal', lookback: 60 }))[0]).toMatchObject({ keyword: 'additionalProperties', params: { additionalProperty: 'lookback' } });
    expect(validate(barbell({ method: 'momentumTopK', k: 2, lookback: 126 }))).toBe(true);
  });

  it('a missing method is one error: method is required', () => {
    const errors = leafErrors(barbell({ lookback: 60 }));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ instancePath: '/sleeves/a/within', keyword: 'required', params: { missingProperty: 'method' } });
  });

  it('each method is defined once with its description, and the method property lists them for hover help', () => {
    const schema = strategyJsonSchema() as { definitions: Record<string, { properties: { method: { const: string } }; description?: string }> };
    for (const name of ALL) {
      const def = schema.definitions[`method-${name}`];
      expect(def?.properties.method.const, name).toBe(name);
      if (name !== 'module') expect(def?.description).toBe(allocators[name as keyof typeof allocators].description);
    }
    const across = (schema as unknown as { properties: { allocation: { properties: { across: { properties: { method: { description: string } } } } } } }).properties.allocation.properties.across;
    expect(across.properties.method.description).toContain('inverseVol: ');
  });
});
