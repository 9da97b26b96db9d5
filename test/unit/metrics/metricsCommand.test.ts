import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { registerMetrics } from '../../../src/cli/commands/metrics.js';
import { UserError } from '../../../src/core/errors.js';

const dir = mkdtempSync(path.join(tmpdir(), 'sleeves-metrics-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Four monthly periods; B starts one month later (leading empty cell).
const file = path.join(dir, 'returns.csv');
writeFileSync(file, 'date,A,B\n2024-01-31,0.02,\n2024-02-29,-0.01,0.01\n2024-03-29,0.03,-0.02\n2024-04-30,0.01,0.02\n');

async function run(args: string[]): Promise<{ out: string; err: string }> {
  const program = new Command().exitOverride();
  registerMetrics(program);
  let out = '';
  let err = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
  try {
    await program.parseAsync(['metrics', ...args], { from: 'user' });
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
  return { out, err };
}

describe('sleeves metrics', () => {
  it('--json prints only the documented document, with inferred monthly periods', async () => {
    const { out } = await run([file, '--json', '--benchmark', 'B', '--convention', 'performanceanalytics']);
    const doc = JSON.parse(out);
    expect(Object.keys(doc)).toEqual(['convention', 'periodsPerYear', 'series', 'warnings']);
    expect(doc.convention).toBe('performanceanalytics');
    expect(doc.periodsPerYear).toBe(12);
    expect(doc.series.A.periods).toBe(4);
    expect(doc.series.B.periods).toBe(3); // measured from its first value
    // A: ∏ = 1.02·0.99·1.03·1.01 − 1
    expect(doc.series.A.totalReturn).toBeCloseTo(1.02 * 0.99 * 1.03 * 1.01 - 1, 14);
    // A vs B over the 3 common months: A = −.01, .03, .01; B = .01, −.02, .02
    // beta = Σ(a − ā)(b − b̄) / Σ(b − b̄)², ā = 0.03/3 = 0.01, b̄ = 0.01/3
    const bb = [0.01, -0.02, 0.02];
    const aa = [-0.01, 0.03, 0.01];
    const mb = 0.01 / 3;
    const sxy = aa.reduce((s, a, i) => s + (a - 0.01) * (bb[i]! - mb), 0);
    const syy = bb.reduce((s, b) => s + (b - mb) ** 2, 0);
    expect(doc.series.A.beta).toBeCloseTo(sxy / syy, 12);
    expect(doc.series.B.beta).toBeUndefined();
    expect(JSON.stringify(doc)).not.toMatch(/NaN|Infinity/);
  });

  it('prints an aligned table with series as columns and warnings on stderr', async () => {
    const { out, err } = await run([file, '--periods-per-year', '12']);
    const lines = out.split('\n');
    expect(lines[0]).toContain('convention: standard · periods per year: 12 (given)');
    const row = lines.find((l) => l.startsWith('totalReturn')) as string;
    // A: 1.02·0.99·1.03·1.01 − 1 = 5.05%; B: 1.01·0.98·1.02 − 1 = 0.96%
    expect(row).toMatch(/^totalReturn\s+5\.05%\s+0\.96%$/);
    const header = lines[2] as string;
    const cagrRow = lines.find((l) => l.startsWith('cagr')) as string;
    expect(cagrRow.length).toBe(header.replace(/\u001b\[\d+m/g, '').length); // right-aligned columns
    expect(err).toBe('');
    // A series that never falls: sortino and calmar are null, shown as – (en dash, as in run and compare) with warnings on stderr.
    const up = path.join(dir, 'up.csv');
    writeFileSync(up, 'date,U\n2024-01-31,0.01\n2024-02-29,0.02\n2024-03-29,0.01\n');
    const second = await run([up]);
    expect(second.out.split('\n').find((l) => l.startsWith('sortino'))).toMatch(/^sortino\s+–$/);
    expect(second.err).toContain('warning: U: sortino: null (no periods below MAR)\n');
    expect(second.err).toContain('warning: U: calmar: null (no drawdown)\n');
  });

  it('names an unknown benchmark column', async () => {
    await expect(run([file, '--benchmark', 'SPY'])).rejects.toThrow(new UserError('--benchmark: no column "SPY"; the columns are A, B'));
  });

  it('rejects a bad convention and a bad --periods-per-year', async () => {
    await expect(run([file, '--convention', 'quantstats'])).rejects.toThrow(/--convention: expected standard or performanceanalytics/);
    await expect(run([file, '--periods-per-year', 'x'])).rejects.toThrow(/--periods-per-year: expected a positive number/);
  });
});
