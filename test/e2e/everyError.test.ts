/**
 * Issue #11 through the built CLI: every missing ticker in one error, `strategies validate`
 * listing every error of every file (and, with --data, every missing or too-short price file),
 * `metrics` refusing prices unless --prices, and a YAML alias bomb as a fast user error.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasRealData, realDataDir, sleeves, tempDir } from '../helpers/cli.js';

const BOMB = 'test/fixtures/strategies/alias-bomb.yaml';

function strategy(dir: string, name: string, text: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
}

describe('every missing ticker at once', () => {
  it('run names each missing ticker with its strategy line and the closest files', () => {
    const dir = tempDir();
    const file = strategy(dir, 's.yaml', 'version: 1\nname: s\nsleeves:\n  ai: { assets: [NVDA, NVDX, TSMX] }\n  gold: { assets: [GLDD] }\nbenchmark: SPYY\n');
    const r = sleeves(['run', file, '--data', 'data/sample', '--out', dir, '--no-html']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trim().split('\n');
    expect(lines[0]).toBe(`sleeves: ${file}: 4 tickers have no price file in data/sample: NVDX, TSMX, GLDD, SPYY`);
    // "  ai: { assets: [NVDA, " is 23 characters, so NVDX is at column 24 and TSMX at 30;
    // "  gold: { assets: [" is 19 (GLDD at 20); "benchmark: " is 11 (SPYY at 12).
    // Closest (closestNames: containment first, then ≤ max(2, ⌊length/2⌋) = 2 edits): NVDX→NVDA (1);
    // TSMX→TSM (contains), USMV (2); GLDD→GLD (contains), GD (2 deletions); SPYY→SPY (contains), SHY (2).
    expect(lines.slice(1)).toEqual([
      `  ${file}:4:24: NVDX (expected data/sample/NVDX.csv); closest tickers there: NVDA`,
      `  ${file}:4:30: TSMX (expected data/sample/TSMX.csv); closest tickers there: TSM, USMV`,
      `  ${file}:5:20: GLDD (expected data/sample/GLDD.csv); closest tickers there: GLD, GD`,
      `  ${file}:6:12: SPYY (expected data/sample/SPYY.csv); closest tickers there: SPY, SHY`,
    ]);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('a missing FX file', () => {
  it('names the FX file and what it converts, exit 1', () => {
    const dir = tempDir();
    const data = path.join(dir, 'prices');
    mkdirSync(data);
    // A Hong Kong listing needs USDHKD.csv to be converted to USD; the folder has no FX file.
    writeFileSync(path.join(data, '0700.HK.csv'), 'date,close\n2024-01-02,300\n2024-01-03,301\n2024-01-04,302\n');
    const file = strategy(dir, 'hk.yaml', "version: 1\nname: hk\nsleeves:\n  hk: { assets: ['0700.HK'] }\n");
    const r = sleeves(['run', file, '--data', data, '--out', dir, '--no-html']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`sleeves: ${path.join(data, 'USDHKD.csv')}: no FX file, needed to convert 0700.HK to USD (rates as units of local currency per USD); add it, or set currency.base: local\n`);
  });
});

describe('strategies validate', () => {
  it('checks every file, lists every error, prints ok per good file and exits 1', () => {
    const dir = tempDir();
    const bad = strategy(dir, 'bad.yaml', 'version: 1\nname: bad\nsleeves:\n  a: { assets: [SPY] }\nrebalanse: monthly\ncosts: { bps: five }\n');
    const missing = path.join(dir, 'missing.yaml');
    const r = sleeves(['strategies', 'validate', bad, 'strategies/sixty-forty.yaml', missing, 'strategies/seed-barbell.yaml']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(6);
    expect(lines[0]).toMatch(new RegExp(`^${bad}:5:1: unknown key "rebalanse" \\(did you mean "rebalance"\\?\\)`));
    expect(lines[1]).toBe(`${bad}:6:10: costs.bps: expected number, received string (got "five")`);
    expect(lines[2]).toMatch(/^ok {2}strategies\/sixty-forty\.yaml {2}\(sixty-forty: \d+ sleeves\)$/);
    expect(lines[3]).toBe(`${missing}: cannot read the strategy file (does it exist?)`);
    expect(lines[4]).toMatch(/^ok {2}strategies\/seed-barbell\.yaml/);
    expect(lines[5]).toBe('sleeves: 2 of 4 strategy files failed validation');
  });

  it('--json lists {file, ok, errors} per file', () => {
    const dir = tempDir();
    const bad = strategy(dir, 'bad.yaml', 'version: 1\nname: bad\nsleeves:\n  a: { assets: [SPY] }\nrebalanse: monthly\n');
    const r = sleeves(['strategies', 'validate', bad, 'strategies/sixty-forty.yaml', '--json']);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as { file: string; ok: boolean; errors: string[] }[];
    expect(out.map((f) => [f.file, f.ok, f.errors.length])).toEqual([
      [bad, false, 1],
      ['strategies/sixty-forty.yaml', true, 0],
    ]);
    expect(r.stderr).toBe('sleeves: 1 of 2 strategy files failed validation\n');
  });

  it('--data checks tickers, FX files and the stated period', () => {
    const dir = tempDir();
    const data = path.join(dir, 'prices');
    const copy = (t: string) => writeFileSync(path.join(data, `${t}.csv`), readFileSync(`data/sample/${t}.csv`));
    mkdirSync(data);
    for (const t of ['SPY', 'TLT', '0700.HK']) copy(t);
    // The sample spans 2012-01-03 to 2025-12-31: from 2000 is not covered; USDHKD is absent.
    const file = strategy(dir, 's.yaml', 'version: 1\nname: s\nsleeves:\n  eq: { assets: [SPY, 0700.HK] }\n  bonds: { assets: [TLT, IEFF] }\nperiod: { from: 2000-01-01 }\n');
    const r = sleeves(['strategies', 'validate', file, 'strategies/sixty-forty.yaml', '--data', data]);
    expect(r.code).toBe(1);
    const lines = r.stderr.trim().split('\n');
    // "  bonds: { assets: [TLT, " is 25 characters: IEFF at 26; "  eq: { assets: [SPY, " is 22: 0700.HK at 23.
    expect(lines[0]).toBe(`${file}:5:26: no price file for ticker "IEFF" in ${data} (expected ${path.join(data, 'IEFF.csv')}); no close match; run "sleeves data list ${data}"`);
    expect(lines[1]).toMatch(new RegExp(`^${file}:4:23: no price file for ticker "USDHKD" in .*; it holds the FX rates \\(local currency per USD\\) that convert 0700\\.HK to USD`));
    expect(lines[2]).toBe(`${file}:4:18: SPY has prices from 2012-01-03 to 2025-12-31 (${path.join(data, 'SPY.csv')}), which does not cover period.from 2000-01-01`);
    expect(lines.filter((l) => l.includes('does not cover'))).toHaveLength(3); // SPY, 0700.HK, TLT
    expect(lines.some((l) => l.startsWith('ok  strategies/sixty-forty.yaml'))).toBe(true);
    expect(lines[lines.length - 1]).toBe('sleeves: 1 of 2 strategy files failed validation');
  });

  it('--data with a folder that does not exist is one line', () => {
    const r = sleeves(['strategies', 'validate', 'strategies/sixty-forty.yaml', '--data', 'no/such/dir']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('sleeves: --data: folder "no/such/dir" does not exist, expected a folder of price files (e.g. data/sample)\n');
  });
});

describe.skipIf(!hasRealData)('strategies validate --data agrees with run on the period', () => {
  it('refuses what run refuses: GLD starts 2004-11-18, six days after period.from 2004-11-12', () => {
    const dir = tempDir();
    const file = strategy(dir, 'early.yaml', 'version: 1\nname: early\nsleeves:\n  a: { assets: [NVDA, GLD] }\nperiod: { from: 2004-11-12 }\n');
    const validate = sleeves(['strategies', 'validate', file, '--data', realDataDir]);
    const run = sleeves(['run', file, '--data', realDataDir, '--out', dir, '--no-html', '--quiet']);
    expect([validate.code, run.code]).toEqual([1, 1]);
    // The run's refusal (after "sleeves: ") is the validation's error (after "FILE: ").
    const refusal = run.stderr.replace(/^sleeves: /, '');
    expect(validate.stderr).toContain(`${file}: ${refusal}`);
    expect(refusal).toMatch(/^period 2004-11-12 to \d{4}-\d\d-\d\d: 1 of 2 tickers have no price over part of it/);
    // With data.lateStart: redistribute both accept it.
    writeFileSync(file, readFileSync(file, 'utf8') + 'data: { lateStart: redistribute }\n');
    expect(sleeves(['strategies', 'validate', file, '--data', realDataDir]).code).toBe(0);
  });
});

describe('a YAML alias bomb', () => {
  for (const args of [['run', BOMB, '--data', 'data/sample'], ['strategies', 'validate', BOMB]]) {
    it(`is a user error, one line, fast: sleeves ${args.slice(0, 2).join(' ')}`, () => {
      const started = performance.now();
      const r = sleeves(args);
      // Expanding it would build 9^9 strings; refused after 100 alias expansions, so the whole
      // process (Node start included) ends in well under 5 s.
      expect(performance.now() - started).toBeLessThan(5000);
      expect(r.code).toBe(1);
      const lines = r.stderr.trim().split('\n');
      const message = `${BOMB}: YAML aliases expand too far (more than 100 alias expansions, as in an alias bomb); write the values out instead of nesting aliases`;
      if (args[0] === 'run') expect(lines).toEqual([`sleeves: ${message}`]);
      else expect(lines).toEqual([message, 'sleeves: 1 of 1 strategy files failed validation']);
    });
  }
});

describe('metrics on prices', () => {
  it('refuses a price file with one line naming the file and column, and --prices converts it', () => {
    const refused = sleeves(['metrics', 'data/sample/SPY.csv']);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr.trim().split('\n')).toHaveLength(1);
    expect(refused.stderr).toMatch(/^sleeves: data\/sample\/SPY\.csv: column "close" looks like prices, not returns \(.*\); run again with --prices/);
    const r = sleeves(['metrics', 'data/sample/SPY.csv', '--prices', '--json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { series: Record<string, { periods: number; totalReturn: number }> };
    const rows = readFileSync('data/sample/SPY.csv', 'utf8').trim().split('\n').slice(1).map((l) => Number(l.split(',')[1]));
    // Simple returns compound back to the price ratio: ∏(p_t/p_{t−1}) − 1 = p_last/p_first − 1.
    expect(doc.series['SPY']!.periods).toBe(rows.length - 1);
    expect(doc.series['SPY']!.totalReturn).toBeCloseTo(rows[rows.length - 1]! / rows[0]! - 1, 10);
  });

  it.skipIf(!hasRealData)('on a real Yahoo-style file, --prices measures the adjusted close', () => {
    const file = path.join(realDataDir, 'SPY.csv');
    const refused = sleeves(['metrics', file]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/column "adj_close" looks like prices, not returns \(the header names a price table/);
    const r = sleeves(['metrics', file, '--prices', '--json']);
    expect(r.code).toBe(0);
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    const adj = lines[0]!.split(',').indexOf('adj_close');
    const first = Number(lines[1]!.split(',')[adj]);
    const last = Number(lines[lines.length - 1]!.split(',')[adj]);
    const doc = JSON.parse(r.stdout) as { series: Record<string, { totalReturn: number }> };
    expect(doc.series['SPY']!.totalReturn).toBeCloseTo(last / first - 1, 8);
  });
});
