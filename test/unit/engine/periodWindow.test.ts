/**
 * The period a run covers and the coverage check (src/engine/periodWindow.ts), and what
 * `data.lateStart` does with a late ticker's weight, all on hand-written price columns.
 */
import { describe, expect, it } from 'vitest';
import { parseIsoDate } from '../../../src/core/dates.js';
import { UserError } from '../../../src/core/errors.js';
import { periodWindow, strategyPeriodWindow, type KnownSpans } from '../../../src/engine/periodWindow.js';
import { preparePanel } from '../../../src/engine/preparePanel.js';
import { runBacktest } from '../../../src/engine/runBacktest.js';
import { strategySchema } from '../../../src/strategy/schema.js';

const D0 = parseIsoDate('2024-01-01');
const dates = Int32Array.from({ length: 10 }, (_, t) => D0 + t);
const N = NaN;
// A priced on every row; B from row 3; C on rows 0..7 only; BM (benchmark) from row 1.
const A = [10, 11, 12, 13, 14, 15, 16, 17, 18, 19];
const B = [N, N, N, 20, 21, 22, 23, 24, 25, 26];
const C = [5, 5, 5, 5, 5, 5, 5, 5, N, N];
const BM = [N, 100, 101, 102, 103, 104, 105, 106, 107, 108];

function window(columns: number[][], tickers: string[], extra: Partial<Parameters<typeof periodWindow>[0]> = {}) {
  return periodWindow({ dates, columns: columns.map((c) => Float64Array.from(c)), tickers, benchmark: -1, lateStart: 'refuse', ...extra });
}

describe('periodWindow', () => {
  it('by default starts where every asset and the benchmark has a price and ends where all still have one', () => {
    // Starts: A 0, B 3, C 0, BM 1 → row 3. Ends: A 9, B 9, C 7, BM 9 → row 7; rows 3..7 (hi = 8).
    const w = window([A, B, C, BM], ['A', 'B', 'C', 'BM'], { benchmark: 3 });
    expect([w.lo, w.hi]).toEqual([3, 8]);
    expect(w.coverage.every((c) => c.coverage === 1 && c.treatment === 'complete')).toBe(true);
    expect(w.warnings).toEqual([
      'period starts 2024-01-04, the first date on which every asset and the benchmark has a price',
      'period ends 2024-01-08, the last date on which every asset and the benchmark has a price',
    ]);
  });

  it('refuses a period where a ticker starts late, one line per ticker with its span and share', () => {
    // From row 0 to row 7: B is priced on rows 3..7 = 5 of 8 rows (62.5%); BM on 1..7 = 7 of 8 (87.5%).
    const run = () => window([A, B, C, BM], ['A', 'B', 'C', 'BM'], { benchmark: 3, from: '2024-01-01', to: '2024-01-08' });
    expect(run).toThrow(UserError);
    expect(run).toThrow(
      'period 2024-01-01 to 2024-01-08: 2 of 4 tickers have no price over part of it (set data.lateStart: cash or redistribute in the strategy file (or --set data.lateStart=cash) to run anyway; or run from 2024-01-04 to 2024-01-08, between the latest first price and the earliest last price):\n' +
        '  B: prices from 2024-01-04 to 2024-01-10, covers 62.5% of the period\n' +
        '  BM (benchmark): prices from 2024-01-02 to 2024-01-10, covers 87.5% of the period',
    );
  });

  it('always refuses a ticker that ends before the period does', () => {
    // To row 9: C has no price on rows 8 and 9 (covers 8 of 10 = 80%).
    expect(() => window([A, C], ['A', 'C'], { to: '2024-01-10' })).toThrow(/1 of 2 tickers .*\n {2}C: prices from 2024-01-01 to 2024-01-08, covers 80\.0% of the period$/);
    expect(() => window([A, C], ['A', 'C'], { to: '2024-01-10', lateStart: 'cash' })).toThrow(/C: prices from/);
  });

  it('with data.lateStart, runs and states what it does with the late ticker (and the benchmark)', () => {
    const w = window([A, B, BM], ['A', 'B', 'BM'], { benchmark: 2, from: '2024-01-01', lateStart: 'cash' });
    expect([w.lo, w.hi]).toEqual([0, 10]);
    expect(w.coverage.map((c) => [c.ticker, c.role, c.coverage, c.treatment])).toEqual([
      ['A', 'asset', 1, 'complete'],
      ['B', 'asset', 0.7, 'cash'], // rows 3..9 of 0..9
      ['BM', 'benchmark', 0.9, 'commonPeriods'],
    ]);
    expect(w.warnings[0]).toBe('B: prices from 2024-01-04 to 2024-01-10, covers 70.0% of the period; until its first price its weight is held in cash (data.lateStart: cash)');
  });

  it('starts a weights-file run at its first row', () => {
    expect(window([A, C], ['A', 'C'], { scheduleStart: D0 + 2 }).lo).toBe(2);
    expect(window([A, C], ['A', 'C'], { scheduleStart: D0 + 2, from: '2024-01-02' }).lo).toBe(1);
  });
});

