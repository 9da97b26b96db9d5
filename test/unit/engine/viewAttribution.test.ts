import { beforeAll, describe, expect, it } from 'vitest';
import { runBacktest } from '../../../src/engine/runBacktest.js';
import { viewAttribution } from '../../../src/engine/viewAttribution.js';
import { computeMetrics } from '../../../src/metrics/computeMetrics.js';
import { metricContext } from '../../../src/metrics/convention.js';
import { loadLpSolver } from '../../../src/numeric/lpSolver.js';
import type { StrategySpec } from '../../../src/strategy/schema.js';
import { spec, wavePanel } from '../robust/panelFixture.js';

beforeAll(async () => {
  await loadLpSolver();
});

const panel = wavePanel(['AAA', 'BBB', 'CCC', 'DDD'], 600);
const views = [
  { long: 'a', short: 'b', excess: 0.04, confidence: 0.7 },
  { long: 'c', return: 0.06, confidence: 0.3 },
];
const s = spec({
  sleeves: { a: { assets: ['AAA'] }, b: { assets: ['BBB'] }, c: { assets: ['CCC', 'DDD'] } },
  allocation: { across: { method: 'blackLitterman', views, lookback: 120, maxWeight: 0.6 } },
  period: { from: '2015-07-01', to: '2017-03-31' },
});

/** The spec with the across stage's views replaced (written out by hand, bypassing the schema's ≥ 1). */
function withAcrossViews(v: unknown[]): StrategySpec {
  return { ...s, allocation: { ...s.allocation, across: { ...s.allocation.across, views: v } } } as StrategySpec;
}

describe('view attribution (Black–Litterman)', () => {
  it('runs the strategy without views and with each view alone; added = views − prior', () => {
    const ctx = metricContext(252);
    const full = runBacktest(s, { panel });
    const a = viewAttribution(s, { panel }, full, ctx)!;
    const figures = (sp: StrategySpec) => computeMetrics(runBacktest(sp, { panel }).ledger.returns.subarray(1), ctx).metrics;
    const own = computeMetrics(full.ledger.returns.subarray(1), ctx).metrics;
    const prior = figures(withAcrossViews([]));
    const first = figures(withAcrossViews([views[0]]));
    const second = figures(withAcrossViews([views[1]]));
    for (const k of ['totalReturn', 'cagr', 'sharpe', 'maxDrawdown'] as const) {
      expect(a.withViews[k]).toBe(own[k]);
      expect(a.prior[k]).toBe(prior[k]);
      expect(a.added[k]).toBe(own[k]! - prior[k]!);
      expect(a.perView[0]!.added[k]).toBe(first[k]! - prior[k]!);
      expect(a.perView[1]!.alone[k]).toBe(second[k]);
    }
    expect(a.perView.map((p) => p.view)).toEqual([
      'allocation.across view 1: a beats b by 4% a year (confidence 0.7)',
      'allocation.across view 2: c returns 6% a year (confidence 0.3)',
    ]);
    // The views change the result (they are not a no-op on this panel).
    expect(a.added.cagr).not.toBe(0);
  });

  it('is null for a strategy without blackLitterman', () => {
    const plain = spec({ sleeves: { a: { assets: ['AAA'] } } });
    expect(viewAttribution(plain, { panel }, runBacktest(plain, { panel }), metricContext(252))).toBeNull();
  });
});
