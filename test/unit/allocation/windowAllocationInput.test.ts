import { describe, expect, it } from 'vitest';
import { plainInput, WindowAllocationInput } from '../../../src/allocation/windowAllocationInput.js';

describe('WindowAllocationInput (the decision window handed to allocators)', () => {
  // Two assets in a 4-row price table (column-major): asset 0 = 10, 11, 12.1, 12.1; asset 1 = 20, 18, NaN, 18.
  const prices = Float64Array.of(10, 11, 12.1, 12.1, 20, 18, Number.NaN, 18);

  it('builds its return window on the first read: p_s / p_{s−1} − 1 over rows first..first+length−1', () => {
    const input = new WindowAllocationInput(2, ['A', 'B'], 3, Uint8Array.of(1, 1), undefined, undefined, { prices, nRows: 4, assetIdx: [0, 1], first: 1 });
    const r = input.returns;
    // A: 11/10 − 1 = 0.1, 12.1/11 − 1 = 0.1, 12.1/12.1 − 1 = 0; B: 18/20 − 1 = −0.1, NaN, NaN (18/NaN).
    expect(r[0]).toBeCloseTo(0.1, 15);
    expect(r[1]).toBeCloseTo(0.1, 15);
    expect(r[2]).toBe(0);
    expect(r[3]).toBeCloseTo(-0.1, 15);
    expect(Number.isNaN(r[4]!) && Number.isNaN(r[5]!)).toBe(true);
    expect(input.returns).toBe(r); // built once
  });

  it('a given window is returned as is; row 0 of the panel has no return', () => {
    const w = Float64Array.of(1, 2);
    expect(new WindowAllocationInput(1, ['A'], 2, Uint8Array.of(1), undefined, undefined, null, w).returns).toBe(w);
    const fromStart = new WindowAllocationInput(1, ['A'], 2, Uint8Array.of(1), undefined, undefined, { prices, nRows: 4, assetIdx: [0], first: 0 });
    expect(Number.isNaN(fromStart.returns[0]!)).toBe(true);
  });

  it('plainInput gives a user module a plain object: returns survives a spread, absent moments/out stay absent', () => {
    const out = new Float64Array(2);
    const input = new WindowAllocationInput(2, ['A', 'B'], 3, Uint8Array.of(1, 0), undefined, out, { prices, nRows: 4, assetIdx: [0, 1], first: 1 });
    const plain = plainInput(input);
    const spread = { ...plain };
    expect(Object.keys(spread).sort()).toEqual(['eligible', 'length', 'n', 'names', 'out', 'returns']);
    expect(Array.from(spread.returns)).toEqual(Array.from(input.returns));
    expect(spread.out).toBe(out);
  });
});
