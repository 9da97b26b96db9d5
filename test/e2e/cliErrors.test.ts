/**
 * Bad input gets one line on stderr naming the place, exit code 1 (2 for usage errors), no
 * stack trace, and nothing written.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasRealData, realDataDir, sleeves, tempDir } from '../helpers/cli.js';

function expectOneLine(r: { code: number | null; stderr: string; stdout: string }, code: number, pattern: RegExp): void {
  expect(r.code).toBe(code);
  expect(r.stdout).toBe('');
  const lines = r.stderr.trim().split('\n');
  expect(lines[0]).toMatch(pattern);
  expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
}

describe('CLI errors', () => {
  it('a missing strategy file', () => {
    const r = sleeves(['run', 'no-such-file.yaml']);
    expectOneLine(r, 1, /^sleeves: no-such-file\.yaml: cannot read the strategy file/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('an invalid strategy names file, line and key', () => {
    const dir = tempDir();
    const file = path.join(dir, 'bad.yaml');
    writeFileSync(file, 'version: 1\nname: bad\nsleeves:\n  a: { assets: [SPY] }\nrebalanse: { lag: 1 }\n');
    const r = sleeves(['run', file, '--out', dir]);
    expectOneLine(r, 1, /bad\.yaml:5:1: unknown key "rebalanse" \(did you mean "rebalance"\?\)/);
    expect(readdirSync(dir)).toEqual(['bad.yaml']); // nothing written
  });

  it('a missing data folder', () => {
    expectOneLine(sleeves(['run', 'strategies/seed-barbell.yaml', '--data', 'no/such/dir']), 1, /data folder "no\/such\/dir" does not exist/);
  });

  it('a malformed date flag', () => {
    expectOneLine(sleeves(['run', 'strategies/seed-barbell.yaml', '--from', '2020-13-01']), 1, /--from: expected a date as YYYY-MM-DD, got "2020-13-01"/);
  });

  it('an unknown flag or command is a usage error (exit 2)', () => {
    expect(sleeves(['run', 'strategies/seed-barbell.yaml', '--bogus']).code).toBe(2);
    expect(sleeves(['runn']).code).toBe(2);
  });

  it('--debug adds the stack trace', () => {
    const r = sleeves(['run', 'no-such-file.yaml', '--debug']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/\n\s+at /);
  });

  it.skipIf(!hasRealData)('an unknown ticker names the folder and the closest files', () => {
    const dir = tempDir();
    const file = path.join(dir, 's.yaml');
    writeFileSync(file, 'version: 1\nname: s\nsleeves:\n  ai: { assets: [NVDA, TSMX] }\n');
    const r = sleeves(['run', file, '--data', realDataDir, '--out', dir]);
    // Located where the strategy names it: line 4, column 24 ("  ai: { assets: [NVDA, " is 23 characters).
    expectOneLine(r, 1, /s\.yaml:4:24: no price file for ticker "TSMX" in .*; closest tickers there: TSM/);
  });

  it.skipIf(!hasRealData)('an empty date range states the data span', () => {
    const r = sleeves(['run', 'strategies/seed-barbell.yaml', '--data', realDataDir, '--from', '2030-01-01']);
    expectOneLine(r, 1, /fewer than 2 trading days.*data span/);
  });

  it.skipIf(!hasRealData)('--from after --to', () => {
    const r = sleeves(['run', 'strategies/seed-barbell.yaml', '--data', realDataDir, '--from', '2020-01-01', '--to', '2019-01-01']);
    expectOneLine(r, 1, /--from 2020-01-01 is after --to 2019-01-01/);
  });
});
