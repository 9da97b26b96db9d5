/**
 * Every command's machine and plain output (docs/cli-output.md): with --json, stdout is one JSON
 * document and nothing else (checked by JSON.parse of the whole stdout, plus the documented top
 * keys); with NO_COLOR=1 or --no-color, no escape sequence (ESC) reaches stdout or stderr even
 * on a terminal (simulated: isTTY set on both streams), while without them the same terminal
 * gets colours (the control that shows the check can fail). Runs the built CLI in-process on
 * the synthetic sample, on short periods to stay fast.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { repoRoot, tempDir } from '../helpers/cli.js';
import { sleevesInProcess } from '../helpers/inProcessCli.js';

const ESC = '\x1b';
// The colour library decides once, when first loaded, whether it may colour at all (its own
// terminal check sees the test's pipes); the CLI's --no-color / NO_COLOR / isTTY checks are
// what is under test, so the library is told it may.
process.env['FORCE_COLOR'] = '1';
const out = tempDir('sleeves-output-');
const seed = path.join(repoRoot, 'strategies/seed-barbell.yaml');
const sixty = path.join(repoRoot, 'strategies/sixty-forty.yaml');
const data = path.join(repoRoot, 'data/sample');
const short = ['--data', data, '--out', out, '--from', '2020-01-02', '--to', '2021-12-31'];
let runFolder = '';

/** Runs the command with --json: exit 0, and stdout is exactly one JSON document. */
async function json(args: string[], code = 0): Promise<Record<string, unknown> & unknown[]> {
  const r = await sleevesInProcess([...args, '--json']);
  expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(code);
  expect(r.stdout.endsWith('\n'), args.join(' ')).toBe(true);
  let doc: unknown;
  expect(() => (doc = JSON.parse(r.stdout)), `${args.join(' ')}: stdout is not one JSON document: ${r.stdout.slice(0, 200)}`).not.toThrow();
  expect(r.stdout).not.toContain(ESC);
  return doc as Record<string, unknown> & unknown[];
}