describe('strategyPeriodWindow with the priced spans known (a prepared panel, the one-shot route)', () => {
  // H has a hole on row 5; Z has no price at all. A prepared panel's spans, by column:
  // A 0..9 (no hole), B 3..9, C 0..7, H 0..9 (1 hole), BM 1..9, Z none (first 10, last −1).
  const H = [1, 1, 1, 1, 1, N, 1, 1, 1, 1];
  const Z = new Array<number>(10).fill(N);
  const tickers = ['A', 'B', 'C', 'H', 'BM', 'Z'];
  const columns = [A, B, C, H, BM, Z];
  const values = new Float64Array(60);
  columns.forEach((c, a) => values.set(c, a * 10));
  const panel = { dates, assets: tickers, values };
  const prepared = preparePanel(panel);
  const spans: KnownSpans = { first: prepared.firstPriced, last: prepared.lastPriced, holes: prepared.holes };
  const outcome = (f: () => ReturnType<typeof strategyPeriodWindow>): unknown => {
    try {
      // JSON: the coverage rows as a report writes them.
      return JSON.parse(JSON.stringify(f()));
    } catch (e) {
      return (e as Error).message;
    }
  };
  const spec = (assets: string[], extra: { benchmark?: string; from?: string; to?: string; lateStart?: 'refuse' | 'cash' | 'redistribute' }) =>
    [{ benchmark: extra.benchmark, period: { from: extra.from, to: extra.to }, data: { lateStart: extra.lateStart ?? 'refuse', maxFillDays: 5 } }, assets] as const;
  const cases = [
    spec(['A', 'B', 'C', 'H'], { benchmark: 'BM' }),
    spec(['A', 'B', 'H'], { benchmark: 'BM', from: '2024-01-01', lateStart: 'cash' }),
    spec(['A', 'B', 'H'], { from: '2024-01-01', lateStart: 'redistribute' }),
    spec(['A', 'B'], { from: '2024-01-01', to: '2024-01-08' }),
    spec(['A', 'C'], { to: '2024-01-10' }),
    spec(['A', 'Z'], {}),
    spec(['A', 'H'], { benchmark: 'C', from: '2024-01-02' }),
  ];

  it('gives the same window, coverage, warnings and refusals as reading the columns', () => {
    for (const [s, assets] of cases) {
      const read = outcome(() => strategyPeriodWindow(s as never, assets, { panel }));
      expect(outcome(() => strategyPeriodWindow(s as never, assets, { panel, spans })), JSON.stringify([assets, s])).toEqual(read);
      // The one-shot route knows only the strategy's columns (holes −1 elsewhere: read).
      const partial: KnownSpans = { first: spans.first, last: spans.last, holes: Int32Array.from(tickers, (t, a) => (assets.includes(t) ? spans.holes[a]! : -1)) };
      expect(outcome(() => strategyPeriodWindow(s as never, assets, { panel, spans: partial }))).toEqual(read);
    }
  });

  it('gives the window it computed last for the same gap-free spans and inputs, and a fresh one when any differs', () => {
    const [s, assets] = spec(['A', 'B'], { from: '2024-01-04' });
    const w = strategyPeriodWindow(s as never, assets, { panel, spans });
    expect([w.lo, w.hi]).toEqual([3, 10]);
    expect(strategyPeriodWindow(s as never, assets, { panel, spans })).toBe(w);
    // An earlier period end: rows 3..7 (hi 8).
    const shorter = strategyPeriodWindow({ ...s, period: { from: '2024-01-04', to: '2024-01-08' } } as never, assets, { panel, spans });
    expect([shorter.lo, shorter.hi]).toEqual([3, 8]);
    // B's span ending at row 6 (as another panel's spans would say): the period ends there.
    const cut: KnownSpans = { first: spans.first, last: Int32Array.from(spans.last, (l, a) => (a === 1 ? 6 : l)), holes: spans.holes };
    const w2 = strategyPeriodWindow(spec(['A', 'B'], {})[0] as never, assets, { panel, spans: cut });
    expect([w2.lo, w2.hi]).toEqual([3, 7]);
    expect(strategyPeriodWindow(spec(['A', 'B'], {})[0] as never, assets, { panel, spans })).not.toBe(w2);
    expect([strategyPeriodWindow(spec(['A', 'B'], {})[0] as never, assets, { panel, spans }).hi]).toEqual([10]);
  });

  it('reads no column whose span has no hole', () => {
    // The same spans over a panel whose A and B columns are all NaN: A and B (no holes) are
    // judged by their spans alone, so the default window is the one of the real prices: from B's
    // first price (row 3) to the last row (9), hi = 10.
    const blank = { dates, assets: tickers, values: Float64Array.from(values, (v, i) => (i < 20 ? NaN : v)) };
    const w = strategyPeriodWindow(spec(['A', 'B'], {})[0] as never, ['A', 'B'], { panel: blank, spans });
    expect([w.lo, w.hi]).toEqual([3, 10]);
    expect(w.coverage.map((c) => [c.ticker, c.firstPrice, c.lastPrice, c.coverage])).toEqual([
      ['A', '2024-01-01', '2024-01-10', 1],
      ['B', '2024-01-04', '2024-01-10', 1],
    ]);
  });
});

