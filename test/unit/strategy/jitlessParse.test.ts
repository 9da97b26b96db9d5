/**
 * loadStrategy parses a strategy file with zod's `jitless` option (no compiled fast path: the
 * file is parsed once). The strategy schema gives the same value and the same issues either
 * way: every seed strategy, and each of them broken in the ways a user breaks a file (a missing
 * field, a wrong type, an unknown key, a value out of range, a bad method parameter).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { strategySchema } from '../../../src/strategy/schema.js';
import { repoRoot } from '../../helpers/cli.js';

const dir = path.join(repoRoot, 'strategies');
const seeds = readdirSync(dir).filter((f) => f.endsWith('.yaml'));

/** The value, or the issues (paths, codes, messages), of a parse. */
function outcome(value: unknown, jitless: boolean): unknown {
  const r = jitless ? strategySchema.safeParse(value, { jitless: true }) : strategySchema.safeParse(value);
  return r.success ? { value: r.data } : { issues: r.error.issues.map((i) => ({ path: i.path, code: i.code, message: i.message })) };
}

const breakages: Array<[string, (s: Record<string, unknown>) => void]> = [
  ['no name', (s) => delete s['name']],
  ['name a number', (s) => (s['name'] = 7)],
  ['unknown top-level key', (s) => (s['sleevs'] = {})],
  ['negative costs', (s) => (s['costs'] = { bps: -5 })],
  ['rebalance lag a string', (s) => (s['rebalance'] = { schedule: 'monthly', lag: 'one' })],
  ['a sleeve without assets', (s) => (s['sleeves'] = { a: { role: 'growth' } })],
  ['unknown method', (s) => (s['allocation'] = { within: { method: 'magic' } })],
  ['fixed weights as a list', (s) => (s['allocation'] = { across: { method: 'fixed', weights: [0.5, 0.5] } })],
];

describe('strategy schema with and without jitless', () => {
  it(`the ${seeds.length} seed strategies: the same parsed value`, () => {
    expect(seeds.length).toBeGreaterThan(10);
    for (const f of seeds) {
      const value = parse(readFileSync(path.join(dir, f), 'utf8')) as unknown;
      const jit = outcome(value, false);
      expect(jit, f).toHaveProperty('value');
      expect(outcome(value, true), f).toEqual(jit);
    }
  });

  it('broken strategies: the same issues, in the same order', () => {
    for (const f of seeds) {
      for (const [what, breakIt] of breakages) {
        const value = parse(readFileSync(path.join(dir, f), 'utf8')) as Record<string, unknown>;
        breakIt(value);
        const jit = outcome(value, false);
        expect(jit, `${f}: ${what}`).toHaveProperty('issues');
        expect(outcome(value, true), `${f}: ${what}`).toEqual(jit);
      }
    }
  });
});
