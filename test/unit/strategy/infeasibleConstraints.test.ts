/**
 * Silent-acceptance family (unit): constraints that can only hold cash are an error naming the
 * constraint; a decision whose minWeight floor drops every position warns, naming minWeight.
 */
import { describe, expect, it } from 'vitest';
import { applyConstraints, constraintsSchema } from '../../../src/allocation/applyConstraints.js';
import { parseStrategy } from '../../../src/strategy/loadStrategy.js';

const base = 'version: 1\nname: c\nsleeves:\n  a: { assets: [SPY] }\n  b: { assets: [TLT] }\n';

describe('infeasible constraints', () => {
  it('minWeight above 1 − cashFloor: no position can reach it (0.8 > 1 − 0.3 = 0.7)', () => {
    expect(() => parseStrategy(`${base}allocation:\n  acrossConstraints: { minWeight: 0.8, cashFloor: 0.3 }\n`, 'c.yaml')).toThrow(
      'c.yaml:7:24: allocation.acrossConstraints.minWeight: minWeight 0.8 is above 1 − cashFloor = 0.7: no position can reach it, so every decision would hold only cash; lower minWeight or cashFloor',
    );
  });

  it('fixed weights 0.5/0.5 all below minWeight 0.8: every decision would be cash', () => {
    const text = `${base}allocation:\n  across: { method: fixed, weights: { a: 0.5, b: 0.5 } }\n  acrossConstraints: { minWeight: 0.8 }\n`;
    expect(() => parseStrategy(text, 'c.yaml')).toThrow(/c\.yaml:8:\d+: allocation\.acrossConstraints\.minWeight: minWeight drops every fixed weight \(a 0\.5, b 0\.5\)/);
  });

  it('equal weights on two sleeves (0.5 each) under minWeight 0.8: a warning per decision naming minWeight', () => {
    const c = constraintsSchema.parse({ minWeight: 0.8 });
    const r = applyConstraints(Float64Array.from([0.5, 0.5]), ['a', 'b'], Uint8Array.from([1, 1]), c);
    expect(Array.from(r.weights)).toEqual([0, 0]);
    expect(r.warnings).toEqual(['minWeight drops every held position (the largest is 0.5000, below its floor 0.8): the weight goes to cash; lower minWeight']);
    // One eligible sleeve holds 1.0 ≥ 0.8: kept, no warning (why this is a warning, not an error).
    const one = applyConstraints(Float64Array.from([1, 0]), ['a', 'b'], Uint8Array.from([1, 0]), c);
    expect(Array.from(one.weights)).toEqual([1, 0]);
    expect(one.warnings).toEqual([]);
  });
});
