/**
 * Silent-acceptance family: `run` (not only `data validate`) reports a 100× jump, a 9999-12-31
 * row, a hex price and a subnormal price in its warnings, naming file and line; --strict stops
 * at the first; a minWeight that empties every decision is named once, with its decision count.
 */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, sleeves, tempDir } from '../helpers/cli.js';

const sample = path.join(repoRoot, 'data/sample');

describe('price sanity in run', () => {
  const dir = tempDir();
  const data = path.join(dir, 'data');
  mkdirSync(data);
  writeFileSync(path.join(data, 'SPY.csv'), 'date,close\n2020-01-02,10\n2020-01-03,1000\n2020-01-06,0x10\n2020-01-07,5e-310\n9999-12-31,11\n');
  copyFileSync(path.join(sample, 'TLT.csv'), path.join(data, 'TLT.csv'));
  const file = path.join(dir, 's.yaml');
  writeFileSync(file, 'version: 1\nname: s\nsleeves:\n  a: { assets: [SPY] }\n  b: { assets: [TLT] }\n');

  it('each finding is a warning of the report naming SPY.csv and its line (exit 0)', () => {
    // SPY's rows after 2020-01-07 are one bogus 9999-12-31 row: over TLT's span SPY has no price
    // on the period's last row, and the run refuses that period (honest windows), so it ends
    // where SPY still trades. The 9999-12-31 row is reported all the same.
    expect(sleeves(['run', file, '--data', data, '--out', dir, '--no-html']).stderr).toMatch(/SPY: prices from 2020-01-02 to 9999-12-31, covers/);
    const r = sleeves(['run', file, '--data', data, '--out', dir, '--json', '--no-html', '--to', '2020-01-07']);
    expect(r.code).toBe(0);
    const warnings = (JSON.parse(r.stdout).warnings as string[]).filter((w) => w.includes('price sanity:'));
    expect(warnings).toHaveLength(4);
    expect(warnings[0]).toMatch(/^SPY\.csv:3: price sanity: one-day move of \+9900\.0% on 2020-01-03/); // 1000 / 10 − 1
    expect(warnings).toContain('SPY.csv:6: price sanity: 9999-12-31 is after today (' + new Date().toISOString().slice(0, 10) + '), expected dates up to today');
    expect(warnings).toContain('SPY.csv:5: price sanity: price 5e-310 is a subnormal number (below 2.2250738585072014e-308), expected a price');
    expect(warnings).toContain('SPY.csv:4: price sanity: "0x10" is not a decimal number, expected a price such as 123.45');
  });

  it('--strict: exit 1 with the first finding', () => {
    const r = sleeves(['run', file, '--data', data, '--out', dir, '--strict', '--to', '2020-01-07']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^sleeves: SPY\.csv:3: price sanity: one-day move of \+9900\.0% .* \(--strict makes price sanity findings errors\)\n$/);
  });
});

describe('constraints that leave only cash', () => {
  it('minWeight 0.8 on two equal sleeves: one warning naming minWeight and the decisions it emptied', () => {
    const dir = tempDir();
    const file = path.join(dir, 'c.yaml');
    writeFileSync(file, 'version: 1\nname: c\nsleeves:\n  a: { assets: [SPY] }\n  b: { assets: [TLT] }\nallocation:\n  acrossConstraints: { minWeight: 0.8 }\n');
    const r = sleeves(['run', file, '--out', dir, '--json', '--no-html']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    const w = (report.warnings as string[]).filter((x) => x.includes('minWeight'));
    expect(w).toHaveLength(1);
    expect(w[0]).toMatch(/^across sleeves: minWeight drops every held position \(the largest is 0\.5000, below its floor 0\.8\): the weight goes to cash; lower minWeight \(at \d+ decisions, /);
    expect(report.metrics.cagr).toBe(0); // all cash, as the warning says
  });
});