/** Runs the command as on a terminal (isTTY on stdout and stderr), with `env` set meanwhile. */
async function onTerminal(args: string[], env: Record<string, string | undefined> = {}): Promise<{ code: number | null; text: string }> {
  const saved = { out: process.stdout.isTTY, err: process.stderr.isTTY, env: { ...process.env } };
  process.stdout.isTTY = true;
  process.stderr.isTTY = true;
  for (const [k, v] of Object.entries(env)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  try {
    const r = await sleevesInProcess(args);
    return { code: r.code, text: r.stdout + r.stderr };
  } finally {
    process.stdout.isTTY = saved.out;
    process.stderr.isTTY = saved.err;
    process.env = saved.env;
  }
}

beforeAll(async () => {
  // Two runs: catalog entries 1 and 2 of the fresh folder (runs compare takes them).
  for (let i = 0; i < 2; i++) {
    const r = await sleevesInProcess(['run', seed, ...short]);
    expect(r.code, r.stderr).toBe(0);
  }
  const dir = path.join(out, 'seed-barbell');
  runFolder = path.join(dir, readdirSync(dir).filter((f) => !f.startsWith('.'))[0]!);
}, 120_000);

afterAll(() => vi.unstubAllGlobals());

describe('--json on every command: one JSON document on stdout', () => {
  it('run, compare, metrics, report, rerun', async () => {
    const run = await json(['run', seed, ...short]);
    expect(run['schemaVersion']).toBeDefined();
    expect((run['strategy'] as { name: string }).name).toBe('seed-barbell');
    const compare = await json(['compare', seed, sixty, ...short]);
    expect(compare).toHaveProperty('warnings');
    const metrics = await json(['metrics', path.join(runFolder, 'returns.csv')]);
    expect(Object.keys(metrics).sort()).toEqual(expect.arrayContaining(['convention', 'periodsPerYear', 'series']));
    const report = await json(['report', runFolder]);
    expect(report['metrics']).toEqual(JSON.parse(readFileSync(path.join(runFolder, 'report.json'), 'utf8')).metrics);
    const rerun = await json(['rerun', runFolder]);
    expect(rerun['identical']).toBe(true);
  });

  it('sweep (one shard, merge, --emit to stdout), robust, walkforward', async () => {
    const grid = ['--grid', 'costs.bps=0,5', '--workers', '1'];
    const sweep = await json(['sweep', seed, ...grid, ...short]);
    expect(sweep['count']).toBe(2);
    const shards = [];
    for (const shard of ['1/2', '2/2']) shards.push((await json(['sweep', seed, ...grid, '--shard', shard, ...short]))['folder'] as string);
    const merged = await json(['sweep', 'merge', ...shards, '--out', out]);
    expect(merged['count']).toBe(2);
    const emitted = await json(['sweep', seed, ...grid, '--shards', '2', '--emit', 'slurm', ...short]);
    expect(emitted).toMatchObject({ file: null, kind: 'slurm', shards: 2 });
    expect(emitted['script']).toMatch(/^#!/);
    const robust = await json(['robust', seed, '--paths', '5', '--workers', '1', '--no-html', ...short]);
    expect(robust).toHaveProperty('warnings');
    // The folder it wrote, as walkforward and sweep name theirs.
    expect(existsSync(path.join(robust['folder'] as string, 'robust.json'))).toBe(true);
    const wf = await json(['walkforward', seed, ...grid, '--train', '6m', '--test', '6m', '--no-html', ...short]);
    expect(Array.isArray(wf['folds'])).toBe(true);
  }, 120_000);

  it('hindsight, scenario, frontier', async () => {
    const hindsight = await json(['hindsight', seed, '--sleeve', 'ai_leaders', '--universe', 'NVDA,MSFT,GOOGL,TSM,AMD,META', '--select', '4', ...short]);
    expect(hindsight).toHaveProperty('pointInTime');
    const scenario = await json(['scenario', seed, '--shock', 'NVDA=-0.3', ...short]);
    expect(scenario).toHaveProperty('methods');
    const frontier = await json(['frontier', seed, '--step', '0.5', ...short]);
    expect(frontier).toBeTypeOf('object');
  }, 60_000);

  it('runs list, show, compare, prune', async () => {
    const rows = await json(['runs', 'list', '--out', out]);
    expect(rows.length).toBeGreaterThan(0);
    const runIds = (rows as unknown as { id: number; command: string }[]).filter((r) => r.command === 'run').map((r) => String(r.id));
    const shown = await json(['runs', 'show', runIds[0]!, '--out', out]);
    expect(String(shown['id'])).toBe(runIds[0]);
    await json(['runs', 'compare', runIds[0]!, runIds[1]!, '--out', out]);
    // Keep them all: prune lists nothing, as {"keep", "pruned": []}.
    expect(await json(['runs', 'prune', '--keep', '1000', '--out', out])).toEqual({ keep: 1000, pruned: [] });
  });

  it('strategies validate, schema, list', async () => {
    expect(await json(['strategies', 'validate', seed])).toEqual([{ file: seed, ok: true, errors: [] }]);
    const schema = await json(['strategies', 'schema']);
    expect(schema['$schema']).toBe('http://json-schema.org/draft-07/schema#');
    const list = await json(['strategies', 'list', path.join(repoRoot, 'strategies')]);
    expect((list as unknown as { file: string; name: string }[]).map((s) => s.name)).toContain('seed-barbell');
  });

  it('data sample, validate, list, show, fetch', async () => {
    const sampleDir = path.join(out, 'sample');
    const sample = await json(['data', 'sample', '--out', sampleDir]);
    expect(sample).toMatchObject({ directory: sampleDir, synthetic: true });
    expect((sample['files'] as string[]).every((f) => existsSync(path.join(sampleDir, f)))).toBe(true);
    const validated = await json(['data', 'validate', path.join(data, 'SPY.csv')]);
    expect(validated).toHaveLength(1);
    expect(await json(['data', 'list', data])).toHaveProperty('rows');
    expect(await json(['data', 'show', 'SPY', '--data', data])).toHaveProperty('info');
    // No network in tests: the provider's HTTP answer is a two-day CSV.
    vi.stubGlobal('fetch', async () => new Response('Date,Open,High,Low,Close,Volume\n2024-01-02,10,11,9,10.5,100\n2024-01-03,10.5,12,10,11,120\n', { status: 200 }));
    const fetched = await json(['data', 'fetch', 'SPY', '--provider', 'stooq', '--from', '2024-01-01', '--to', '2024-01-05', '--out', path.join(out, 'fetched')]);
    vi.unstubAllGlobals();
    expect(fetched).toEqual([{ ticker: 'SPY', file: path.join(out, 'fetched', 'SPY.csv'), rows: 2, added: 2, conflicts: [], start: '2024-01-02', end: '2024-01-03' }]);
  });
});

describe('NO_COLOR and --no-color: no escape sequences, even on a terminal', () => {
  const commands: [string, string[]][] = [
    ['run', ['run', seed, ...short]],
    ['compare', ['compare', seed, sixty, ...short]],
    ['metrics', ['metrics', '__RETURNS__']],
    ['report', ['report', '__RUN__']],
    ['rerun', ['rerun', '__RUN__']],
    ['robust', ['robust', seed, '--paths', '5', '--workers', '1', '--no-html', ...short]],
    ['sweep', ['sweep', seed, '--grid', 'costs.bps=0,5', '--workers', '1', ...short]],
    ['walkforward', ['walkforward', seed, '--grid', 'costs.bps=0,5', '--workers', '1', '--train', '6m', '--test', '6m', '--no-html', ...short]],
    ['hindsight', ['hindsight', seed, '--sleeve', 'ai_leaders', '--universe', 'NVDA,MSFT,GOOGL,TSM,AMD,META', '--select', '4', ...short]],
    ['scenario', ['scenario', seed, '--shock', 'NVDA=-0.3', ...short]],
    ['frontier', ['frontier', seed, '--step', '0.5', ...short]],
    ['runs list', ['runs', 'list', '--out', out]],
    ['runs compare', ['runs', 'compare', '1', '2', '--out', out]],
    ['strategies validate', ['strategies', 'validate', seed]],
    ['strategies list', ['strategies', 'list', path.join(repoRoot, 'strategies')]],
    ['data validate', ['data', 'validate', path.join(data, 'SPY.csv')]],
    ['data list', ['data', 'list', data]],
    ['data show', ['data', 'show', 'SPY', '--data', data]],
  ];
  const resolve = (args: string[]): string[] => args.map((a) => (a === '__RUN__' ? runFolder : a === '__RETURNS__' ? path.join(runFolder, 'returns.csv') : a));

  it('without them, a terminal gets colours (the control)', async () => {
    for (const name of ['run', 'metrics', 'runs compare']) {
      const r = await onTerminal(resolve(commands.find((c) => c[0] === name)![1]), { NO_COLOR: undefined });
      expect(r.code).toBe(0);
      expect(r.text, name).toContain(`${ESC}[`);
    }
  });

  it('--no-color before the command name works too', async () => {
    const r = await onTerminal(['--no-color', ...resolve(commands[0]![1])], { NO_COLOR: undefined });
    expect(r.code).toBe(0);
    expect(r.text).toContain('total return');
    expect(r.text).not.toContain(ESC);
  });

  it('an empty NO_COLOR does not count (no-color.org)', async () => {
    const r = await onTerminal(resolve(commands[0]![1]), { NO_COLOR: '' });
    expect(r.text).toContain(`${ESC}[`);
  });

  for (const [name, args] of commands) {
    it(`${name}: NO_COLOR=1 and --no-color`, async () => {
      const byEnv = await onTerminal(resolve(args), { NO_COLOR: '1' });
      expect(byEnv.code, byEnv.text).toBe(0);
      expect(byEnv.text.includes(ESC), `${name} with NO_COLOR=1 printed an escape: ${JSON.stringify(byEnv.text.slice(0, 300))}`).toBe(false);
      const byFlag = await onTerminal([...resolve(args), '--no-color'], { NO_COLOR: undefined });
      expect(byFlag.code, byFlag.text).toBe(0);
      expect(byFlag.text.includes(ESC), `${name} --no-color printed an escape: ${JSON.stringify(byFlag.text.slice(0, 300))}`).toBe(false);
    }, 60_000);
  }
});
