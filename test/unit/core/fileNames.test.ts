/**
 * Names family (unit): folder names from user text can never be `.`/`..`, hold a separator or
 * pass the 255-byte limit, also with the suffixes and temp names added to them.
 */
import { describe, expect, it } from 'vitest';
import { NAME_MAX, SLUG_MAX, safeSlug, tempName, truncateBytes } from '../../../src/core/fileNames.js';
import { strategySlug } from '../../../src/strategy/loadStrategy.js';

describe('safeSlug / strategySlug', () => {
  it('never gives . or .. or a hidden name: every leading dot becomes _', () => {
    // "...yaml" minus ".yaml" is ".."; the run landed in the parent of --out.
    expect(strategySlug('...yaml')).toBe('__');
    expect(strategySlug('dir/...csv')).toBe('__');
    expect(strategySlug('.hidden.yaml')).toBe('_hidden');
    expect(safeSlug('.')).toBe('_');
    expect(safeSlug('')).toBe('strategy');
  });

  it('replaces separators, spaces and control characters by _', () => {
    expect(safeSlug('a/b\\c d\u001b[31m')).toBe('a_b_c_d__31m');
    expect(strategySlug('C:\\x\\my strategy.yaml')).toBe('C__x_my_strategy');
  });

  it('is cut to 120 bytes, leaving room for -robust, -sweep and temp names under 255', () => {
    const slug = strategySlug(`${'a'.repeat(300)}.yaml`);
    expect(slug).toBe('a'.repeat(SLUG_MAX));
    // OUT/<slug>-robust: 120 + 7 = 127 bytes ≤ 255.
    expect(Buffer.byteLength(`${slug}-robust`)).toBeLessThanOrEqual(NAME_MAX);
  });
});

describe('truncateBytes', () => {
  it('cuts by UTF-8 bytes, never inside a character', () => {
    // "é" is 2 bytes (C3 A9): 5 of them are 10 bytes; a 9-byte cut keeps 4 (8 bytes).
    expect(truncateBytes('ééééé', 9)).toBe('éééé');
    // "🙂" is 4 bytes: a 6-byte budget keeps "a" + one emoji (5 bytes), not half of the second.
    expect(truncateBytes('a🙂🙂', 6)).toBe('a🙂');
    expect(truncateBytes('abc', 10)).toBe('abc');
  });
});

describe('tempName', () => {
  it('is hidden, unique per call and within 255 bytes even for a 255-byte target name', () => {
    const long = 'x'.repeat(NAME_MAX);
    const a = tempName(long);
    const b = tempName(long);
    expect(a.startsWith('.')).toBe(true);
    expect(a.endsWith('.tmp')).toBe(true);
    expect(Buffer.byteLength(a)).toBeLessThanOrEqual(NAME_MAX);
    expect(a).not.toBe(b);
    expect(tempName('report.csv')).toMatch(new RegExp(`^\\.report\\.csv\\.${process.pid}-[0-9a-f]{8}\\.tmp$`));
  });
});
