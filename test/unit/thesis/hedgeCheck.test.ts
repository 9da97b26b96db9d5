import { describe, expect, it } from 'vitest';
import { parseIsoDate } from '../../../src/core/dates.js';
import { groupReturns } from '../../../src/metrics/groupReturns.js';
import { hedgeCheck } from '../../../src/thesis/hedgeCheck.js';
import { sleeveRoles } from '../../../src/thesis/sleeveRoles.js';

const NaN_ = Number.NaN;
const dates = Int32Array.from(['2022-01-03', '2022-01-04', '2022-01-05', '2022-01-06', '2022-01-07', '2022-01-10', '2022-01-11'], parseIsoDate);
// Growth index: 1 → 1.1 (peak, row 1) → 0.88 → 0.792 (trough, row 3) → 0.8316 → 1.2474 (new peak) → 1.18503.
const g = Float64Array.from([NaN_, 0.1, -0.2, -0.1, 0.05, 0.5, -0.05]);
const h = Float64Array.from([NaN_, 0.0, 0.05, -0.02, 0.01, 0.0, 0.02]);

describe('hedgeCheck (hand-computed)', () => {
  it('finds the one growth drawdown deeper than 10%, with the hedge return over the same days and its verdict', () => {
    const f = hedgeCheck({ dates, growth: g, hedge: h, stressWindows: [] });
    // Peak row 1 (1.1) → trough row 3 (0.792): depth 1 − 0.792/1.1 = 0.28 > 0.10. The fall from 1.2474
    // to 1.18503 (row 6) is 5%: not an episode.
    expect(f.episodes).toHaveLength(1);
    const e = f.episodes[0]!;
    expect(e).toMatchObject({ kind: 'drawdown', from: '2022-01-04', to: '2022-01-06', verdict: 'held' });
    expect(e.growthReturn).toBeCloseTo(0.8 * 0.9 - 1, 12); // −0.28
    expect(e.hedgeReturn).toBeCloseTo(1.05 * 0.98 - 1, 12); // +0.029 ≥ 0 → held
  });

  it('down-capture is mean(h)/mean(g) over the days growth fell', () => {
    const f = hedgeCheck({ dates, growth: g, hedge: h, stressWindows: [] });
    // Down days rows 2, 3, 6: mean g = (−0.2 − 0.1 − 0.05)/3 = −0.35/3; mean h = (0.05 − 0.02 + 0.02)/3 = 0.05/3.
    expect(f.downCapture).toBeCloseTo(0.05 / -0.35, 12); // −1/7
    expect(f.days).toBe(6);
  });

  it('correlation on all days and on the worst days of growth, against a textbook Pearson', () => {
    const naive = (x: number[], y: number[]) => {
      const n = x.length;
      const sx = x.reduce((a, b) => a + b, 0);
      const sy = y.reduce((a, b) => a + b, 0);
      const sxy = x.reduce((a, xi, i) => a + xi * y[i]!, 0);
      const sxx = x.reduce((a, xi) => a + xi * xi, 0);
      const syy = y.reduce((a, yi) => a + yi * yi, 0);
      return (n * sxy - sx * sy) / Math.sqrt((n * sxx - sx * sx) * (n * syy - sy * sy));
    };
    const f = hedgeCheck({ dates, growth: g, hedge: h, stressWindows: [], tail: 0.5 });
    expect(f.correlation).toBeCloseTo(naive([0.1, -0.2, -0.1, 0.05, 0.5, -0.05], [0, 0.05, -0.02, 0.01, 0, 0.02]), 12);
    expect(f.correlation).toBeCloseTo(-0.39679, 5);
    // tail 0.5 of 6 days: the 3 lowest g are rows 2, 3, 6: g = (−0.2, −0.1, −0.05), h = (0.05, −0.02, 0.02).
    // Deviations g: (−1/12, 1/60, 1/15), h: (1/30, −11/300, 1/300) → Σxy = −0.0031667, Σxx = 0.0116667,
    // Σyy = 0.0024667 → ρ = −0.0031667/√(0.0116667·0.0024667) = −0.59030.
    expect(f.tailDays).toBe(3);
    expect(f.tailCorrelation).toBeCloseTo(-0.5903013, 6);
    // The default tail (5%) of 6 days is ⌈0.3⌉ = 1 day: no correlation on one point.
    expect(hedgeCheck({ dates, growth: g, hedge: h, stressWindows: [] }).tailCorrelation).toBeNull();
  });

  it('a day the hedge holds nothing counts as 0 in an episode and is left out of the correlations', () => {
    const h2 = Float64Array.from(h);
    h2[3] = NaN_;
    const f = hedgeCheck({ dates, growth: g, hedge: h2, stressWindows: [] });
    expect(f.days).toBe(5);
    expect(f.episodes[0]!.hedgeReturn).toBeCloseTo(0.05, 12); // 1.05 · 1 − 1
    // Down days with both defined: rows 2 and 6: (0.05 + 0.02)/2 ÷ (−0.2 − 0.05)/2 = −0.28.
    expect(f.downCapture).toBeCloseTo(-0.28, 12);
  });

  it('stress windows: the rows inside, from the close before; no verdict when growth rose', () => {
    const f = hedgeCheck({
      dates,
      growth: g,
      hedge: h,
      stressWindows: [
        { name: 'fall', from: '2022-01-05', to: '2022-01-06' }, // rows 2..3: g (0.8)(0.9) − 1 = −0.28, h 1.05·0.98 − 1
        { name: 'rally', from: '2022-01-07', to: '2022-01-10' }, // rows 4..5: g 1.05·1.5 − 1 = 0.575
        { name: 'before', from: '2020-01-01', to: '2020-12-31' }, // no row: left out
        { name: 'h falls', from: '2022-01-06', to: '2022-01-06' }, // row 3: g −0.1, h −0.02 → failed
      ],
    });
    const stress = f.episodes.filter((e) => e.kind === 'stress');
    expect(stress.map((e) => e.name)).toEqual(['fall', 'rally', 'h falls']);
    expect(stress[0]).toMatchObject({ from: '2022-01-05', to: '2022-01-06', verdict: 'held' });
    expect(stress[0]!.growthReturn).toBeCloseTo(-0.28, 12);
    expect(stress[0]!.hedgeReturn).toBeCloseTo(0.029, 12);
    expect(stress[1]!.growthReturn).toBeCloseTo(0.575, 12);
    expect(stress[1]!.verdict).toBeNull();
    expect(stress[2]!.verdict).toBe('failed');
    expect(stress[2]!.hedgeReturn).toBeCloseTo(-0.02, 12);
  });
});