describe('data.lateStart in a run: where the late ticker’s weight goes until its first price', () => {
  // Two sleeves of fixed 60/40 weights; sleeve s holds A and B equally; sleeve g holds G, priced
  // from row 3 on. Decisions every row (daily, lag 0): rows 0..2 decide without G, and without B.
  const prices = { A: A, B: B, G: [N, N, N, 50, 50, 50, 50, 50, 50, 50] };
  function targetsAtStart(lateStart: 'cash' | 'redistribute'): Record<string, number> {
    const spec = strategySchema.parse({
      version: 1,
      name: 't',
      sleeves: { s: { assets: ['A', 'B'] }, g: { assets: ['G'] } },
      allocation: { across: { method: 'fixed', weights: { s: 0.6, g: 0.4 } }, within: { method: 'equal' } },
      rebalance: { schedule: 'daily', lag: 0 },
      data: { lateStart },
      period: { from: '2024-01-01', to: '2024-01-05' },
    });
    const values = new Float64Array(30);
    ['A', 'B', 'G'].forEach((t, a) => values.set(prices[t as keyof typeof prices], a * 10));
    const result = runBacktest(spec, { panel: { dates, assets: ['A', 'B', 'G'], values } });
    // End-of-day weights of row 0 (traded at its close, no move yet: the first decision's
    // targets), column-major: asset a at row 0 is weights[a · n].
    const n = result.dates.length;
    return Object.fromEntries(['A', 'B', 'G'].map((t, a) => [t, result.ledger.weights[a * n]!]));
  }

  it('cash: A holds its slot 0.6 × 1/2 = 0.3; B’s 0.3 and G’s 0.4 stay in cash', () => {
    const w = targetsAtStart('cash');
    expect(w['A']).toBeCloseTo(0.3, 14);
    expect(w['B']).toBe(0);
    expect(w['G']).toBe(0);
  });

  it('redistribute: A takes the whole invested weight (sleeve s alone, 100%)', () => {
    const w = targetsAtStart('redistribute');
    expect(w['A']).toBeCloseTo(1, 14);
    expect(w['B']).toBe(0);
    expect(w['G']).toBe(0);
  });
});
