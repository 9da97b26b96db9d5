/**
 * The walk-forward report from hand-made folds: mean in-sample figures, degradation (out − in),
 * walk-forward efficiency (Pardo 2008: mean CAGR out / mean CAGR in) and the stitched metrics.
 */
import { describe, expect, it } from 'vitest';
import { loadStrategy } from '../../../src/strategy/loadStrategy.js';
import type { SweepMetric } from '../../../src/sweep/variantMetrics.js';
import type { FoldRow, WalkForwardOptions } from '../../../src/validation/runWalkForward.js';
import { stitchSegments } from '../../../src/validation/stitchSegments.js';
import { walkForwardReport } from '../../../src/validation/walkForwardReport.js';
import { repoRoot } from '../../helpers/cli.js';
import path from 'node:path';

function figures(cagr: number | null, sharpe: number | null): Record<SweepMetric, number | null> {
  return { cagr, annualizedVolatility: 0.2, sharpe, sortino: 1, maxDrawdown: 0.1, calmar: 2, totalReturn: 0.1, turnoverPerYear: 3 };
}

describe('walkForwardReport', () => {
  const file = path.join(repoRoot, 'strategies/winner-takes-all.yaml');
  const spec = { ...loadStrategy(file).spec, reporting: { ...loadStrategy(file).spec.reporting, periodsPerYear: 252 } };
  const fold = (a: string, b: string, c: string) => ({ train: { from: a, to: b }, test: { from: b, to: c } });
  const rows: FoldRow[] = [
    { fold: fold('2020-01-01', '2020-01-03', '2020-01-06'), chosen: { k: 2 }, set: ['k=2'], inSample: figures(0.3, 2), outOfSample: figures(0.1, 1) },
    { fold: fold('2020-01-02', '2020-01-06', '2020-01-08'), chosen: { k: 3 }, set: ['k=3'], inSample: figures(0.1, null), outOfSample: figures(-0.04, 0.5) },
  ];
  const stitched = stitchSegments([
    { dates: ['2020-01-03', '2020-01-06'], returns: [0.1] },
    { dates: ['2020-01-06', '2020-01-07', '2020-01-08'], returns: [-0.05, 0.02] },
  ]);
  const options = { grid: [{ path: 'k', values: [2, 3] }], overrides: {}, train: '3y', test: '1y', anchored: false, rankBy: 'sharpe' } as unknown as WalkForwardOptions;
  const report = walkForwardReport({
    options,
    resolved: { source: { kind: 'strategy', file }, spec, strategyFile: file, slug: 'winner-takes-all', strict: false },
    spec,
    inputs: { directory: 'd', synthetic: false, files: [] } as never,
    count: 2,
    rows,
    stitched,
    warnings: [],
  });

  it('means, differences and efficiency by hand', () => {
    // CAGR in: (0.3 + 0.1)/2 = 0.2; out: (0.1 − 0.04)/2 = 0.03; difference −0.17; efficiency 0.03/0.2 = 0.15.
    expect(report.inSample.cagr).toBeCloseTo(0.2, 15);
    expect(report.degradation.cagr.outOfSample).toBeCloseTo(0.03, 15);
    expect(report.degradation.cagr.difference).toBeCloseTo(-0.17, 15);
    expect(report.degradation.efficiency).toBeCloseTo(0.15, 15);
    // Sharpe in: only fold 1 defined → 2; out: (1 + 0.5)/2 = 0.75; difference −1.25.
    expect(report.degradation.sharpe).toEqual({ inSample: 2, outOfSample: 0.75, difference: -1.25 });
  });

  it('stitched metrics and fold flags', () => {
    // 1.1 · 0.95 · 1.02 = 1.06590 → total return 0.0659.
    expect(report.outOfSample.metrics['totalReturn']).toBeCloseTo(0.0659, 14);
    expect(report.outOfSample.period).toEqual({ start: '2020-01-03', end: '2020-01-08', periods: 3, periodsPerYear: 252 });
    expect(report.folds[1]!.run).toEqual(['--set', 'k=3', '--from', '2020-01-06', '--to', '2020-01-08']);
    expect(report.folds.map((f) => f.fold)).toEqual([1, 2]);
  });
});
