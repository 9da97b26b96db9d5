/**
 * Walk-forward on real prices (issue #13's done-when): winner-takes-all with a lookback × k grid
 * (2 × 2), 3-year rolling training windows and 1-year test windows, over the default start
 * (2012-05-18, META's first price) to 2024-12-31. Each test segment must be `sleeves run --set
 * ... --from --to` to 1e-12 (two folds checked day by day), fold 1's choice must be the best of
 * the four variants run on its training window with `run`, and the stitched total return must
 * be the product of the segments'. In-process CLI; skipped without the real data.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasRealData, realDataDir, tempDir } from '../helpers/cli.js';
import { sleevesInProcess } from '../helpers/inProcessCli.js';

const FILE = 'strategies/winner-takes-all.yaml';
const LOOKBACK = 'sleeves.ai_leaders.within.lookback';
const K = 'sleeves.ai_leaders.within.k';
const GRID = ['--grid', `${LOOKBACK}=63,126`, '--grid', `${K}=2,3`];

async function cli(args: string[]): Promise<string> {
  const r = await sleevesInProcess(args);
  if (r.code !== 0) throw new Error(`sleeves ${args.join(' ')} exited ${r.code}: ${r.stderr}`);
  return r.stdout;
}

function close(actual: number, expected: number, what: string): void {
  expect(Math.abs(actual - expected), `${what}: ${actual} vs ${expected}`).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(expected)));
}

/** returns.csv rows → [date, return] (row 0, without a return, left out). */
function csvReturns(file: string): [string, number, string][] {
  return readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split(','))
    .filter((c) => c[1] !== '')
    .map((c) => [c[0]!, Number(c[1]), c[2] ?? '']);
}

describe.skipIf(!hasRealData)('walkforward on real prices', () => {
  it('segments are `run --set --from --to`, fold 1 picks the best training variant, the stitched series compounds the segments', async () => {
    const out = tempDir('sleeves-wf-');
    const common = ['--data', realDataDir, '--out', out];
    const wf = JSON.parse(await cli(['walkforward', FILE, ...GRID, '--train', '3y', '--test', '1y', '--to', '2024-12-31', '--workers', '1', '--json', '--quiet', ...common]));
    const folds = wf.folds as { train: { from: string; to: string }; test: { from: string; to: string }; chosen: Record<string, number>; run: string[]; inSample: Record<string, number>; outOfSample: Record<string, number> }[];
    // 2012-05-18 + 3y → first test 2015-05-18; one fold a year to 2024-05-17, then a partial one to 2024-12-31.
    expect(folds.length).toBe(10);
    expect(folds[0]!.train).toEqual({ from: '2012-05-18', to: '2015-05-18' });
    expect(folds[9]!.test.to).toBe('2024-12-31');
    folds.forEach((f, k) => {
      expect(f.test.from).toBe(f.train.to);
      if (k > 0) expect(f.test.from).toBe(folds[k - 1]!.test.to);
    });
    const stitched = csvReturns(path.join(wf.folder, 'returns.csv'));

    // Two folds' test segments, recomputed with `run --set ... --from --to`: figures and every daily return.
    for (const k of [0, 6]) {
      const f = folds[k]!;
      const set = [`${LOOKBACK}=${f.chosen[LOOKBACK]}`, `${K}=${f.chosen[K]}`];
      expect(f.run).toEqual(['--set', set[0], '--set', set[1], '--from', f.test.from, '--to', f.test.to]);
      const runOut = tempDir('sleeves-wf-run-');
      const report = JSON.parse(await cli(['run', FILE, ...f.run, '--data', realDataDir, '--out', runOut, '--json', '--no-html', '--quiet']));
      for (const key of ['totalReturn', 'cagr', 'sharpe', 'maxDrawdown', 'annualizedVolatility']) close(f.outOfSample[key]!, report.metrics[key], `fold ${k + 1} ${key}`);
      const slugDir = path.join(runOut, readdirSync(runOut).find((f) => !f.startsWith('catalog.sqlite'))!);
      const runReturns = csvReturns(path.join(slugDir, readdirSync(slugDir)[0]!, 'returns.csv'));
      const segment = stitched.filter((r) => r[2] === String(k + 1));
      expect(segment.map((r) => r[0])).toEqual(runReturns.map((r) => r[0]));
      segment.forEach((r, i) => close(r[1], runReturns[i]![1], `fold ${k + 1} ${r[0]}`));
    }

    // Fold 1's choice: the highest Sharpe of the four variants, each run on the training window.
    const sharpes: { set: string[]; sharpe: number }[] = [];
    for (const lookback of [63, 126]) {
      for (const k of [2, 3]) {
        const set = ['--set', `${LOOKBACK}=${lookback}`, '--set', `${K}=${k}`];
        const r = JSON.parse(await cli(['run', FILE, ...set, '--from', folds[0]!.train.from, '--to', folds[0]!.train.to, '--json', '--no-html', '--quiet', ...common]));
        sharpes.push({ set, sharpe: r.metrics.sharpe });
      }
    }
    const best = sharpes.reduce((a, b) => (b.sharpe > a.sharpe ? b : a));
    expect(folds[0]!.run.slice(0, 4)).toEqual(best.set);
    close(folds[0]!.inSample['sharpe']!, best.sharpe, 'fold 1 in-sample Sharpe');

    // The stitched total return is the product of the segments' growths.
    const product = folds.reduce((g, f) => g * (1 + f.outOfSample['totalReturn']!), 1) - 1;
    close(wf.outOfSample.metrics.totalReturn, product, 'stitched total return');
    expect(wf.outOfSample.period).toMatchObject({ start: '2015-05-18', end: '2024-12-31', periods: stitched.length });
    expect(readFileSync(path.join(wf.folder, 'report.html'), 'utf8')).toContain('data-table="folds"');
  });
});

