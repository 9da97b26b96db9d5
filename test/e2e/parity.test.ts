/**
 * One path, one truth: for every seed strategy (china-ai-leaders in USD and in local currency,
 * and a strategy with a user module), `sweep` (a one-point grid), `compare`, `rerun` and `robust`
 * (its full run, and each leave-one-out row against `run` of the reduced strategy file) report
 * the figures `run` reports for the same spec, to 1e-12. Commands run in-process through the
 * built CLI's main() (the same code as bin/sleeves.js); real prices, skipped without them.
 */
import { copyFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasRealData, realDataDir, repoRoot, tempDir } from '../helpers/cli.js';
import { sleevesInProcess } from '../helpers/inProcessCli.js';

const FROM = '2021-01-04';
const TO = '2023-06-30';
const KEYS = ['cagr', 'annualizedVolatility', 'sharpe', 'sortino', 'maxDrawdown', 'calmar', 'totalReturn'] as const;

interface Case {
  name: string;
  file: string;
  set: string[];
}

function seedCases(): Case[] {
  const files = readdirSync(path.join(repoRoot, 'strategies')).filter((f) => f.endsWith('.yaml')).sort();
  const cases: Case[] = files.map((f) => ({ name: f, file: path.join('strategies', f), set: [] }));
  cases.push({ name: 'china-ai-leaders.yaml in local currency', file: 'strategies/china-ai-leaders.yaml', set: ['--set', 'currency.base=local'] });
  return cases;
}

/**
 * A US and a Hong Kong name: leaving either out changes the union calendar (HK and US holidays
 * differ), so each leave-one-out row must run on the reduced strategy's own panel.
 */
function twoMarketCase(): Case {
  const file = path.join(tempDir('sleeves-parity-two-markets-'), 'two-markets.yaml');
  writeFileSync(
    file,
    ['version: 1', 'name: two-markets', 'sleeves:', '  us: { assets: [SPY] }', "  hk: { assets: ['0700.HK'] }", 'rebalance: { schedule: monthly }', 'costs: { bps: 5 }', ''].join('\n'),
  );
  return { name: 'a US + Hong Kong strategy (calendars differ)', file, set: [] };
}

/** A strategy whose AI sleeve is allocated by a user module, written with real tickers. */
function moduleCase(): Case {
  const dir = tempDir('sleeves-parity-module-');
  copyFileSync(path.join(repoRoot, 'test/fixtures/modules/positive-trend.mjs'), path.join(dir, 'positive-trend.mjs'));
  const file = path.join(dir, 'module-real.yaml');
  writeFileSync(
    file,
    [
      'version: 1',
      'name: module-real',
      'sleeves:',
      '  ai_leaders:',
      '    assets: [NVDA, MSFT, GOOGL]',
      '    within: { method: module, module: ./positive-trend.mjs, params: { rows: 20 }, lookback: 40, fallback: [equal] }',
      '  gold: { assets: [GLD] }',
      'allocation: { across: { method: fixed, weights: { ai_leaders: 0.7, gold: 0.3 } } }',
      'rebalance: { schedule: weekly }',
      'costs: { bps: 5 }',
      'benchmark: SPY',
      '',
    ].join('\n'),
  );
  return { name: 'a module strategy', file, set: [] };
}

async function cli(args: string[]): Promise<string> {
  const r = await sleevesInProcess(args);
  if (r.code !== 0) throw new Error(`sleeves ${args.join(' ')} exited ${r.code}: ${r.stderr}`);
  return r.stdout;
}

function expectClose(actual: number | null | undefined, expected: number | null | undefined, what: string): void {
  if (expected === null || expected === undefined) {
    expect(actual ?? null, what).toBeNull();
    return;
  }
  expect(actual, what).not.toBeNull();
  expect(Math.abs(actual! - expected), `${what}: ${actual} vs ${expected}`).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(expected)));
}

