import { describe, expect, it } from 'vitest';
import { pearson } from '../../../src/metrics/pearson.js';
import { growthOrder, hedgeCheck } from '../../../src/thesis/hedgeCheck.js';

/** The figures by their definition, with plain arrays: C, the worst ⌈0.05·|C|⌉ days by g (ties earlier first), down days. */
function reference(g: Float64Array, h: Float64Array) {
  const common: number[] = [];
  for (let t = 1; t < g.length; t++) if (!Number.isNaN(g[t]!) && !Number.isNaN(h[t]!)) common.push(t);
  const tail = [...common].sort((a, b) => g[a]! - g[b]! || a - b).slice(0, Math.ceil(0.05 * common.length));
  const down = common.filter((t) => g[t]! < 0);
  const mean = (x: Float64Array, rows: number[]) => rows.reduce((s, t) => s + x[t]!, 0) / rows.length;
  const fin = (x: number) => (Number.isFinite(x) ? x : null);
  return {
    days: common.length,
    tailDays: tail.length,
    correlation: fin(pearson(common.map((t) => g[t]!), common.map((t) => h[t]!))),
    tailCorrelation: fin(pearson(tail.map((t) => g[t]!), tail.map((t) => h[t]!))),
    downCapture: fin(down.length > 0 ? mean(h, down) / mean(g, down) : Number.NaN),
  };
}

function series(n: number, seed: number, nanEvery: number, quantum: number): Float64Array {
  let a = seed >>> 0;
  const next = () => {
    a = (Math.imul(a, 1664525) + 1013904223) >>> 0;
    return a / 4294967296;
  };
  // Returns on a grid of `quantum` so that ties in g occur (the tie rule is exercised).
  return Float64Array.from({ length: n }, (_, t) => (t === 0 || (nanEvery > 0 && t % nanEvery === 0) ? Number.NaN : Math.round((next() - 0.5) * 0.06 / quantum) * quantum));
}

describe('hedgeCheck equals the definition computed with plain arrays (the same sums in the same order: bit for bit)', () => {
  const dates = Int32Array.from({ length: 3000 }, (_, t) => 18000 + t);
  for (const [seed, gNan, hNan, q] of [
    [1, 0, 0, 1e-9],
    [2, 17, 0, 0.001],
    [3, 0, 11, 0.0005],
    [4, 13, 7, 0.002],
  ] as const) {
    it(`seed ${seed}: NaN every ${gNan}/${hNan} rows, returns on a ${q} grid; with and without a shared growth order`, () => {
      const g = series(3000, seed, gNan, q);
      const h = series(3000, seed + 100, hNan, q);
      // Signed zeros tie with each other (the order compares g[a] − g[b] = 0, earlier row first).
      for (let t = 5; t < 3000; t += 97) g[t] = t % 2 === 0 ? -0 : 0;
      const want = reference(g, h);
      const own = hedgeCheck({ dates, growth: g, hedge: h, stressWindows: [] });
      const shared = hedgeCheck({ dates, growth: g, hedge: h, stressWindows: [], growthOrder: growthOrder(g) });
      for (const got of [own, shared]) {
        expect(got.days).toBe(want.days);
        expect(got.tailDays).toBe(want.tailDays);
        expect(got.correlation).toBe(want.correlation);
        expect(got.tailCorrelation).toBe(want.tailCorrelation);
        expect(got.downCapture).toBe(want.downCapture);
      }
      expect(shared.episodes).toEqual(own.episodes);
      // The shared order is the comparator sort of the rows with a growth return.
      const rows: number[] = [];
      for (let t = 1; t < 3000; t++) if (!Number.isNaN(g[t]!)) rows.push(t);
      rows.sort((a, b) => g[a]! - g[b]! || a - b);
      expect(Array.from(growthOrder(g))).toEqual(rows);
    });
  }

  it('stress windows by date: the rows inside [from, to], none when the window misses the run or holds only row 0', () => {
    const g = series(3000, 9, 0, 1e-6);
    const h = series(3000, 10, 0, 1e-6);
    // Day 18000 is 2019-04-14 (days since 1970-01-01); rows are consecutive days here.
    const f = hedgeCheck({
      dates,
      growth: g,
      hedge: h,
      stressWindows: [
        { name: 'inside', from: '2019-04-20', to: '2019-05-10' }, // rows 6..26
        { name: 'before', from: '2010-01-01', to: '2019-04-14' }, // only row 0: no return in it
        { name: 'after', from: '2030-01-01', to: '2030-02-01' },
        { name: 'overlapStart', from: '2019-01-01', to: '2019-04-16' }, // rows 1..2
      ],
    });
    const stress = f.episodes.filter((e) => e.kind === 'stress');
    expect(stress.map((e) => [e.name, e.from, e.to])).toEqual([
      ['inside', '2019-04-20', '2019-05-10'],
      ['overlapStart', '2019-04-15', '2019-04-16'],
    ]);
    let gr = 1;
    for (let t = 6; t <= 26; t++) gr *= 1 + g[t]!;
    expect(stress[0]!.growthReturn).toBe(gr - 1);
  });
});
