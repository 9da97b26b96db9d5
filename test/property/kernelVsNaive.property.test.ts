/**
 * The fast kernel against a naive, obviously-correct per-day simulator written here with plain
 * arrays and objects, on generated panels (late listings, costs, drift bands, lags, cash that
 * earns a constant or varying return, or none), to 1e-12.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { simulateKernel } from '../../src/execution/simulateKernel.js';

interface Case {
  n: number;
  m: number;
  prices: number[][]; // [asset][day], NaN before listing
  calendar: boolean[];
  targets: number[][]; // one target per day (used when that day decides)
  lag: number;
  costRate: number;
  band: number;
  minTurnover: number;
  /** Cash return from the close of day t − 1 to day t (entry 0 unused), or none. */
  cashReturns: number[] | null;
}

function naive(c: Case): { equity: number[]; cash: number[]; trades: number[] } {
  const last: number[] = new Array(c.m).fill(NaN);
  const units: number[] = new Array(c.m).fill(0);
  let cash = 1;
  let inForce: number[] | null = null;
  const pending: { day: number; w: number[] }[] = [];
  const equity: number[] = [];
  const cashByDay: number[] = [];
  const trades: number[] = [];
  const value = () => cash + units.reduce((v, u, a) => v + (u === 0 ? 0 : u * last[a]!), 0);
  const trade = (t: number, target: number[]) => {
    const w = target.map((x, a) => (last[a]! > 0 ? x : 0));
    const v = value();
    const turnover = w.reduce((s, x, a) => s + Math.abs(x * v - (units[a] === 0 ? 0 : units[a]! * last[a]!)), 0) / (2 * v);
    if (c.minTurnover > 0 && trades.length > 0 && turnover < c.minTurnover) return; // skipped: drift on
    let cost = 0;
    for (let i = 0; i < 200; i++) {
      const post = v - cost;
      cost = c.costRate * w.reduce((s, x, a) => s + Math.abs(x * post - units[a]! * (units[a] === 0 ? 0 : last[a]!)), 0);
    }
    const post = v - cost;
    for (let a = 0; a < c.m; a++) units[a] = w[a] === 0 ? 0 : (w[a]! * post) / last[a]!;
    cash = post - w.reduce((s, x) => s + x * post, 0);
    inForce = w;
    trades.push(t);
  };
  for (let t = 0; t < c.n; t++) {
    if (t > 0 && c.cashReturns) cash *= 1 + c.cashReturns[t]!; // cash earns overnight, before any trade
    for (let a = 0; a < c.m; a++) if (c.prices[a]![t]! > 0) last[a] = c.prices[a]![t]!;
    const due = pending.findIndex((p) => p.day === t);
    if (due >= 0) trade(t, pending.splice(due, 1)[0]!.w);
    let decide = c.calendar[t]! || t === 0;
    if (!decide && inForce && pending.length === 0 && c.band > 0) {
      const v = value();
      decide = units.some((u, a) => Math.abs((u === 0 ? 0 : (u * last[a]!) / v) - inForce![a]!) > c.band);
    }
    if (decide && t + c.lag < c.n) {
      if (c.lag === 0) trade(t, c.targets[t]!);
      else pending.push({ day: t + c.lag, w: c.targets[t]! });
    }
    equity.push(value());
    cashByDay.push(cash);
  }
  return { equity, cash: cashByDay, trades };
}

const caseArb = fc
  .record({ n: fc.integer({ min: 2, max: 60 }), m: fc.integer({ min: 1, max: 5 }) })
  .chain(({ n, m }) =>
    fc.record({
      n: fc.constant(n),
      m: fc.constant(m),
      listing: fc.array(fc.integer({ min: 0, max: n - 1 }), { minLength: m, maxLength: m }),
      moves: fc.array(fc.array(fc.double({ min: -0.2, max: 0.25, noNaN: true }), { minLength: n, maxLength: n }), { minLength: m, maxLength: m }),
      gaps: fc.array(fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }), { minLength: m, maxLength: m }),
      calendar: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
      raw: fc.array(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: m, maxLength: m }), { minLength: n, maxLength: n }),
      cash: fc.double({ min: 0, max: 0.5, noNaN: true }),
      lag: fc.integer({ min: 0, max: 3 }),
      costRate: fc.constantFrom(0, 0.0005, 0.01),
      band: fc.constantFrom(0, 0.02, 0.1),
      minTurnover: fc.constantFrom(0, 0, 0.02, 0.1),
      cashKind: fc.constantFrom('none', 'constant', 'series'),
      cashSeries: fc.array(fc.double({ min: -0.001, max: 0.002, noNaN: true }), { minLength: n, maxLength: n }),
    }),
  )
  .map((g): Case => {
    const prices = g.moves.map((col, a) => {
      let p = 10 + a;
      return col.map((r, t) => {
        if (t < g.listing[a]!) return NaN;
        p *= 1 + r;
        // About one day in ten has no price after listing (a gap, or data that stop).
        return t > g.listing[a]! && g.gaps[a]![t] === 0 ? NaN : p;
      });
    });
    // Targets: non-negative, summing to 1 − cash (an asset without a price gets 0 at the kernel).
    const targets = g.raw.map((row, t) => {
      const w = row.map((x, a) => (prices[a]![t]! > 0 ? x : 0));
      const s = w.reduce((a, b) => a + b, 0);
      return s > 0 ? w.map((x) => (x / s) * (1 - g.cash)) : w;
    });
    // Constant: 5% a year accrued daily, (1.05)^(1/252) − 1; series: anything in [−0.1%, 0.2%] a day.
    const cashReturns = g.cashKind === 'none' ? null : g.cashKind === 'constant' ? g.cashSeries.map(() => Math.pow(1.05, 1 / 252) - 1) : g.cashSeries;
    return { n: g.n, m: g.m, prices, calendar: g.calendar, targets, lag: g.lag, costRate: g.costRate, band: g.band, minTurnover: g.minTurnover, cashReturns };
  });