describe('groupReturns (hand-computed)', () => {
  it('is the members\' weighted return over the group\'s own start-of-day weight', () => {
    // 3 assets × 3 rows, column-major. Weights at the end of row 0: A 0.2, B 0.3, C 0.5; end of row 1: A 0.25, B 0, C 0.5.
    const w = Float64Array.from([0.2, 0.25, 0.3, /* B */ 0.3, 0, 0, /* C */ 0.5, 0.5, 0.5]);
    const r = Float64Array.from([NaN_, 0.1, -0.1, /* B */ NaN_, -0.05, NaN_, /* C */ NaN_, 0.02, 0.04]);
    const ab = groupReturns(w, r, 3, [
      { asset: 0, fraction: 1 },
      { asset: 1, fraction: 1 },
    ]);
    expect(Number.isNaN(ab[0]!)).toBe(true);
    expect(ab[1]).toBeCloseTo((0.2 * 0.1 + 0.3 * -0.05) / 0.5, 12); // 0.005/0.5 = 0.01
    // Row 2: B has no weight at the end of row 1, so its missing return does not matter: A alone, −0.1.
    expect(ab[2]).toBeCloseTo(-0.1, 12);
    // Half of C belongs to the group: (0.5·0.5·0.02)/(0.5·0.5) = 0.02.
    expect(groupReturns(w, r, 3, [{ asset: 2, fraction: 0.5 }])[1]).toBeCloseTo(0.02, 12);
    // B alone on row 2 holds nothing at the start of the day: NaN.
    expect(Number.isNaN(groupReturns(w, r, 3, [{ asset: 1, fraction: 1 }])[2]!)).toBe(true);
  });
});

describe('sleeveRoles', () => {
  const flat = new Float64Array([NaN_, 0.01, -0.01, 0.01]);
  const wild = new Float64Array([NaN_, 0.1, -0.1, 0.1]);
  it('declared roles first', () => {
    const r = sleeveRoles([
      { name: 'ai', role: 'hedge', returns: wild },
      { name: 'x', role: 'growth', returns: flat },
      { name: 'y', role: 'core', returns: flat },
      { name: 'z', returns: flat },
    ]);
    expect(r).toEqual({ growth: ['x'], growthBy: 'role', hedges: ['ai'] });
  });
  it('then a sleeve named like ai or leaders; every other sleeve but core is a hedge', () => {
    expect(sleeveRoles([{ name: 'bonds', returns: wild }, { name: 'china-ai', returns: flat }, { name: 'k', role: 'core', returns: flat }])).toEqual({ growth: ['china-ai'], growthBy: 'name', hedges: ['bonds'] });
    expect(sleeveRoles([{ name: 'bonds', returns: wild }, { name: 'Leaders', returns: flat }]).growth).toEqual(['Leaders']);
    // "maintain" and "gold" do not name AI: the rule is "ai" as a word, not a substring.
    expect(sleeveRoles([{ name: 'maintain', returns: flat }, { name: 'gold', returns: wild }]).growthBy).toBe('volatility');
  });
  it('else the most volatile sleeve', () => {
    expect(sleeveRoles([{ name: 'bonds', returns: flat }, { name: 'tech', returns: wild }])).toEqual({ growth: ['tech'], growthBy: 'volatility', hedges: ['bonds'] });
  });
});
