/**
 * Names family (unit): user names never reach Object.prototype.
 */
import { describe, expect, it } from 'vitest';
import { boundFor } from '../../../src/allocation/commonParams.js';
import { emptyRecord, isReservedKey } from '../../../src/core/reservedKeys.js';
import { parseGridArg } from '../../../src/sweep/parseGrid.js';
import { setSpecPath } from '../../../src/sweep/setSpecPath.js';

describe('prototype keys', () => {
  it('setSpecPath and parseGridArg refuse __proto__, constructor and prototype; Object.prototype stays clean', () => {
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      expect(isReservedKey(key)).toBe(true);
      expect(() => setSpecPath({ a: {} }, `${key}.polluted`, 1)).toThrow(`"${key}" is a reserved name`);
      expect(() => setSpecPath({ a: {} }, `a.${key}.polluted`, 1)).toThrow(`"${key}" is a reserved name`);
      expect(() => parseGridArg(`${key}.x=1,2`)).toThrow(`"${key}" is a reserved name`);
    }
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    // A missing key on the way is created as an own property, never looked up on the prototype.
    expect(setSpecPath({ a: {} }, 'a.toString.x', 1)).toEqual({ a: { toString: { x: 1 } } });
  });

  it('emptyRecord has no prototype: no inherited "constructor" or "toString"', () => {
    const r = emptyRecord<number>();
    expect(Object.getPrototypeOf(r)).toBeNull();
    expect(r['constructor']).toBeUndefined();
    expect(JSON.stringify(Object.assign(r, { a: 1 }))).toBe('{"a":1}');
  });

  it('boundFor reads own keys only: an inherited name falls back to the default', () => {
    expect(boundFor({ NVDA: 0.2 }, 'toString', 1)).toBe(1);
    expect(boundFor({ NVDA: 0.2 }, 'NVDA', 1)).toBe(0.2);
  });
});
