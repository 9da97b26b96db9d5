import { describe, expect, it } from 'vitest';
import { runBacktest } from '../../../src/engine/runBacktest.js';
import { metricContext } from '../../../src/metrics/convention.js';
import { withoutAsset, withoutSleeve } from '../../../src/robust/dropFromStrategy.js';
import { leaveOneOutCases, leaveOneOutRows } from '../../../src/robust/leaveOneOut.js';
import { runRobustJob, type RobustParams } from '../../../src/robust/robustJob.js';
import { runRobust, sequentialJobs } from '../../../src/robust/runRobust.js';
import { seriesFigures } from '../../../src/robust/runFigures.js';
import { spec, wavePanel } from './panelFixture.js';

const panel = wavePanel(['AAA', 'BBB', 'CCC', 'DDD', 'GLD'], 700);
const period = { from: '2015-02-02', to: '2017-06-30' };
const options = { seed: 1, paths: 2, block: 21, strategyFile: null, data: { directory: 'fixture', synthetic: true } };

describe('withoutAsset / withoutSleeve', () => {
  const barbell = spec({
    sleeves: { ai: { assets: ['AAA', 'BBB'] }, defensive: { assets: ['CCC'] }, gold: { assets: ['GLD'] }, military: { assets: ['DDD'] } },
    allocation: { across: { method: 'fixed', weights: { ai: 0.3, defensive: 0.3, gold: 0.2, military: 0.2 } } },
  });

  it('removes an asset from its sleeve and keeps the sleeve weights', () => {
    const v = withoutAsset(barbell, 'AAA')!;
    expect(v.spec.sleeves['ai']!.assets).toEqual(['BBB']);
    expect(v.spec.allocation.across).toEqual(barbell.allocation.across);
    expect(v.notes).toEqual([]);
  });

  it('removes a sleeve left empty and renormalises the other fixed sleeve weights to the same total', () => {
    const v = withoutAsset(barbell, 'GLD')!;
    expect(Object.keys(v.spec.sleeves)).toEqual(['ai', 'defensive', 'military']);
    // Without gold (0.2): 0.3/0.8 = 0.375, 0.3/0.8 = 0.375, 0.2/0.8 = 0.25 (total 1 kept).
    const w = (v.spec.allocation.across as { weights: Record<string, number> }).weights;
    expect(w['ai']).toBeCloseTo(0.375, 15);
    expect(w['defensive']).toBeCloseTo(0.375, 15);
    expect(w['military']).toBeCloseTo(0.25, 15);
    expect(w['gold']).toBeUndefined();
    expect(v.notes.join(' ')).toMatch(/gold is left empty/);
    expect(v.notes.join(' ')).toMatch(/renormalised/);
  });

  it('keeps a cash share: fixed weights summing to 0.8 still sum to 0.8 without one sleeve', () => {
    const s = spec({ sleeves: { a: { assets: ['AAA'] }, b: { assets: ['BBB'] } }, allocation: { across: { method: 'fixed', weights: { a: 0.5, b: 0.3 } } } });
    const w = (withoutSleeve(s, 'b')!.spec.allocation.across as { weights: Record<string, number> }).weights;
    expect(Object.keys(w)).toEqual(['a']);
    expect(w['a']).toBeCloseTo(0.8, 15); // 0.5 · 0.8 / 0.5
  });

  it('keeps an explicit cash weight and renormalises only the other named weights', () => {
    const s = spec({
      sleeves: { a: { assets: ['AAA'] }, b: { assets: ['BBB'] }, c: { assets: ['CCC'] } },
      allocation: { across: { method: 'fixed', weights: { a: 0.3, b: 0.3, c: 0.2, cash: 0.2 } } },
    });
    const v = withoutSleeve(s, 'c')!;
    const w = (v.spec.allocation.across as { weights: Record<string, number> }).weights;
    // Invested 0.8 without c's 0.2: a, b scaled ×0.8/0.6 → 0.4 each; cash stays 0.2 (not ×0.8/0.6).
    expect(w['a']).toBeCloseTo(0.4, 15);
    expect(w['b']).toBeCloseTo(0.4, 15);
    expect(w['cash']).toBe(0.2);
    expect(v.notes).toEqual(['allocation.across: the fixed weight 0.2 of c is removed and the other named weights are renormalised ×1.33333 to keep their total 0.8']);
  });

  it('drops names from nested parameters (trend filter safe list, core weights, risk budgets)', () => {
    const s = spec({
      sleeves: { a: { assets: ['AAA', 'BBB'] }, b: { assets: ['CCC'] } },
      allocation: {
        within: { method: 'riskParity', riskBudgets: { AAA: 2, BBB: 1 } },
        across: { method: 'trendFilter', safe: ['b'], base: { method: 'coreSatellite', core: { a: 0.6, b: 0.2 }, satellite: { method: 'equal' } } },
      },
    });
    const v = withoutSleeve(s, 'b')!;
    const across = v.spec.allocation.across as { safe: string[]; base: { core: Record<string, number> } };
    expect(across.safe).toEqual([]);
    expect(Object.keys(across.base.core)).toEqual(['a']);
    expect(across.base.core['a']).toBeCloseTo(0.8, 15); // 0.6 · 0.8 / 0.6
    const w = withoutAsset(s, 'AAA')!;
    expect((w.spec.allocation.within as { riskBudgets: Record<string, number> }).riskBudgets).toEqual({ BBB: 1 });
  });

  it('refuses to remove the only sleeve', () => {
    const one = spec({ sleeves: { only: { assets: ['AAA'] } } });
    expect(withoutSleeve(one, 'only')).toBeNull();
    expect(withoutAsset(one, 'AAA')).toBeNull();
  });
});