describe.skipIf(!hasRealData)('walkforward: workers and bad input', () => {
  it('gives the same folds and figures with 1 and 2 workers; folds[].run repeats a segment with the user\'s own flags', async () => {
    const args = ['walkforward', FILE, '--grid', `${K}=2,3`, '--train', '2y', '--test', '1y', '--from', '2018-01-02', '--to', '2022-12-30', '--cost-bps', '20', '--set', 'rebalance.lag=2', '--data', realDataDir, '--out', tempDir('sleeves-wf-'), '--json', '--quiet', '--no-html'];
    const one = JSON.parse(await cli([...args, '--workers', '1']));
    const two = JSON.parse(await cli([...args, '--workers', '2']));
    expect(two.folds).toEqual(one.folds);
    expect(two.outOfSample).toEqual(one.outOfSample);
    const fold = one.folds[1];
    expect(fold.run.slice(0, 4)).toEqual(['--set', 'rebalance.lag=2', '--cost-bps', '20']);
    const run = JSON.parse(await cli(['run', FILE, ...fold.run, '--data', realDataDir, '--out', tempDir('sleeves-wf-run-'), '--json', '--no-html', '--quiet']));
    expect(run.strategy.spec.costs.bps).toBe(20);
    close(fold.outOfSample.totalReturn, run.metrics.totalReturn, 'fold 2 total return with --cost-bps 20 and lag 2');
  });

  it('refuses a grid over the period and a path also fixed by --set (exit 1, one line)', async () => {
    const base = ['walkforward', FILE, '--data', realDataDir, '--out', tempDir('sleeves-wf-')];
    const a = await sleevesInProcess([...base, '--grid', 'period.from=2015-01-02,2016-01-04']);
    expect(a.code).toBe(1);
    expect(a.stderr.trim()).toMatch(/^.*--grid period\.from: walkforward sets the period of every window itself/);
    const b = await sleevesInProcess([...base, '--grid', `${K}=2,3`, '--set', `${K}=4`]);
    expect(b.code).toBe(1);
    expect(b.stderr).toContain(`--grid ${K}: also fixed by --set ${K}=4`);
    const c = await sleevesInProcess([...base, '--grid', `${K}=2,3`, '--train', '3w']);
    expect(c.code).toBe(1);
    expect(c.stderr).toContain('--train 3w: expected a whole number of years or months');
  });
});
