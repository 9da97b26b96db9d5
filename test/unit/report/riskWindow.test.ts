/**
 * The risk window of the concentration section: the strategy's longest allocation lookback, or
 * 252 rows, stated in the report; the risk contributions are computed over exactly that window
 * (checked against a naive covariance written here).
 */
import { describe, expect, it } from 'vitest';
import { runBacktest } from '../../../src/engine/runBacktest.js';
import { buildReport } from '../../../src/report/buildReport.js';
import { parseReport } from '../../../src/report/reportSchema.js';
import { riskWindowOf } from '../../../src/report/riskWindow.js';
import { spec, wavePanel } from '../robust/panelFixture.js';

const sleeves = { a: { assets: ['AAA', 'BBB'] }, b: { assets: ['CCC'] } };

describe('riskWindowOf', () => {
  it('takes the longest estimation lookback of across and within stages', () => {
    // within inverseVol 63 (sleeve a), across riskParity 100: 100 from the across stage.
    const s = spec({
      sleeves: { a: { assets: ['AAA', 'BBB'], within: { method: 'inverseVol', lookback: 63 } }, b: { assets: ['CCC'] } },
      allocation: { across: { method: 'riskParity', lookback: 100 } },
    });
    expect(riskWindowOf(s)).toEqual({ rows: 100, source: "the strategy's longest allocation lookback: allocation.across (riskParity, 100 rows)" });
  });

  it('counts momentum skip, the satellite, the trend filter base (not its period), and not fallbacks', () => {
    // momentumTopK reads lookback + skip = 100 + 21 = 121 rows.
    const momentum = spec({ sleeves, allocation: { within: { method: 'momentumTopK', lookback: 100, skip: 21 } } });
    expect(riskWindowOf(momentum)).toEqual({ rows: 121, source: "the strategy's longest allocation lookback: allocation.within (sleeve a) (momentumTopK, 121 rows)" });
    // coreSatellite: its satellite inverseVol 40 (the fallback equal adds nothing).
    const core = spec({ sleeves, allocation: { across: { method: 'coreSatellite', core: { b: 0.5 }, satellite: { method: 'inverseVol', lookback: 40 } } } });
    expect(riskWindowOf(core).rows).toBe(40);
    // trendFilter method: base inverseVol 30, period 200 → 30.
    const trend = spec({ sleeves, allocation: { within: { method: 'trendFilter', period: 200, base: { method: 'inverseVol', lookback: 30 } } } });
    expect(riskWindowOf(trend).rows).toBe(30);
    // minVariance lookback 50 with its default fallback [inverseVol (63), equal]: 50, not 63.
    const minVar = spec({ sleeves, allocation: { within: { method: 'minVariance', lookback: 50 } } });
    expect(riskWindowOf(minVar).rows).toBe(50);
  });

  it('is 252 rows when no stage estimates from returns, or for a weights file', () => {
    const fixed = spec({ sleeves, allocation: { across: { method: 'fixed', weights: { a: 0.5, b: 0.5 } } } });
    expect(riskWindowOf(fixed)).toEqual({ rows: 252, source: 'default 252 rows: no allocation method of the strategy estimates from a return window' });
    expect(riskWindowOf({ ...fixed, weightsFile: 'w.csv' }).source).toBe('default 252 rows: the targets come from a weights file');
  });
});

describe('the report', () => {
  const panel = wavePanel(['AAA', 'BBB', 'CCC'], 600);
  const run = (lookback: number) =>
    runBacktest(
      spec({
        sleeves: { a: { assets: ['AAA', 'BBB'], within: { method: 'inverseVol', lookback } }, b: { assets: ['CCC'] } },
        allocation: { across: { method: 'fixed', weights: { a: 0.6, b: 0.4 } } },
        period: { from: '2016-03-01', to: '2016-09-30' },
      }),
      { panel },
    );
  const report = (lookback: number) => buildReport({ result: run(lookback), strategyFile: null, data: { directory: 'x', synthetic: true, files: [], filled: {}, droppedDates: {}, warnings: [] } });

  /** Naive mean risk contributions over the rebalances with a `window`-row trailing sample covariance. */
  function naiveRc(lookback: number, window: number): number[] {
    const r = run(lookback);
    const { values, stride, offset } = r.prices;
    const n = r.dates.length;
    const sums = [0, 0, 0];
    for (let k = 0; k < r.ledger.trades.count; k++) {
      const t = r.ledger.trades.row[k]!;
      const w = [0, 1, 2].map((a) => r.ledger.weights[a * n + t]!);
      const rows = Array.from({ length: window }, (_, j) => t - window + 1 + j);
      const ret = [0, 1, 2].map((a) => rows.map((s) => values[a * stride + offset + s]! / values[a * stride + offset + s - 1]! - 1));
      const mean = ret.map((x) => x.reduce((p, q) => p + q, 0) / window);
      const cov = (i: number, j: number) => ret[i]!.reduce((p, x, s) => p + (x - mean[i]!) * (ret[j]![s]! - mean[j]!), 0) / (window - 1);
      const sw = [0, 1, 2].map((i) => [0, 1, 2].reduce((p, j) => p + cov(i, j) * w[j]!, 0));
      const total = w.reduce((p, x, i) => p + x * sw[i]!, 0);
      for (let i = 0; i < 3; i++) sums[i] = sums[i]! + (w[i]! * sw[i]!) / total;
    }
    return sums.map((x) => x / r.ledger.trades.count);
  }

  it('states the window and computes the risk contributions over it', () => {
    const rep = report(20);
    expect(rep.concentration.riskWindow).toEqual({ rows: 20, source: "the strategy's longest allocation lookback: sleeves.a.within (inverseVol, 20 rows)" });
    const rc = (rep.concentration['riskContribution'] as { assets: Record<string, number> }).assets;
    const expected = naiveRc(20, 20);
    ['AAA', 'BBB', 'CCC'].forEach((t, i) => expect(rc[t]).toBeCloseTo(expected[i]!, 12));
    // Not the 252-row figure the report used to give whatever the strategy.
    const old = naiveRc(20, 252);
    expect(Math.abs(rc['AAA']! - old[0]!)).toBeGreaterThan(1e-3);
    // It survives the report schema (a report read back keeps it).
    expect(parseReport(JSON.parse(JSON.stringify(rep)), 'r.json').concentration.riskWindow).toEqual(rep.concentration.riskWindow);
  });
});
