import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseStrategy } from '../../../src/strategy/loadStrategy.js';
import { strategyError } from '../../helpers/strategyErrors.js';

const seed = readFileSync(new URL('../../../strategies/seed-barbell.yaml', import.meta.url), 'utf8');

const errorOf = strategyError;

describe('parseStrategy', () => {
  it('resolves the seed barbell with defaults filled in', () => {
    const spec = parseStrategy(seed, 'seed-barbell.yaml');
    expect(spec.name).toBe('seed-barbell');
    expect(Object.keys(spec.sleeves)).toEqual(['ai_leaders', 'defensive', 'gold', 'military']);
    expect(spec.rebalance).toEqual({ schedule: 'monthly', on: 'last', lag: 1, minTrade: 0 });
    expect(spec.costs).toEqual({ bps: 5, slippageBps: 0 });
    expect(spec.data).toEqual({ maxFillDays: 5, calendar: 'union', lateStart: 'refuse' });
    expect(spec.reporting.convention).toBe('standard');
  });

  it('names file, line and column of an unknown key and suggests the closest', () => {
    const text = seed.replace('costs:\n  bps: 5', 'costs:\n  bsp: 5');
    const line = text.split('\n').findIndex((l) => l.includes('bsp:')) + 1;
    const msg = errorOf(text);
    expect(msg).toContain(`bad.yaml:${line}:3:`);
    expect(msg).toContain('unknown key "bsp"');
    expect(msg).toContain('did you mean "bps"?');
    expect(msg).toContain('allowed keys: bps, slippageBps');
  });

  it('rejects a wrong type with the field and the value', () => {
    const msg = errorOf(seed.replace('lag: 1 ', 'lag: soon '));
    expect(msg).toMatch(/bad\.yaml:\d+:\d+: rebalance\.lag: expected number, received string \(got "soon"\)/);
  });

  it('accepts fixed weights summing below 1 (changed: the rest is cash, with a run-time warning) and rejects above 1', () => {
    const under = parseStrategy(seed.replace('gold: 0.20, military: 0.20', 'gold: 0.20, military: 0.10'), 'ok.yaml');
    expect((under.allocation.across as { weights: Record<string, number> }).weights['military']).toBe(0.1);
    const msg = errorOf(seed.replace('gold: 0.20, military: 0.20', 'gold: 0.20, military: 0.30'));
    expect(msg).toContain('allocation.across.weights: weights sum to 1.1, more than 1');
  });

  it('rejects a weight for a sleeve that does not exist, suggesting the closest', () => {
    const msg = errorOf(seed.replace('gold: 0.20, military', 'golds: 0.20, military'));
    expect(msg).toContain('"golds" is not a sleeve (did you mean "gold"?)');
  });

  it('rejects a missing version and an empty sleeve', () => {
    expect(errorOf(seed.replace('version: 1\n', ''))).toContain('version');
    expect(errorOf(seed.replace('assets: [GLD]', 'assets: []'))).toMatch(/sleeves\.gold\.assets/);
  });

  it('rejects an unknown method, listing the valid ones', () => {
    expect(errorOf(seed.replace('method: equal', 'method: equl'))).toMatch(/allocation\.within\.method/);
  });

  it('rejects YAML syntax errors with a line', () => {
    expect(errorOf('version: 1\nname: [unclosed\n')).toMatch(/^bad\.yaml:\d+:\d+: not valid YAML/);
  });
});
