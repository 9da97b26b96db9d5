/**
 * sweep --pbo on real prices: the PBO, degradation and probability of loss in the manifest equal
 * those computed here from the daily returns of `sleeves run --set` of each variant (so the sweep
 * keeps exactly each variant's returns, in variant order); refusals. In-process CLI.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { probabilityOfOverfitting } from '../../src/validation/probabilityOfOverfitting.js';
import { hasRealData, realDataDir, tempDir } from '../helpers/cli.js';
import { sleevesInProcess } from '../helpers/inProcessCli.js';

const FILE = 'strategies/winner-takes-all.yaml';
const LOOKBACK = 'sleeves.ai_leaders.within.lookback';
const K = 'sleeves.ai_leaders.within.k';
const PERIOD = ['--from', '2016-01-04', '--to', '2023-12-29'];

async function cli(args: string[]): Promise<string> {
  const r = await sleevesInProcess(args);
  if (r.code !== 0) throw new Error(`sleeves ${args.join(' ')} exited ${r.code}: ${r.stderr}`);
  return r.stdout;
}

describe.skipIf(!hasRealData)('sweep --pbo on real prices', () => {
  it('equals PBO over the returns of run --set of each variant', async () => {
    const out = tempDir('sleeves-pbo-');
    const m = JSON.parse(
      await cli(['sweep', FILE, '--grid', `${LOOKBACK}=63,126`, '--grid', `${K}=2,3`, ...PERIOD, '--pbo', '--partitions', '8', '--embargo', '2', '--workers', '1', '--data', realDataDir, '--out', out, '--json', '--quiet']),
    );
    const series: Float64Array[] = [];
    // Variant order: the last grid varies fastest.
    for (const lookback of [63, 126]) {
      for (const k of [2, 3]) {
        const runOut = tempDir('sleeves-pbo-run-');
        await cli(['run', FILE, '--set', `${LOOKBACK}=${lookback}`, '--set', `${K}=${k}`, ...PERIOD, '--data', realDataDir, '--out', runOut, '--no-html', '--quiet']);
        const slugDir = path.join(runOut, readdirSync(runOut).find((f) => !f.startsWith('catalog.sqlite'))!);
        const lines = readFileSync(path.join(slugDir, readdirSync(slugDir)[0]!, 'returns.csv'), 'utf8').trim().split('\n').slice(2);
        series.push(Float64Array.from(lines, (l) => Number(l.split(',')[1])));
      }
    }
    const expected = probabilityOfOverfitting(series, { partitions: 8, embargo: 2 });
    expect(m.overfitting.pbo).toBe(expected.pbo);
    expect(m.overfitting.probabilityOfLoss).toBe(expected.probabilityOfLoss);
    expect(Math.abs(m.overfitting.degradation.slope - expected.degradation.slope!)).toBeLessThan(1e-12);
    expect(m.overfitting.cscv).toMatchObject({ partitions: 8, embargo: 2, combinations: 70, variants: 4, periods: series[0]!.length });
  });

  it('refuses --pbo on a shard and an odd --partitions (exit 1, one line)', async () => {
    const base = ['sweep', FILE, '--grid', `${K}=2,3`, ...PERIOD, '--pbo', '--data', realDataDir, '--out', tempDir('sleeves-pbo-'), '--workers', '1'];
    const a = await sleevesInProcess([...base, '--shard', '1/2']);
    expect(a.code).toBe(1);
    expect(a.stderr).toContain('--pbo needs every variant of the grid; it cannot run on one shard');
    const b = await sleevesInProcess([...base, '--partitions', '7']);
    expect(b.code).toBe(1);
    expect(b.stderr).toContain('--partitions 7: expected an even whole number');
  });
});
