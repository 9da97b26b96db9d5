/**
 * A `method` that names no allocation method at its place is ONE line, in the loader
 * (`strategies validate`, `run`) and for --set / --grid values: unknown (with the closest name), missing, not a string, or a
 * real method not allowed there (a satellite cannot be coreSatellite), each listing exactly the
 * names allowed at that place. The lists are written out by hand from the registry's order.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagnoseStrategy } from '../../../src/strategy/loadStrategy.js';
import { repoRoot, tempDir } from '../../helpers/cli.js';
import { sleevesInProcess } from '../../helpers/inProcessCli.js';

const ALL = 'fixed, equal, inverseVol, riskParity, minVariance, maxDiversification, momentumTopK, hrp, herc, riskBudget, minCvar, minCdar, meanCvar, blackLitterman, coreSatellite, trendFilter, module';
const SATELLITE = 'fixed, equal, inverseVol, riskParity, minVariance, maxDiversification, momentumTopK, hrp, herc, riskBudget, minCvar, minCdar, meanCvar, blackLitterman';

const strategy = (within: string): string =>
  ['version: 1', 'name: x', 'sleeves:', '  growth:', '    assets: [SPY]', '  safety:', '    assets: [TLT, GLD]', '    within:', ...within.split('\n').map((l) => `      ${l}`), ''].join('\n');

/** Every error line of the text; the test expects exactly one. */
function onlyError(text: string): string {
  const { spec, errors } = diagnoseStrategy(text, 'bad.yaml');
  expect(spec).toBeUndefined();
  expect(errors).toHaveLength(1);
  return errors[0]!;
}

describe('one clear line for a bad method', () => {
  it('unknown: the place, the value, the closest name and every name', () => {
    // Line 9 col 7 is the `method` key of sleeves.safety.within (line 1 is `version: 1`).
    expect(onlyError(strategy('method: inverseVolatility\nlookback: 60'))).toBe(
      `bad.yaml:9:7: sleeves.safety.within.method: unknown method "inverseVolatility" (did you mean "inverseVol"?); expected one of ${ALL}`,
    );
  });

  it('no close name: no suggestion', () => {
    expect(onlyError(strategy('method: zzzzzz'))).toBe(`bad.yaml:9:7: sleeves.safety.within.method: unknown method "zzzzzz"; expected one of ${ALL}`);
  });

  it('missing: said so, pointing at the mapping', () => {
    expect(onlyError(strategy('lookback: 60'))).toBe(`bad.yaml:8:5: sleeves.safety.within.method: missing; say which allocation method, expected one of ${ALL}`);
  });

  it('not a string', () => {
    expect(onlyError(strategy('method: 7'))).toBe(`bad.yaml:9:7: sleeves.safety.within.method: unknown method 7 (a name is expected); expected one of ${ALL}`);
  });

  it('a real method where it is not allowed lists the names allowed there', () => {
    const text = strategy('method: coreSatellite\ncore: { TLT: 0.5 }\nsatellite: { method: trendFilter }');
    expect(onlyError(text)).toBe(`bad.yaml:11:20: sleeves.safety.within.satellite.method: method "trendFilter" cannot be used here; expected one of ${SATELLITE}`);
    const typo = strategy('method: coreSatellite\ncore: { TLT: 0.5 }\nsatellite: { method: inversVol }');
    expect(onlyError(typo)).toBe(`bad.yaml:11:20: sleeves.safety.within.satellite.method: unknown method "inversVol" (did you mean "inverseVol"?); expected one of ${SATELLITE}`);
  });

  it('the CLI prints that one line: strategies validate and run, exit 1', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'bad.yaml');
    writeFileSync(file, strategy('method: inverseVolatility'));
    const line = `${file}:9:7: sleeves.safety.within.method: unknown method "inverseVolatility" (did you mean "inverseVol"?); expected one of ${ALL}`;
    const validate = await sleevesInProcess(['strategies', 'validate', file]);
    expect(validate.code).toBe(1);
    expect(validate.stderr.split('\n').filter((l) => l.includes('method'))).toEqual([line]);
    const run = await sleevesInProcess(['run', file, '--out', dir]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`sleeves: ${line}\n`);
    expect(run.stdout).toBe('');
  });

  it('--set and --grid: the same message after the flag', async () => {
    const dir = tempDir();
    const seed = path.join(repoRoot, 'strategies/seed-barbell.yaml');
    const message = `allocation.within.method: unknown method "inverseVolatility" (did you mean "inverseVol"?); expected one of ${ALL}`;
    const set = await sleevesInProcess(['run', seed, '--set', 'allocation.within.method=inverseVolatility', '--out', dir]);
    expect(set.code).toBe(1);
    expect(set.stderr).toBe(`sleeves: --set allocation.within.method=inverseVolatility: ${message}\n`);
    const grid = await sleevesInProcess(['sweep', seed, '--grid', 'allocation.within.method=equal,inverseVolatility', '--workers', '1', '--out', dir]);
    expect(grid.code).toBe(1);
    expect(grid.stderr).toBe(`sleeves: --grid allocation.within.method=inverseVolatility: ${message}\n`);
  });
});