describe('leave one out runs', () => {
  it('an asset with zero weight changes nothing', async () => {
    // DDD is a member of sleeve s1 but the sleeve's fixed within weights give it nothing.
    const s = spec({
      sleeves: { s1: { assets: ['AAA', 'BBB', 'DDD'], within: { method: 'fixed', weights: { AAA: 0.5, BBB: 0.5 } } }, s2: { assets: ['CCC'] } },
      allocation: { across: { method: 'fixed', weights: { s1: 0.7, s2: 0.3 } } },
      costs: { bps: 10 },
      period,
    });
    const rep = await runRobust(s, panel, options, sequentialJobs(runRobustJob));
    const row = rep.leaveOneOut.find((r) => r.kind === 'asset' && r.name === 'DDD')!;
    expect(row.delta).toEqual({ cagr: 0, sharpe: 0, maxDrawdown: 0 });
    expect(row.figures).toEqual({ totalReturn: rep.full.totalReturn, cagr: rep.full.cagr, sharpe: rep.full.sharpe, maxDrawdown: rep.full.maxDrawdown });
    // The same holds for the whole return series (not only three figures).
    const full = runBacktest(s, { panel });
    const without = runBacktest(withoutAsset(s, 'DDD')!.spec, { panel });
    expect(Array.from(without.ledger.returns)).toEqual(Array.from(full.ledger.returns));
  });

  it('without an asset equals the strategy written without it', () => {
    const s = spec({ sleeves: { a: { assets: ['AAA', 'BBB'] }, b: { assets: ['CCC'] } }, period });
    const byHand = spec({ sleeves: { a: { assets: ['BBB'] }, b: { assets: ['CCC'] } }, period });
    const params: RobustParams = { spec: s, ctx: metricContext(252), seed: 0, block: 21, jobs: [{ kind: 'variant', spec: withoutAsset(s, 'AAA')!.spec, panel: 0 }] };
    const got = runRobustJob(panel, params, 0);
    const expected = seriesFigures(runBacktest(byHand, { panel }).ledger.returns.subarray(1), metricContext(252));
    expect(got).toEqual({ ...expected, benchmark: null, missing: 0 });
  });

  it('sorts rows by |Δ CAGR| and states deltas as without − full', () => {
    const full = { totalReturn: 0.5, cagr: 0.2, sharpe: 1, maxDrawdown: 0.1, benchmark: null };
    const s = spec({ sleeves: { a: { assets: ['AAA', 'BBB'] }, b: { assets: ['CCC'] } } });
    const cases = leaveOneOutCases(s); // AAA, BBB, CCC, sleeve a, sleeve b
    expect(cases.map((c) => `${c.kind}:${c.name}`)).toEqual(['asset:AAA', 'asset:BBB', 'asset:CCC', 'sleeve:a', 'sleeve:b']);
    const f = (cagr: number | null) => ({ totalReturn: 0, cagr, sharpe: 1.5, maxDrawdown: 0.05 });
    const rows = leaveOneOutRows(full, cases, [f(0.18), f(0.25), f(0.05), f(null), null]);
    expect(rows.map((r) => r.name)).toEqual(['CCC', 'BBB', 'AAA', 'a', 'b']);
    expect(rows[0]!.delta.cagr).toBeCloseTo(0.05 - 0.2, 15);
    expect(rows[0]!.delta.sharpe).toBeCloseTo(0.5, 15);
    expect(rows[0]!.delta.maxDrawdown).toBeCloseTo(-0.05, 15);
    expect(rows[3]!.delta.cagr).toBeNull();
  });
});
