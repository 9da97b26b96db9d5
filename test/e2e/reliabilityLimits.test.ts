/**
 * Limits family: strategy files above the stated limits (1 MiB, 65,536 characters a line,
 * 1,000 sleeves, 10,000 tickers; docs/security.md) give one line before the expensive work;
 * the largest legal file validates; a from > to period in the file names the file's keys;
 * metrics of a return of 1e308 are null naming the overflow, never a Sharpe of 0.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { STRATEGY_LIMITS } from '../../src/strategy/strategyLimits.js';
import { sleeves, tempDir, type CliResult } from '../helpers/cli.js';

/** Exit 1 and one error line (besides `strategies validate`'s closing count of failed files). */
function expectUserLine(r: CliResult, pattern: RegExp): void {
  expect(r.code).toBe(1);
  const lines = r.stderr.trimEnd().split('\n').filter((l) => !/^sleeves: \d+ of \d+ strategy files failed validation$/.test(l));
  expect(lines).toHaveLength(1);
  expect(r.stderr).toMatch(pattern);
}

/** A strategy with `n` sleeves of `k` tickers each, every sleeve on its own block lines. */
function manySleeves(n: number, k: number): string {
  const lines = ['version: 1', 'name: many', 'sleeves:'];
  for (let i = 0; i < n; i++) lines.push(`  s${i}:`, `    assets: [${Array.from({ length: k }, (_, j) => `T${i}X${j}`).join(', ')}]`);
  return `${lines.join('\n')}\n`;
}

describe('strategy file limits', () => {
  const dir = tempDir();
  const write = (name: string, text: string): string => {
    const file = path.join(dir, name);
    writeFileSync(file, text);
    return file;
  };

  it('a 50 MB file is refused from its size, before it is read (it peaked at 2.3 GB)', () => {
    const file = write('huge.yaml', `# ${'x'.repeat(50 * 1024 * 1024)}\n`);
    expectUserLine(sleeves(['strategies', 'validate', file]), /huge\.yaml: 52428803 bytes, more than the limit of 1048576 bytes \(1 MiB\) for a strategy file/);
  });

  it('a line of 70,000 characters', () => {
    const file = write('long.yaml', `version: 1\nname: ${'n'.repeat(70_000)}\n`);
    // Line 2: "name: " (6) + 70,000 = 70,006 characters.
    expectUserLine(sleeves(['strategies', 'validate', file]), /long\.yaml:2: 70006 characters on one line, more than the limit of 65536/);
  });

  it('1,001 sleeves, and 10,010 distinct tickers', () => {
    expectUserLine(sleeves(['strategies', 'validate', write('s.yaml', manySleeves(STRATEGY_LIMITS.sleeves + 1, 1))]), /s\.yaml:3:1: sleeves: 1001 sleeves, more than the limit of 1000/);
    // 91 sleeves × 110 tickers = 10,010 distinct tickers > 10,000.
    expectUserLine(sleeves(['strategies', 'validate', write('t.yaml', manySleeves(91, 110))]), /t\.yaml:3:1: sleeves: 10010 distinct tickers, more than the limit of 10000/);
  });

  it('the largest legal shape validates: 1,000 sleeves × 10 tickers (10,000 tickers)', () => {
    const r = sleeves(['strategies', 'validate', write('max.yaml', manySleeves(1000, 10))]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/max\.yaml {2}\(many: 1000 sleeves\)/);
  });

  it('period.from after period.to in the file names the file, line and keys (not --from/--to)', () => {
    const file = write('p.yaml', 'version: 1\nname: p\nsleeves:\n  a: { assets: [SPY] }\nperiod: { from: 2020-01-01, to: 2019-01-01 }\n');
    expectUserLine(sleeves(['run', file, '--out', dir]), /p\.yaml:5:\d+: period\.to: period\.from 2020-01-01 is after period\.to 2019-01-01; expected from ≤ to/);
    const good = write('q.yaml', 'version: 1\nname: q\nsleeves:\n  a: { assets: [SPY] }\nperiod: { to: 2019-01-01 }\n');
    expectUserLine(sleeves(['run', good, '--from', '2020-01-01', '--out', dir]), /--from 2020-01-01 is after the strategy's period\.to 2019-01-01/);
  });
});

describe('metrics of a return of 1e308', () => {
  it('second-moment figures are null naming the overflow; totals print in exponent form, not Infinity%', () => {
    const dir = tempDir();
    const file = path.join(dir, 'r.csv');
    writeFileSync(file, 'date,r\n2020-01-01,0.01\n2020-01-02,1e308\n2020-01-03,0.02\n2020-01-06,-0.01\n');
    const json = sleeves(['metrics', file, '--json']);
    expect(json.code).toBe(0);
    const doc = JSON.parse(json.stdout);
    const m = doc.series.r;
    expect(m.sharpe).toBeNull(); // it was 0 (mean / ∞)
    expect(m.annualizedVolatility).toBeNull();
    expect(m.skewness).toBeNull();
    // Mean (0.01 + 1e308 + 0.02 − 0.01) / 4 = 2.5e307, still finite and reported.
    expect(m.meanReturn).toBe(2.5e307);
    expect(doc.warnings).toContain('r: sharpe: null (a return of 1.00e+308 overflows double precision in this formula)');
    expect(doc.warnings.join('\n')).not.toMatch(/needs at least|zero volatility/); // the old contradictory reasons
    const table = sleeves(['metrics', file]);
    expect(table.stdout).not.toMatch(/Infinity/);
    expect(table.stdout).toMatch(/meanReturn\s+2\.50e\+309%/); // 2.5e307 × 100
  });
});
