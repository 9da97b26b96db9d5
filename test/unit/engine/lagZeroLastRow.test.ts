/**
 * A lag-0 calendar decision on the period's last close trades at that close, exactly as a
 * weights file naming the same dates does (costs charged, weights recorded).
 */
import { describe, expect, it } from 'vitest';
import { formatIsoDate, parseIsoDate } from '../../../src/core/dates.js';
import type { WeightsSchedule } from '../../../src/data/readWeightsCsv.js';
import { runBacktest } from '../../../src/engine/runBacktest.js';
import { spec, wavePanel } from '../robust/panelFixture.js';

// Weekdays from 2015-01-01: 80 rows reach into April, so the data go on after 2015-03-31.
const panel = wavePanel(['AAA', 'BBB'], 80);
const period = { from: '2015-01-02', to: '2015-03-31' };
const base = {
  sleeves: { a: { assets: ['AAA'] }, b: { assets: ['BBB'] } },
  allocation: { across: { method: 'fixed', weights: { a: 0.5, b: 0.5 } } },
  costs: { bps: 10 },
  period,
};

describe('lag 0: the decision on the last row of the period', () => {
  const calendar = runBacktest(spec({ ...base, rebalance: { schedule: 'monthly', on: 'last', lag: 0 } }), { panel });
  // The same targets from a weights file dated on the calendar's decision days.
  const days = ['2015-01-02', '2015-01-30', '2015-02-27', '2015-03-31'];
  const schedule: WeightsSchedule = {
    dates: Int32Array.from(days, parseIsoDate),
    tickers: ['AAA', 'BBB'],
    weights: Float64Array.from(days.flatMap(() => [0.5, 0.5])),
    lines: Int32Array.from(days, (_, i) => i + 2),
    file: 'w.csv',
  };
  const fromFile = runBacktest(spec({ ...base, rebalance: { schedule: 'monthly', on: 'last', lag: 0 } }), { panel, schedule });

  it('trades at the last close, on the same days as the weights file', () => {
    expect(formatIsoDate(calendar.dates[calendar.dates.length - 1]!)).toBe('2015-03-31');
    expect(calendar.rebalances.map((r) => `${r.decisionDate}→${r.tradeDate}`)).toEqual(days.map((d) => `${d}→${d}`));
    expect(fromFile.rebalances.map((r) => `${r.decisionDate}→${r.tradeDate}`)).toEqual(days.map((d) => `${d}→${d}`));
    const n = calendar.dates.length;
    for (let t = 0; t < n; t++) expect(calendar.ledger.equity[t]).toBe(fromFile.ledger.equity[t]);
  });

  it('charges the cost of the last trade and records its weights', () => {
    const { ledger, dates, prices } = calendar;
    const n = dates.length;
    const T = n - 1;
    // Holdings before the last trade: h_a = w_{a,T−1} · V_{T−1} · p_{a,T} / p_{a,T−1}.
    const price = (a: number, t: number) => prices.values[a * prices.stride + prices.offset + t]!;
    const h = [0, 1].map((a) => ledger.weights[a * n + T - 1]! * ledger.equity[T - 1]! * (price(a, T) / price(a, T - 1)));
    // Trading two holdings to 50/50 of V' = V − cost: the legs are ∓d/2 − cost/2 with d = |h_A − h_B|,
    // so Σ|legs| = d when d > cost, and cost = c · d with c = 10 bps.
    const d = Math.abs(h[0]! - h[1]!);
    const last = calendar.rebalances[calendar.rebalances.length - 1]!;
    expect(d).toBeGreaterThan(0);
    expect(last.cost).toBeCloseTo(0.001 * d, 15);
    expect(ledger.equity[T]).toBeCloseTo(h[0]! + h[1]! - 0.001 * d, 14);
    // End-of-day weights after the trade: exactly the targets.
    expect(ledger.weights[0 * n + T]).toBeCloseTo(0.5, 14);
    expect(ledger.weights[1 * n + T]).toBeCloseTo(0.5, 14);
  });
});
