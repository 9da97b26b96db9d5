/**
 * diagnoseStrategy lists every error of a strategy text (parseStrategy throws the first), and
 * YAML alias problems are the file's fault: one located line, never an internal error.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../../src/core/errors.js';
import { diagnoseStrategy, parseStrategy } from '../../../src/strategy/loadStrategy.js';

const bomb = readFileSync(new URL('../../fixtures/strategies/alias-bomb.yaml', import.meta.url), 'utf8');

describe('diagnoseStrategy', () => {
  it('lists every schema error, unknown keys first, each located', () => {
    const text = [
      'version: 1',
      'name: s',
      'sleeves:',
      '  ai: { assets: [NVDA], constrants: 1 }', // line 4: "constrants" at column 25 ("  ai: { assets: [NVDA], " is 24)
      'rebalance: { lag: -1 }', //                    line 5: key "lag" at column 14 ("rebalance: { " is 13)
      'costs: { bps: five, slipage: 2 }', //          line 6: key "bps" at 10, "slipage" at 21 ("costs: { bps: five, " is 20)
    ].join('\n');
    const { spec, errors } = diagnoseStrategy(text, 's.yaml');
    expect(spec).toBeUndefined();
    expect(errors).toHaveLength(4);
    // Unknown keys first (in the schema's order of issues), then the type and range errors.
    expect(errors[0]).toMatch(/^s\.yaml:4:25: sleeves\.ai: unknown key "constrants" \(did you mean "constraints"\?\)/);
    expect(errors[1]).toBe('s.yaml:6:21: costs: unknown key "slipage"; allowed keys: bps, slippageBps');
    expect(errors.slice(2).sort()).toEqual([
      's.yaml:5:14: rebalance.lag: expected number ≥ 0 (got -1)',
      's.yaml:6:10: costs.bps: expected number, received string (got "five")',
    ]);
    // parseStrategy throws the first of them, alone.
    expect(() => parseStrategy(text, 's.yaml')).toThrow(errors[0]);
  });

  it('lists every cross-field problem once the shape is valid', () => {
    const text = [
      'version: 1',
      'name: s',
      'sleeves:',
      '  a: { assets: [X, X] }', //                              line 4: X listed twice; key "assets" at column 8
      'allocation:',
      '  across: { method: fixed, weights: { a: 0.5, b: 0.2 } }', // line 6: key "weights" at 28, "b" at 47
    ].join('\n');
    const { errors } = diagnoseStrategy(text, 's.yaml');
    // b is not a sleeve; X twice; and X's fractions 1 + 1 = 2 ≠ 1. (0.5 + 0.2 = 0.7 < 1 is no
    // error: fixed weights may sum below 1, the rest is held in cash with a warning at run time.)
    expect(errors).toHaveLength(3);
    expect(errors[0]).toMatch(/^s\.yaml:6:47: allocation\.across\.weights\.b: "b" is not a sleeve/);
    expect(errors[1]).toBe('s.yaml:4:8: sleeves.a.assets: X is listed twice in sleeve "a"');
    expect(errors[2]).toMatch(/^s\.yaml:3:1: sleeves: asset X belongs to sleeves with fractions summing to 2;/);
  });

  it('lists every YAML syntax error', () => {
    // Two duplicate keys (uniqueKeys): "name" on lines 2 and 3, "version" on lines 1 and 4.
    const { errors } = diagnoseStrategy('version: 1\nname: a\nname: b\nversion: 2\n', 's.yaml');
    expect(errors).toHaveLength(2);
    for (const e of errors) expect(e).toMatch(/^s\.yaml:\d+:\d+: not valid YAML\/JSON: /);
  });

  it('an alias bomb is one line naming the file, found without expanding it', () => {
    const started = performance.now();
    const { spec, errors } = diagnoseStrategy(bomb, 'bomb.yaml');
    expect(performance.now() - started).toBeLessThan(2000);
    expect(spec).toBeUndefined();
    expect(errors).toEqual([
      'bomb.yaml: YAML aliases expand too far (more than 100 alias expansions, as in an alias bomb); write the values out instead of nesting aliases',
    ]);
    expect(() => parseStrategy(bomb, 'bomb.yaml')).toThrow(UserError);
  });

  it('an alias to an unknown anchor points at the alias', () => {
    // Line 3: "description: *nope", the alias at column 14.
    const { errors } = diagnoseStrategy('version: 1\nname: s\ndescription: *nope\nsleeves: { a: { assets: [X] } }\n', 's.yaml');
    expect(errors).toEqual(['s.yaml:3:14: not a usable YAML document: Unresolved alias (the anchor must be set before the alias): nope']);
  });

  it('a few aliases within the limit are expanded as usual', () => {
    const { spec, errors } = diagnoseStrategy('version: 1\nname: s\ndescription: &d hello\nsleeves:\n  a: { assets: [X], description: *d }\n', 's.yaml');
    expect(errors).toEqual([]);
    expect(spec?.sleeves['a']?.description).toBe('hello');
  });
});
