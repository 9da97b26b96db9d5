import { describe, expect, it } from 'vitest';
import { diffJson } from '../../../src/run/rerunDiff.js';

describe('diffJson', () => {
  it('finds nothing between equal values and counts the leaves compared', () => {
    const a = { x: 1, y: [1, 2, { z: null }], s: 'a' };
    expect(diffJson(a, structuredClone(a))).toEqual({ differences: [], compared: 5 });
  });
  it('reports a one-ulp change, a missing key and a different array length, with paths', () => {
    const before = { metrics: { cagr: 0.1 }, drawdowns: [{ depth: 0.2 }], extra: 1, list: [1, 2] };
    const after = { metrics: { cagr: 0.1 + 2 ** -56 }, drawdowns: [{ depth: 0.2 }], list: [1] };
    expect(0.1 + 2 ** -56).not.toBe(0.1);
    const { differences } = diffJson(before, after);
    expect(differences).toEqual([
      { path: 'metrics.cagr', before: 0.1, after: 0.1 + 2 ** -56 },
      { path: 'extra', before: 1, after: undefined },
      { path: 'list.length', before: 2, after: 1 },
    ]);
  });
  it('skips top-level keys listed as volatile, and only at the top level', () => {
    const { differences } = diffJson({ engineVersion: '1', a: { engineVersion: 1 } }, { engineVersion: '2', a: { engineVersion: 2 } }, ['engineVersion']);
    expect(differences).toEqual([{ path: 'a.engineVersion', before: 1, after: 2 }]);
  });
});
