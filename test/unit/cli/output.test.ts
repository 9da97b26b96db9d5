/**
 * The colour rule of every command (src/cli/output.ts): colour only on a terminal, never with
 * --no-color, with NO_COLOR set to a non-empty value (https://no-color.org: "when present and
 * not an empty string"), or with TERM=dumb; and --json output is exactly JSON.stringify's text.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { colorAllowed, setColorFlag, useColor, writeJson } from '../../../src/cli/output.js';

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
  setColorFlag(true);
});

const terminal = { isTTY: true } as NodeJS.WriteStream;
const pipe = { isTTY: false } as unknown as NodeJS.WriteStream;

describe('useColor', () => {
  it('a terminal with nothing set: colour; a pipe: none', () => {
    delete process.env['NO_COLOR'];
    process.env['TERM'] = 'xterm-256color';
    expect(useColor(terminal)).toBe(true);
    expect(useColor(pipe)).toBe(false);
  });

  it('NO_COLOR: any non-empty value turns colour off, the empty value does not', () => {
    process.env['TERM'] = 'xterm';
    for (const value of ['1', '0', 'false', 'yes', ' ']) {
      process.env['NO_COLOR'] = value;
      expect(useColor(terminal), JSON.stringify(value)).toBe(false);
    }
    process.env['NO_COLOR'] = '';
    expect(useColor(terminal)).toBe(true);
  });

  it('--no-color and TERM=dumb turn it off', () => {
    delete process.env['NO_COLOR'];
    process.env['TERM'] = 'xterm';
    setColorFlag(false);
    expect(colorAllowed()).toBe(false);
    expect(useColor(terminal)).toBe(false);
    setColorFlag(true);
    process.env['TERM'] = 'dumb';
    expect(useColor(terminal)).toBe(false);
  });
});

describe('writeJson', () => {
  it('writes JSON.stringify(doc, null, 2) and a newline; control characters stay valid JSON', () => {
    const chunks: string[] = [];
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((c: string) => (chunks.push(c), true)) as typeof process.stdout.write;
    // DEL and C1 (U+009B, the 8-bit CSI) are the control characters JSON.stringify leaves raw.
    const doc = { name: 'a\u007fb\u009bc\u001bd', n: [1, null] };
    try {
      writeJson(doc);
    } finally {
      process.stdout.write = write;
    }
    const text = chunks.join('');
    expect(text).toBe('{\n  "name": "a\\u007fb\\u009bc\\u001bd",\n  "n": [\n    1,\n    null\n  ]\n}\n');
    expect(JSON.parse(text)).toEqual(doc);
  });
});
