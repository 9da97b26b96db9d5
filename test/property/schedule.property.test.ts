/**
 * Schedule properties: calendar decisions fall on the first/last trading day of each period of
 * the date index (one per period), and a drift band never fires while drift stays inside it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ymdFromDay } from '../../src/core/dates.js';
import { simulateKernel } from '../../src/execution/simulateKernel.js';
import { calendarSchedule, type CalendarRule } from '../../src/schedule/calendarSchedule.js';

/** A random trading calendar: strictly increasing day numbers with gaps of 1 to 6 days. */
const datesArb = fc
  .tuple(fc.integer({ min: 10_000, max: 20_000 }), fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 2, maxLength: 400 }))
  .map(([start, gaps]) => {
    const d = [start];
    for (const g of gaps) d.push(d[d.length - 1]! + g);
    return Int32Array.from(d);
  });

/** The period of a day under a rule, written independently of the code under test. */
function period(rule: CalendarRule, day: number): string {
  const { year, month } = ymdFromDay(day);
  if (rule === 'monthly') return `${year}-${month}`;
  if (rule === 'quarterly') return `${year}-Q${Math.ceil(month / 3)}`;
  if (rule === 'yearly') return `${year}`;
  // weekly: Monday-start weeks; new Date(...).getUTCDay() gives 0 = Sunday.
  const weekday = (new Date(day * 86_400_000).getUTCDay() + 6) % 7;
  return String(day - weekday);
}

describe('calendar schedule properties', () => {
  it('one decision per period, on its first or last trading day (row 0 always decides)', () => {
    fc.assert(
      fc.property(datesArb, fc.constantFrom<CalendarRule>('weekly', 'monthly', 'quarterly', 'yearly'), fc.constantFrom<'first' | 'last'>('first', 'last'), (dates, rule, on) => {
        const mask = calendarSchedule(dates, { schedule: rule, on });
        const n = dates.length;
        const key = Array.from(dates, (d) => period(rule, d));
        // After the last row comes, at the earliest, the next Monday-to-Friday day (changed: the last
        // row closes its period when that day is in another period; it never triggered before).
        let next = dates[n - 1]! + 1;
        while (new Date(next * 86_400_000).getUTCDay() % 6 === 0) next++;
        const after = period(rule, next);
        for (let t = 1; t < n; t++) {
          const expected = on === 'first' ? key[t] !== key[t - 1] : key[t] !== (t < n - 1 ? key[t + 1] : after);
          expect(mask[t] === 1, `row ${t}`).toBe(expected);
        }
        expect(mask[0]).toBe(1);
      }),
      { numRuns: 300, seed: 11 },
    );
  });

  it('every N trading days decides on rows 0, N, 2N, …', () => {
    fc.assert(
      fc.property(datesArb, fc.integer({ min: 1, max: 30 }), (dates, every) => {
        const mask = calendarSchedule(dates, { schedule: 'monthly', on: 'last', everyDays: every });
        mask.forEach((m, t) => expect(m).toBe(t % every === 0 ? 1 : 0));
      }),
      { numRuns: 100, seed: 12 },
    );
  });
});

describe('drift band property', () => {
  it('never fires while the weights stay inside the band, and fires once they leave it', () => {
    // 50/50 in A and B. With x = (A_t/A_0)/(B_t/B_0) kept in [0.8, 1.25], the drifted weight of A
    // is x/(x + 1) ∈ [0.444, 0.556]: inside a ±0.06 band around 0.5, never outside it.
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0.8, max: 1.25, noNaN: true }), { minLength: 2, maxLength: 200 }), (ratios) => {
        const n = ratios.length + 1;
        const prices = new Float64Array(2 * n);
        prices[0] = 1;
        ratios.forEach((x, k) => (prices[k + 1] = x));
        prices.fill(1, n);
        const run = (band: number) =>
          simulateKernel({ nDates: n, nAssets: 2, prices, calendar: Uint8Array.from({ length: n }, (_, t) => (t === 0 ? 1 : 0)), bandAbsolute: band, bandRelative: 0, lag: 0, costRate: 0, decide: (_t, out) => out.set([0.5, 0.5]) });
        expect(run(0.06).trades.count).toBe(1);
        // A tighter band fires at the first row whose drift exceeds it: |x/(x+1) − 0.5| > 0.02.
        const first = ratios.findIndex((x) => Math.abs(x / (x + 1) - 0.5) > 0.02);
        const tight = run(0.02);
        if (first < 0) expect(tight.trades.count).toBe(1);
        else expect(tight.trades.row[1]).toBe(first + 1);
      }),
      { numRuns: 200, seed: 13 },
    );
  });
});
