/**
 * writeTextFile writes the bytes of Buffer.from(text, 'utf8') for the whole text, however the
 * text is cut into pieces and wherever the 16,384-unit slices fall: surrogate pairs across a
 * slice or a piece boundary stay one 4-byte character, a lone surrogate becomes EF BF BD as
 * Buffer.from writes it. streamJson's pieces join to JSON.stringify's text.
 */
import fc from 'fast-check';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { streamJson } from '../../../src/core/streamJson.js';
import { writeTextFile } from '../../../src/core/writeTextFile.js';
import { tempDir } from '../../helpers/cli.js';

/** Writes `pieces` (as one string when there is one) and returns the file's bytes. */
function written(dir: string, pieces: readonly string[]): Buffer {
  const file = path.join(dir, `f${Math.random().toString(36).slice(2)}.txt`);
  writeTextFile(file, pieces.length === 1 ? pieces[0]! : (write) => pieces.forEach((p) => write(p)));
  return readFileSync(file);
}

const SLICE = 16_384;
const EMOJI = '\u{1F600}'; // U+1F600: the pair D83D DE00, 4 bytes F0 9F 98 80 in UTF-8

describe('writeTextFile', () => {
  it('a pair straddling the slice boundary (units 16,383 and 16,384) is one 4-byte character', () => {
    const dir = tempDir();
    const text = `${'a'.repeat(SLICE - 1)}${EMOJI}${'é'.repeat(3 * SLICE)}`;
    const bytes = written(dir, [text]);
    // 16,383 × 1 byte + 4 bytes + 49,152 × 2 bytes (é is C3 A9) = 114,691 bytes.
    expect(bytes.length).toBe(SLICE - 1 + 4 + 2 * 3 * SLICE);
    expect(bytes.subarray(SLICE - 1, SLICE + 3)).toEqual(Buffer.from([0xf0, 0x9f, 0x98, 0x80]));
    expect(bytes.equals(Buffer.from(text, 'utf8'))).toBe(true);
  });

  it('a pair split between two pieces, and lone surrogates (middle and end) as Buffer.from writes them', () => {
    const dir = tempDir();
    expect(written(dir, ['x\uD83D', '\uDE00y'])).toEqual(Buffer.from(`x${EMOJI}y`, 'utf8'));
    // A lone high surrogate, then a lone low one, then a high one ending the text: EF BF BD each.
    const bytes = written(dir, ['a\uD83Db', '\uDE00', 'c\uD83D']);
    expect(bytes).toEqual(Buffer.from([0x61, 0xef, 0xbf, 0xbd, 0x62, 0xef, 0xbf, 0xbd, 0x63, 0xef, 0xbf, 0xbd]));
  });

  it('an empty text makes an empty file; flag wx refuses an existing file', () => {
    const dir = tempDir();
    const file = path.join(dir, 'e.txt');
    writeTextFile(file, '', 'wx');
    expect(existsSync(file) && readFileSync(file).length).toBe(0);
    writeFileSync(path.join(dir, 'x.txt'), 'old');
    expect(() => writeTextFile(path.join(dir, 'x.txt'), 'new', 'wx')).toThrow(/EEXIST/);
    expect(readFileSync(path.join(dir, 'x.txt'), 'utf8')).toBe('old');
  });

  it('random UTF-16 texts (lone surrogates included) in random pieces: the bytes of Buffer.from(whole text)', () => {
    const dir = tempDir();
    // Tokens: mostly ASCII, some two- and three-byte units, valid pairs and lone surrogates, so
    // that pairs, lone halves and slice and piece boundaries meet; the long texts put the tokens
    // around the first slice boundary (after 16,381..16,385 ASCII units) or past the buffer.
    const token = fc.oneof(
      { weight: 4, arbitrary: fc.integer({ min: 0x20, max: 0x7e }).map((u) => [u]) },
      { weight: 1, arbitrary: fc.integer({ min: 0x80, max: 0x7ff }).map((u) => [u]) },
      { weight: 1, arbitrary: fc.integer({ min: 0x800, max: 0xd7ff }).map((u) => [u]) },
      { weight: 3, arbitrary: fc.tuple(fc.integer({ min: 0xd800, max: 0xdbff }), fc.integer({ min: 0xdc00, max: 0xdfff })).map(([h, l]) => [h, l]) },
      { weight: 1, arbitrary: fc.integer({ min: 0xd800, max: 0xdfff }).map((u) => [u]) },
    );
    const tokens = fc.array(token, { maxLength: 60 }).map((ts) => ts.flat());
    const text = fc.oneof(
      tokens,
      fc.tuple(fc.integer({ min: SLICE - 3, max: SLICE + 1 }), tokens).map(([n, u]) => [...Array.from({ length: n }, () => 0x61), ...u]),
      fc.tuple(fc.integer({ min: 3 * SLICE, max: 5 * SLICE }), tokens).map(([n, u]) => [...u, ...Array.from({ length: n }, () => 0xe9), ...u]),
    ).map((units) => String.fromCharCode(...units));
    fc.assert(
      fc.property(text, fc.array(fc.nat(), { maxLength: 6 }), (t, cuts) => {
        // Cut points anywhere, and often at the first slice boundary.
        const at = [...new Set(cuts.map((c) => (c % 3 === 0 ? Math.min(SLICE, t.length) : c % (t.length + 1))))].sort((a, b) => a - b);
        const pieces = [0, ...at].map((from, i) => t.slice(from, i < at.length ? at[i] : t.length));
        expect(written(dir, pieces).equals(Buffer.from(t, 'utf8'))).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
});

describe('streamJson', () => {
  const joined = (value: unknown, slice?: number): string => {
    const pieces: string[] = [];
    streamJson(value, (p) => pieces.push(p), slice);
    return pieces.join('');
  };

  it('long arrays in slices, members left out as JSON.stringify leaves them, non-plain objects whole', () => {
    const proto = Object.create(null) as Record<string, unknown>;
    proto['k'] = [1, 2, 3];
    const value = {
      a: [1, null, 2.5, -0, Number.NaN, Infinity, 'x', true, undefined, [4, 5], { b: 1 }],
      skip: undefined,
      fn: () => 1,
      t: new Float64Array([1.5, 2]),
      d: new Date(Date.UTC(2024, 0, 2)),
      n: proto,
      s: 'é"\\\u2028',
    };
    // NaN, Infinity and undefined elements are null; -0 is 0; skip and fn are left out; the typed
    // array is an object {"0":1.5,"1":2}; the date its ISO text.
    const expected = JSON.stringify(value);
    expect(expected).toContain('"t":{"0":1.5,"1":2}');
    for (const slice of [1, 2, 3, 2048]) expect(joined(value, slice)).toBe(expected);
    expect(joined([[1, 2], [3]], 1)).toBe('[[1,2],[3]]');
    expect(joined([], 1)).toBe('[]');
    expect(() => joined(undefined)).toThrow(TypeError);
  });

  it('random JSON values (and arrays longer than the slice): the text of JSON.stringify', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), fc.array(fc.double(), { maxLength: 40 }), fc.integer({ min: 1, max: 7 }), (v, long, slice) => {
        expect(joined(v, slice)).toBe(JSON.stringify(v));
        const both = { v, long, nested: { long, v: [v, long] } };
        expect(joined(both, slice)).toBe(JSON.stringify(both));
      }),
      { numRuns: 300 },
    );
  });
});
