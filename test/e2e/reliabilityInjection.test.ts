/**
 * Injection family: nothing in a user's file becomes a spreadsheet formula, a terminal escape
 * sequence, a 10 MB error line, or code that runs without consent.
 * CSV: OWASP "CSV Injection" (https://owasp.org/www-community/attacks/CSV_Injection): cells
 * starting with = + - @ tab CR get a leading single quote; numbers are left alone.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, sleeves, tempDir } from '../helpers/cli.js';

const sample = path.join(repoRoot, 'data/sample');
const sixtyForty = path.join(repoRoot, 'strategies/sixty-forty.yaml');

describe('CSV formula injection', () => {
  it('compare --csv: strategy names =HYPERLINK(...) and @SUM(...) are quoted text; negative numbers stay numbers', () => {
    const dir = tempDir();
    const a = path.join(dir, 'a.yaml');
    const b = path.join(dir, 'b.yaml');
    writeFileSync(a, `version: 1\nname: '=HYPERLINK("http://evil.example","x")'\nsleeves:\n  s: { assets: [SPY] }\n`);
    writeFileSync(b, `version: 1\nname: '@SUM(1+1)'\nsleeves:\n  s: { assets: [TLT] }\n`);
    const csv = path.join(dir, 'c.csv');
    expect(sleeves(['compare', a, b, '--csv', csv, '--quiet']).code).toBe(0);
    const lines = readFileSync(csv, 'utf8').trimEnd().split('\n');
    // RFC 4180 quoting with doubled quotes, and the leading ' that makes the cell text.
    expect(lines[0]).toBe(`key,label,better,"'=HYPERLINK(""http://evil.example"",""x"")","'@SUM(1+1)"`);
    const var95 = lines.find((l) => l.startsWith('metrics.var95,'))!.split(',');
    expect(var95[3]).toMatch(/^-0\.\d+$/); // a negative VaR is data: no quote added
  });

  it('weights.csv: a ticker =A1 (legal: = as in GC=F) becomes the header cell "\'=A1"', () => {
    const dir = tempDir();
    const data = path.join(dir, 'data');
    mkdirSync(data);
    copyFileSync(path.join(sample, 'SPY.csv'), path.join(data, '_A1.csv')); // =A1 → _A1.csv (tickerToFileName)
    copyFileSync(path.join(sample, 'TLT.csv'), path.join(data, 'TLT.csv'));
    const file = path.join(dir, 'eq.yaml');
    writeFileSync(file, 'version: 1\nname: eq\nsleeves:\n  a: { assets: [=A1] }\n  b: { assets: [TLT] }\n');
    expect(sleeves(['run', file, '--data', data, '--out', dir, '--no-html', '--quiet']).code).toBe(0);
    const [id] = readdirSync(path.join(dir, 'eq'));
    const header = readFileSync(path.join(dir, 'eq', id!, 'weights.csv'), 'utf8').split('\n')[0];
    expect(header).toBe(`date,"'=A1",TLT,cash`);
  });
});

describe('terminal escape sequences', () => {
  it('a strategy name holding OSC title and clear-screen sequences is printed escaped', () => {
    const dir = tempDir();
    const file = path.join(dir, 'esc.yaml');
    // YAML "\e" is ESC (U+001B), "\a" is BEL.
    writeFileSync(file, 'version: 1\nname: "x\\e]0;pwned\\a\\e[2J"\nsleeves:\n  s: { assets: [SPY] }\n');
    const run = sleeves(['run', file, '--out', dir, '--no-html']);
    expect(run.code).toBe(0);
    expect(run.stdout + run.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/); // NO_COLOR=1: no control byte at all
    expect(run.stdout).toContain('x\\u001b]0;pwned\\u0007\\u001b[2J');
    const validate = sleeves(['strategies', 'validate', file]);
    expect(validate.stderr).toContain('(x\\u001b]0;pwned\\u0007\\u001b[2J: 1 sleeves)');
  });

  it('a file name with an escape sequence in an error line is escaped', () => {
    const r = sleeves(['run', 'no-such-\u001b[31mfile.yaml']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('sleeves: no-such-\\u001b[31mfile.yaml: cannot read the strategy file (does it exist?)\n');
  });
});

describe('bounded error lines', () => {
  it('a 10-million-character price cell gives one short line (it was a 10 MB line)', () => {
    const dir = tempDir();
    const data = path.join(dir, 'data');
    mkdirSync(data);
    writeFileSync(path.join(data, 'SPY.csv'), `date,close\n2020-01-02,10\n2020-01-03,${'9x'.repeat(5_000_000)}\n`);
    const file = path.join(dir, 's.yaml');
    writeFileSync(file, 'version: 1\nname: s\nsleeves:\n  s: { assets: [SPY] }\n');
    const r = sleeves(['run', file, '--data', data, '--out', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    expect(r.stderr.length).toBeLessThan(400);
    expect(r.stderr).toMatch(/SPY\.csv:3: close is "(9x){40}"… \(10000000 characters\), expected a number/);
  });
});

describe('module strategies are code: consent and confinement', () => {
  /** A module that leaves a marker file when it is imported (i.e. executed). */
  function moduleDir(): { dir: string; strategy: string; marker: string } {
    const dir = tempDir();
    const marker = path.join(dir, 'EXECUTED');
    writeFileSync(
      path.join(dir, 'marker.mjs'),
      `import { writeFileSync } from 'node:fs';\nwriteFileSync(${JSON.stringify(marker)}, 'x');\n` +
        'export default function (input) {\n  const w = new Float64Array(input.n);\n  for (let i = 0; i < input.n; i++) w[i] = input.eligible[i] === 1 ? 1 / input.n : 0;\n  return { weights: w, fallbacks: [] };\n}\n',
    );
    const strategy = path.join(dir, 'mod.yaml');
    writeFileSync(strategy, 'version: 1\nname: mod\nsleeves:\n  a:\n    assets: [SPY, QQQ]\n    within: { method: module, module: ./marker.mjs }\n  b: { assets: [TLT] }\n');
    return { dir, strategy, marker };
  }

  it('compare refuses without --allow-modules (the module is not imported), runs with it', () => {
    const m = moduleDir();
    const refused = sleeves(['compare', m.strategy, sixtyForty, '--quiet']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/mod\.yaml: names the module .*marker\.mjs \(method: module\), which would run as code with your rights; compare runs it only with --allow-modules/);
    expect(existsSync(m.marker)).toBe(false);
    expect(sleeves(['compare', m.strategy, sixtyForty, '--quiet', '--allow-modules']).code).toBe(0);
    expect(existsSync(m.marker)).toBe(true);
  });

  it('strategies validate checks the module exists without importing it; --allow-modules imports it', () => {
    const m = moduleDir();
    const r = sleeves(['strategies', 'validate', m.strategy]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/1 module stage\(s\) not executed/);
    expect(existsSync(m.marker)).toBe(false);
    expect(sleeves(['strategies', 'validate', m.strategy, '--allow-modules']).code).toBe(0);
    expect(existsSync(m.marker)).toBe(true);
  });

  it('a module outside the strategy folder (../, absolute, or a symlink out) is refused unless --allow-module-path', () => {
    const m = moduleDir();
    const sub = path.join(m.dir, 'sub');
    mkdirSync(sub);
    const up = path.join(sub, 'up.yaml');
    writeFileSync(up, readFileSync(m.strategy, 'utf8').replace('./marker.mjs', '../marker.mjs'));
    const abs = path.join(sub, 'abs.yaml');
    writeFileSync(abs, readFileSync(m.strategy, 'utf8').replace('./marker.mjs', path.join(m.dir, 'marker.mjs')));
    const link = path.join(sub, 'link.yaml');
    symlinkSync(path.join(m.dir, 'marker.mjs'), path.join(sub, 'link.mjs'));
    writeFileSync(link, readFileSync(m.strategy, 'utf8').replace('./marker.mjs', './link.mjs'));
    for (const file of [up, abs, link]) {
      const r = sleeves(['run', file, '--out', m.dir, '--quiet']);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/\.yaml:6:\d+: sleeves\.a\.within\.module: "[^"]*\.mjs" is outside the strategy file's folder; a module is code that runs with your rights/);
    }
    expect(existsSync(m.marker)).toBe(false);
    expect(sleeves(['run', up, '--out', m.dir, '--quiet', '--no-html', '--allow-module-path']).code).toBe(0);
    expect(existsSync(m.marker)).toBe(true);
  });
});
