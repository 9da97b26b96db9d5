/**
 * `sleeves frontier` on real prices (skipped without them): every mix's figures equal `sleeves
 * run` of the strategy written by hand with that fixed sleeve mix, the strategy as written equals
 * its own run, and the efficient flags equal a naive dominance check.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { hasRealData, realDataDir, repoRoot, tempDir } from '../helpers/cli.js';
import { sleevesInProcess } from '../helpers/inProcessCli.js';

const KEYS = ['cagr', 'annualizedVolatility', 'sharpe', 'maxDrawdown', 'totalReturn'] as const;

async function cli(args: string[]): Promise<string> {
  const r = await sleevesInProcess(args);
  if (r.code !== 0) throw new Error(`sleeves ${args.join(' ')} exited ${r.code}: ${r.stderr}`);
  return r.stdout;
}

describe.skipIf(!hasRealData)('sleeves frontier (real data)', () => {
  it('each mix equals run of the strategy with that fixed mix; efficient flags by a naive check', async () => {
    const out = tempDir('sleeves-frontier-');
    const common = ['--data', realDataDir, '--from', '2019-01-02', '--to', '2023-12-29', '--out', out];
    // 4 sleeves in steps of 0.5: C(2 + 3, 3) = 10 mixes.
    const report = JSON.parse(await cli(['frontier', 'strategies/seed-barbell.yaml', ...common, '--step', '0.5', '--json', '--quiet']));
    expect(report.grid.mixes).toBe(10);
    expect(report.mixes).toHaveLength(10);
    const run = JSON.parse(await cli(['run', 'strategies/seed-barbell.yaml', ...common, '--json', '--no-html', '--quiet', '--no-catalog']));
    for (const k of KEYS) expect(Math.abs(report.asWritten.metrics[k] - run.metrics[k])).toBeLessThanOrEqual(1e-12);

    // Two mixes, each written as a strategy file with allocation.across fixed by hand.
    const base = parse(readFileSync(path.join(repoRoot, 'strategies/seed-barbell.yaml'), 'utf8')) as Record<string, Record<string, unknown>>;
    for (const i of [0, 6]) {
      const mix = report.mixes[i];
      const file = path.join(out, `mix-${i}.yaml`);
      writeFileSync(file, stringify({ ...base, allocation: { ...base['allocation'], across: { method: 'fixed', weights: mix.weights } } }));
      const own = JSON.parse(await cli(['run', file, ...common, '--json', '--no-html', '--quiet', '--no-catalog']));
      for (const k of KEYS) {
        const a = mix.metrics[k] as number;
        expect(Math.abs(a - own.metrics[k]), `mix ${i} ${k}`).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(a)));
      }
    }

    // Efficient: no other mix with CAGR ≥ and risk ≤, one strictly.
    for (const [flag, risk] of [['volatility', 'annualizedVolatility'], ['drawdown', 'maxDrawdown']] as const) {
      const pts = report.mixes.map((m: { metrics: Record<string, number> }) => ({ c: m.metrics['cagr']!, r: m.metrics[risk]! }));
      const naive = pts.map((p: { c: number; r: number }, i: number) => !pts.some((q: { c: number; r: number }, j: number) => j !== i && q.c >= p.c && q.r <= p.r && (q.c > p.c || q.r < p.r)));
      expect(report.mixes.map((m: { efficient: Record<string, boolean> }) => m.efficient[flag])).toEqual(naive);
    }
  }, 120_000);
});
