/**
 * Names family: hostile file and key names. A run folder never lands outside --out, file names
 * of any legal length work, and __proto__ / constructor / prototype are refused with one line
 * wherever a user's name would become an object key.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, sleeves, tempDir, type CliResult } from '../helpers/cli.js';

const barbell = path.join(repoRoot, 'strategies/seed-barbell.yaml');

/** Exit 1 and one error line (besides `strategies validate`'s closing count of failed files). */
function expectUserLine(r: CliResult, pattern: RegExp): void {
  expect(r.code).toBe(1);
  const lines = r.stderr.trimEnd().split('\n').filter((l) => !/^sleeves: \d+ of \d+ strategy files failed validation$/.test(l));
  expect(lines).toHaveLength(1);
  expect(r.stderr).toMatch(pattern);
}

const twoSleeves = (a: string, b = 'b', tickerA = 'SPY'): string => `version: 1\nname: n\nsleeves:\n  ${a}: { assets: [${tickerA}] }\n  ${b}: { assets: [TLT] }\n`;

describe('run folders stay inside --out', () => {
  it('a strategy file named ...yaml (slug "..") and a weights file ...csv write under OUT/__/', () => {
    const dir = tempDir();
    const out = path.join(dir, 'out');
    writeFileSync(path.join(dir, '...yaml'), twoSleeves('a'));
    writeFileSync(path.join(dir, '...csv'), 'date,SPY,TLT\n2015-01-02,0.6,0.4\n');
    expect(sleeves(['run', path.join(dir, '...yaml'), '--out', out, '--no-html', '--quiet']).code).toBe(0);
    expect(sleeves(['run', '--weights', path.join(dir, '...csv'), '--out', out, '--no-html', '--quiet']).code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['...csv', '...yaml', 'out']); // nothing beside --out
    expect(readdirSync(out).filter((f) => !f.startsWith('catalog.sqlite'))).toEqual(['__']); // beside the run catalog
    expect(readdirSync(path.join(out, '__'))).toHaveLength(2); // two runs, two run ids (or id and id-2)
  });

  it('a 250-byte strategy file name runs; its folder name is cut to 120 bytes, robust adds -robust', () => {
    const dir = tempDir();
    const name = `${'s'.repeat(245)}.yaml`; // 250 bytes, legal
    writeFileSync(path.join(dir, name), twoSleeves('a'));
    expect(sleeves(['run', path.join(dir, name), '--out', dir, '--no-html', '--quiet']).code).toBe(0);
    expect(sleeves(['robust', path.join(dir, name), '--out', dir, '--paths', '2', '--workers', '1', '--no-html', '--quiet']).code).toBe(0);
    const folders = readdirSync(dir).filter((f) => f !== name && !f.startsWith('catalog.sqlite')).sort();
    expect(folders).toEqual(['s'.repeat(120), `${'s'.repeat(120)}-robust`]);
  });
});

describe('prototype keys are refused with one line', () => {
  const dir = tempDir();
  const write = (name: string, text: string): string => {
    const file = path.join(dir, name);
    writeFileSync(file, text);
    return file;
  };

  it.each(['__proto__', 'constructor', 'prototype'])('a sleeve named %s (it used to vanish and the run held the other sleeve, exit 0)', (key) => {
    const file = write(`${key}-sleeve.yaml`, twoSleeves(key));
    expectUserLine(sleeves(['run', file, '--out', dir, '--quiet']), new RegExp(`-sleeve\\.yaml:4:3: key: "${key}" is a reserved name`));
  });

  it('a ticker named constructor, in a list (no key): the schema refuses it at its line', () => {
    const file = write('ticker.yaml', twoSleeves('a', 'b', 'constructor'));
    expectUserLine(sleeves(['strategies', 'validate', file]), /ticker\.yaml:4:.*sleeves\.a\.assets\[0\]: a ticker, not a reserved name/);
  });

  it('a __proto__ key inside fixed weights, or in JSON', () => {
    const yaml = write('fixed.yaml', `${twoSleeves('a')}allocation:\n  across: { method: fixed, weights: { a: 0.5, __proto__: 0.5 } }\n`);
    expectUserLine(sleeves(['strategies', 'validate', yaml]), /fixed\.yaml:7:\d+: key: "__proto__" is a reserved name/);
    const json = write('j.json', '{"version": 1, "name": "j", "sleeves": {"a": {"assets": ["SPY"]}, "__proto__": {"assets": ["TLT"]}}}');
    expectUserLine(sleeves(['strategies', 'validate', json]), /j\.json:1:\d+: key: "__proto__" is a reserved name/);
  });

  it('--grid __proto__.x (it polluted Object.prototype) and constructor.x: one line, exit 1', () => {
    expectUserLine(sleeves(['sweep', barbell, '--grid', '__proto__.polluted=1', '--out', dir, '--quiet']), /^sleeves: --grid __proto__\.polluted: "__proto__" is a reserved name/);
    expectUserLine(sleeves(['sweep', barbell, '--grid', 'sleeves.constructor.within.k=1', '--out', dir, '--quiet']), /"constructor" is a reserved name/);
  });

  it('a weights file whose header names __proto__', () => {
    const csv = write('w.csv', 'date,SPY,__proto__\n2015-01-02,0.5,0.5\n');
    expectUserLine(sleeves(['run', '--weights', csv, '--out', dir, '--quiet']), /w\.csv:1: the header does not name valid tickers: a ticker, not a reserved name/);
  });

  it('a returns CSV for metrics whose header names __proto__ (that series vanished from the JSON)', () => {
    const csv = write('r.csv', 'date,__proto__,b\n2020-01-01,0.01,0.02\n2020-01-02,0.02,0.01\n');
    expectUserLine(sleeves(['metrics', csv]), /r\.csv:1:2: series name: "__proto__" is a reserved name/);
  });

  it('a duplicate key is still an error (checked in one linear pass now)', () => {
    const file = write('dup.yaml', `version: 1\nname: d\nsleeves:\n  a: { assets: [SPY] }\n  a: { assets: [TLT] }\n`);
    expectUserLine(sleeves(['strategies', 'validate', file]), /dup\.yaml:5:3: not valid YAML\/JSON: Map keys must be unique \("a" is given twice\)/);
  });
});
