import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { registerData } from '../../../src/cli/commands/data.js';
import { UserError } from '../../../src/core/errors.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const broken = path.join(repoRoot, 'test/fixtures/broken');
const sample = path.join(repoRoot, 'data/sample');
const tmp = mkdtempSync(path.join(tmpdir(), 'sleeves-datacmd-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
afterEach(() => {
  vi.restoreAllMocks();
  process.exitCode = undefined;
});

/** Runs `sleeves data ...args` in-process; returns stdout, stderr and the exit code set. */
async function run(...args: string[]): Promise<{ out: string; err: string; code: number | undefined }> {
  let out = '';
  let err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => ((out += String(s)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => ((err += String(s)), true));
  const program = new Command().exitOverride().configureOutput({ writeOut: (s) => (out += s), writeErr: (s) => (err += s) });
  registerData(program);
  process.exitCode = undefined;
  await program.parseAsync(['data', ...args], { from: 'user' });
  const code = typeof process.exitCode === 'number' ? process.exitCode : undefined;
  return { out, err, code };
}

describe('sleeves data', () => {
  it('sample writes the same bytes as the committed sample', async () => {
    const out = path.join(tmp, 'sample');
    const r = await run('sample', '--out', out);
    expect(r.err).toBe(`wrote 50 SYNTHETIC price files, manifest.json and README.md to ${out} (seed 20250204)\n`);
    for (const f of ['NVDA.csv', 'IDX_HSI.csv', 'manifest.json']) expect(readFileSync(path.join(out, f), 'utf8')).toBe(readFileSync(path.join(sample, f), 'utf8'));
    await expect(run('sample', '--seed', 'x', '--out', out)).rejects.toThrow(new UserError('--seed: got "x", expected a whole number'));
  });

  it('validate prints one line per file, the findings, a summary, and exits 1 on errors', async () => {
    const r = await run('validate', path.join(broken, 'zero-price.csv'), path.join(broken, 'bom.csv'));
    expect(r.out).toBe(
      'ERROR  zero-price.csv  2 rows  2020-01-02..2020-01-06  close  (1 nonPositive)\n' +
        '       error: zero-price.csv:3: close is 0, expected a price > 0\n' +
        'ok     bom.csv  2 rows  2020-01-02..2020-01-03  close\n' +
        '2 files: 1 ok, 0 with warnings, 1 with errors\n',
    );
    expect(r.code).toBe(1);
    const ok = await run('validate', sample, '--json');
    expect(JSON.parse(ok.out)).toHaveLength(50);
    expect(ok.code).toBeUndefined();
  });

  it('validate applies --severity and rejects a bad one', async () => {
    const r = await run('validate', path.join(broken, 'zero-price.csv'), '--severity', 'nonPositive=warning');
    expect(r.out).toMatch(/^WARN {3}zero-price\.csv/);
    expect(r.code).toBeUndefined();
    await expect(run('validate', broken, '--severity', 'gaps=off')).rejects.toThrow(/--severity: unknown kind "gaps", expected one of header, fieldCount/);
    await expect(run('validate', broken, '--severity', 'gap=loud')).rejects.toThrow(/--severity: "gap=loud" has level "loud", expected error, warning or off/);
  });

  it('list shows the synthetic banner and one row per file', async () => {
    const r = await run('list', sample);
    const lines = r.out.trimEnd().split('\n');
    expect(lines[0]).toBe(`${sample}: SYNTHETIC sample data (generated, not market prices)`);
    expect(lines[1]).toMatch(/^ticker\s+file\s+rows\s+start\s+end\s+price\s+ccy\s+format$/);
    expect(lines.find((l) => l.startsWith('^HSI '))).toMatch(/^\^HSI\s+IDX_HSI\.csv\s+\d+\s+2012-01-03\s+2025-12-31\s+close\s+HKD\s+plain$/); // HKD (changed: was USD)
    expect(lines.at(-1)).toBe('50 files');
  });

  it('show prints a series and suggests close tickers for a typo', async () => {
    const r = await run('show', 'GC=F', '--data', sample, '--tail', '2');
    expect(r.out).toMatch(/^GC=F {2}.*GC_F\.csv {2}\(SYNTHETIC sample data\)\n {2}format plain, price column close, \d+ rows, 2012-01-03 to 2025-12-31\n/);
    expect(r.out).toMatch(/ {2}last 2 rows:\n {4}2025-12-30 {2}[\d.]+\n {4}2025-12-31 {2}[\d.]+\n$/);
    await expect(run('show', 'GC=X', '--data', sample)).rejects.toThrow(/no price file for ticker "GC=X" .*closest tickers there: GC=F/);
  });
});
