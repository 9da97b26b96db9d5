import { describe, expect, it } from 'vitest';
import { UserError } from '../../../src/core/errors.js';
import { runRobustJob } from '../../../src/robust/robustJob.js';
import { runRobust, sequentialJobs } from '../../../src/robust/runRobust.js';
import { spec, wavePanel } from './panelFixture.js';

const panel = wavePanel(['AAA', 'BBB', 'CCC'], 400);
const options = { seed: 1, paths: 3, block: 21, strategyFile: null, data: { directory: 'fixture', synthetic: true } };

describe('runRobust', () => {
  it('adds the strategy file’s stress windows after the built-in ones', async () => {
    const s = spec({
      sleeves: { a: { assets: ['AAA', 'BBB'] }, b: { assets: ['CCC'] } },
      stressWindows: [{ name: 'mine', from: '2015-03-02', to: '2015-04-30' }],
    });
    const rep = await runRobust(s, panel, options, sequentialJobs(runRobustJob));
    const last = rep.stressWindows.at(-1)!;
    expect(last).toMatchObject({ name: 'mine', source: 'strategy file', coverage: 'full', covered: { from: '2015-03-02', to: '2015-04-30' } });
    expect(rep.stressWindows.filter((w) => w.source === 'built-in')).toHaveLength(7);
    // Fixture starts 2015-01-01: every built-in window ends before or starts after its ~1.5 years,
    // except the China crash (2015-06-01..2016-02-29), which it covers in full.
    expect(rep.stressWindows.find((w) => w.name === 'China crash')!.coverage).toBe('full');
    expect(rep.stressWindows.find((w) => w.name === 'Covid crash')!.coverage).toBe('no data');
  });

  it('rejects a stress window that ends before it starts, naming it', async () => {
    const s = spec({ sleeves: { a: { assets: ['AAA'] } }, stressWindows: [{ name: 'backwards', from: '2015-05-01', to: '2015-04-01' }] });
    await expect(runRobust(s, panel, options, sequentialJobs(runRobustJob))).rejects.toThrow(UserError);
    await expect(runRobust(s, panel, options, sequentialJobs(runRobustJob))).rejects.toThrow(/backwards/);
  });

  it('fixes the period of every rerun to the full run’s dates', async () => {
    const s = spec({ sleeves: { a: { assets: ['AAA', 'BBB'] }, b: { assets: ['CCC'] } } });
    const seen: string[] = [];
    await runRobust(s, panel, options, async (p, params) => {
      for (const job of params.jobs) if (job.kind === 'variant') seen.push(`${job.spec.period.from}..${job.spec.period.to}`);
      return params.jobs.map((_, i) => runRobustJob(p, params, i));
    });
    const first = '2015-01-01';
    // 400 weekdays from Thursday 2015-01-01 are 80 whole weeks: the last is 80·7 − 1 = 559 days
    // later, 2015-01-01 + 365 = 2016-01-01, + 194 more (leap 2016: 182 days to 30 June) = 2016-07-13.
    const last = '2016-07-13';
    expect(new Set(seen)).toEqual(new Set([`${first}..${last}`]));
  });
});