describe.skipIf(!hasRealData)('parity: every command reports the figures of `run` for the same spec', () => {
  const cases = hasRealData ? [...seedCases(), moduleCase(), twoMarketCase()] : [];

  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const out = tempDir('sleeves-parity-');
    const common = ['--data', realDataDir, '--from', FROM, '--to', TO, '--out', out];
    const run = JSON.parse(await cli(['run', c.file, ...common, ...c.set, '--json', '--no-html', '--quiet']));
    const metrics = run.metrics as Record<string, number | null>;
    // The one run folder: OUT/<strategy>/<run-id>/ (beside OUT/catalog.sqlite).
    const slugDir = path.join(out, readdirSync(out).find((f) => !f.startsWith('catalog.sqlite'))!);
    const runFolder = path.join(slugDir, readdirSync(slugDir)[0]!);

    // sweep: a one-point grid that sets the strategy's own cost.
    const bps = run.strategy.spec.costs.bps as number;
    const sweep = JSON.parse(await cli(['sweep', c.file, ...common, ...c.set, '--grid', `costs.bps=${bps}`, '--workers', '1', '--json', '--quiet']));
    const variant = sweep.top[0].values as Record<string, number | null>;
    for (const k of KEYS) expectClose(variant[k], metrics[k], `sweep ${k}`);

    // compare: the strategy file run on the fly beside the run's own folder.
    // (--allow-modules: compare runs a module strategy only with the user's consent.)
    const comparison = JSON.parse(await cli(['compare', c.file, runFolder, ...common, ...c.set, '--allow-modules', '--json', '--quiet']));
    for (const row of comparison.rows as { key: string; values: (number | null)[] }[]) {
      expectClose(row.values[0], row.values[1], `compare ${row.key}`);
      if (row.key in metrics) expectClose(row.values[0], metrics[row.key], `compare ${row.key} vs run`);
    }

    // rerun: every value of report.json identical.
    const rerun = JSON.parse(await cli(['rerun', runFolder, '--json']));
    expect(rerun.identical, JSON.stringify(rerun.differences?.slice(0, 3))).toBe(true);

    // robust: the full run, then each leave-one-out row against `run` of the reduced file.
    const robust = JSON.parse(await cli(['robust', c.file, ...common, ...c.set, '--paths', '1', '--workers', '1', '--no-html', '--json', '--quiet']));
    for (const k of ['cagr', 'sharpe', 'maxDrawdown', 'totalReturn'] as const) expectClose(robust.full[k], metrics[k], `robust full ${k}`);
    await checkLeaveOneOut(c, run, robust, ['--data', realDataDir, '--out', out]);
  }, 180_000); // the linear programs of min-cdar-barbell make its commands take about 35 s here
});

/** Each leave-one-out row that ran equals `run` of the strategy written without that asset or sleeve. */
async function checkLeaveOneOut(
  c: Case,
  run: { strategy: { spec: Record<string, unknown> }; period: { start: string; end: string } }, robust: { leaveOneOut: { kind: string; name: string; figures: Record<string, number | null> | null }[] }, common: string[]): Promise<void> {
  const { withoutAsset, withoutSleeve } = await import('../../src/robust/dropFromStrategy.js');
  const dir = tempDir('sleeves-parity-loo-');
  for (const row of robust.leaveOneOut) {
    if (row.figures === null) continue;
    const spec = run.strategy.spec as unknown as Parameters<typeof withoutAsset>[0];
    const variant = row.kind === 'asset' ? withoutAsset(spec, row.name) : withoutSleeve(spec, row.name);
    if (variant === null) throw new Error(`${row.name}: robust ran a row that leaves nothing`);
    // The reduced strategy as a file, copied beside any module it names, run over the full run's period.
    const file = path.join(dir, `${row.kind}-${row.name.replace(/[^A-Za-z0-9]/g, '_')}.json`);
    writeFileSync(file, JSON.stringify({ ...variant.spec, period: { from: run.period.start, to: run.period.end } }));
    // --allow-module-path: the reduced file lies elsewhere than the module it names.
    const reduced = JSON.parse(await cli(['run', file, ...common, '--allow-module-path', '--json', '--no-html', '--quiet']));
    for (const k of ['cagr', 'sharpe', 'maxDrawdown', 'totalReturn'] as const) expectClose(row.figures[k], reduced.metrics[k], `leave-one-out ${row.kind} ${row.name} ${k} (${c.name})`);
  }
}
