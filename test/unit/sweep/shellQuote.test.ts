import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { shellJoin, shellQuote } from '../../../src/sweep/shellQuote.js';

describe('shellQuote', () => {
  it('leaves plain words bare and single-quotes the rest', () => {
    expect(shellQuote('costs.bps=0,5,10')).toBe('costs.bps=0,5,10');
    expect(shellQuote('/data/real')).toBe('/data/real');
    expect(shellQuote('')).toBe("''");
    expect(shellQuote('a b')).toBe("'a b'");
    expect(shellQuote("it's")).toBe("'it'\\''s'");
  });

  it('round-trips through bash and sh: each word comes back unchanged', () => {
    const words = ['plain', 'with space', "it's", '$HOME', '`id`', '"q"', 'a\\b', '*', 'x;y|z&', 'line\nbreak', '', '~', '!bang', 'tab\there'];
    for (const shell of ['bash', 'sh']) {
      const r = spawnSync(shell, ['-c', `for w in ${shellJoin(words)}; do printf '%s\\0' "$w"; done`], { encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout.split('\0').slice(0, -1)).toEqual(words);
    }
  });
});