function kernel(c: Case, recordWeights = true): ReturnType<typeof simulateKernel> {
  // Raw prices with NaN gaps: the kernel values a holding at its last price itself.
  const prices = Float64Array.from(c.prices.flat());
  return simulateKernel({
    nDates: c.n,
    nAssets: c.m,
    prices,
    calendar: Uint8Array.from(c.calendar, (b, t) => (b || t === 0 ? 1 : 0)),
    bandAbsolute: c.band,
    bandRelative: 0,
    lag: c.lag,
    costRate: c.costRate,
    minTurnover: c.minTurnover,
    decide: (t, out) => out.set(c.targets[t]!),
    recordWeights,
    ...(c.cashReturns ? { cashReturns: Float64Array.from(c.cashReturns) } : {}),
  });
}

describe('simulateKernel vs a naive per-day simulator', () => {
  it('agrees on equity (1e-12 relative) and trade days on random panels', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const expected = naive(c);
        const ledger = kernel(c);
        expect(Array.from(ledger.trades.row)).toEqual(expected.trades);
        // Without weights to record, quiet stretches are valued in one loop: the same equity.
        expect(Array.from(kernel(c, false).equity)).toEqual(Array.from(ledger.equity));
        for (let t = 0; t < c.n; t++) {
          expect(Math.abs(ledger.equity[t]! - expected.equity[t]!)).toBeLessThanOrEqual(1e-12 * Math.max(1, expected.equity[t]!));
          expect(Math.abs(ledger.cash[t]! - expected.cash[t]!), `cash row ${t}`).toBeLessThanOrEqual(1e-12 * Math.max(1, expected.equity[t]!));
        }
      }),
      { numRuns: 300, seed: 20261124 },
    );
  });

  it('a lag-0 decision on the last row trades at that close in both, with its cost', () => {
    fc.assert(
      fc.property(caseArb, (g) => {
        const c: Case = { ...g, lag: 0, minTurnover: 0, costRate: 0.001, calendar: g.calendar.map((b, t) => b || t === g.n - 1) };
        const expected = naive(c);
        const ledger = kernel(c);
        expect(expected.trades[expected.trades.length - 1]).toBe(c.n - 1);
        expect(ledger.trades.row[ledger.trades.count - 1]).toBe(c.n - 1);
        expect(Math.abs(ledger.equity[c.n - 1]! - expected.equity[c.n - 1]!)).toBeLessThanOrEqual(1e-12 * Math.max(1, expected.equity[c.n - 1]!));
      }),
      { numRuns: 100, seed: 20261130 },
    );
  });

  it('costs never raise final equity', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const free = kernel({ ...c, costRate: 0, band: 0 }).equity;
        const paid = kernel({ ...c, costRate: 0.001, band: 0 }).equity;
        expect(paid[c.n - 1]!).toBeLessThanOrEqual(free[c.n - 1]! * (1 + 1e-12));
      }),
      { numRuns: 100, seed: 7 },
    );
  });
});

describe('cash that earns', () => {
  it('all in cash at 2% a year: equity is (1.02)^(t/252) exactly as accrued, per day (1.02)^(1/252) − 1', () => {
    const n = 253;
    const daily = Math.pow(1.02, 1 / 252) - 1;
    const ledger = simulateKernel({
      nDates: n,
      nAssets: 1,
      prices: Float64Array.from({ length: n }, (_, t) => 100 + t),
      calendar: Uint8Array.from({ length: n }, (_, t) => (t % 21 === 0 ? 1 : 0)),
      bandAbsolute: 0,
      bandRelative: 0,
      lag: 1,
      costRate: 0.001,
      decide: (_t, out) => out.fill(0),
      cashReturns: new Float64Array(n).fill(daily),
    });
    // Target 0 every time: no trade ever costs anything; cash compounds 252 times to 1.02.
    expect(ledger.equity[n - 1]).toBeCloseTo(1.02, 13);
    expect(ledger.returns[100]).toBeCloseTo(daily, 15);
  });
});
