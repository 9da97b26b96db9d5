/**
 * What runBacktest remembers between runs (strategyLayout per spec, the assets' panel columns
 * per layout and panel, the last calendar asked for): the same answers as computing afresh, and
 * a fresh answer whenever an input differs.
 */
import { describe, expect, it } from 'vitest';
import { parseIsoDate } from '../../../src/core/dates.js';
import { UserError } from '../../../src/core/errors.js';
import { columnsOfAssets, panelColumnIndex } from '../../../src/engine/panelColumnIndex.js';
import { plainMethod } from '../../../src/engine/plainDecisions.js';
import { runCalendar } from '../../../src/engine/runCalendar.js';
import { strategyLayout } from '../../../src/engine/strategyLayout.js';
import { calendarSchedule, type CalendarSpec } from '../../../src/schedule/calendarSchedule.js';
import { strategySchema } from '../../../src/strategy/schema.js';

const raw = {
  version: 1,
  name: 't',
  sleeves: { s: { assets: ['B', 'A'] }, g: { assets: ['C', 'A'] } },
  allocation: { within: { method: 'inverseVol', lookback: 20 } },
};

describe('strategyLayout and plainMethod, remembered per spec object', () => {
  it('give the same object for the same spec, and an equal fresh one for another parse of it', () => {
    const spec = strategySchema.parse(raw);
    const layout = strategyLayout(spec);
    expect(strategyLayout(spec)).toBe(layout);
    // Assets in order of first appearance: B, A (sleeve s), then C.
    expect(layout.assets).toEqual(['B', 'A', 'C']);
    const again = strategyLayout(strategySchema.parse(raw));
    expect(again).not.toBe(layout);
    expect(again).toEqual(layout);
    // Two sleeves: not plain, whichever layout object it is asked with.
    expect(plainMethod(spec, layout)).toBeNull();
    const one = strategySchema.parse({ ...raw, sleeves: { s: { assets: ['A', 'B'] } } });
    expect(plainMethod(one, strategyLayout(one))).toEqual({ kind: 'inverseVol', lookback: 20, need: 20, fallback: 'equal' });
    expect(plainMethod(one, strategyLayout(one))).toBe(plainMethod(one, strategyLayout(one)));
  });
});

describe('columnsOfAssets', () => {
  it('finds each asset’s panel column, per panel assets array, and names a missing one', () => {
    const assets = ['B', 'A', 'C'];
    // Panel 1 holds A, B, C in columns 0, 1, 2; panel 2 holds C, B, A, D.
    const p1 = ['A', 'B', 'C'];
    const p2 = ['C', 'B', 'A', 'D'];
    const c1 = columnsOfAssets(assets, p1);
    expect([...c1.columns, c1.inOrder]).toEqual([1, 0, 2, false]);
    expect(c1.list).toEqual([1, 0, 2]);
    expect(columnsOfAssets(assets, p1)).toBe(c1);
    const c2 = columnsOfAssets(assets, p2);
    expect([...c2.columns, c2.inOrder]).toEqual([1, 2, 0, false]);
    expect([...columnsOfAssets(['C', 'B'], p2).columns, columnsOfAssets(['C', 'B'], p2).inOrder]).toEqual([0, 1, true]);
    expect(() => columnsOfAssets(['A', 'E'], p2)).toThrow(UserError);
    expect(() => columnsOfAssets(['A', 'E'], p2)).toThrow('strategy asset E is not in the loaded data');
    // A ticker listed twice: its last column, as a Map built from the list in order.
    expect(panelColumnIndex(['A', 'B', 'A']).get('A')).toBe(2);
  });
});

describe('runCalendar', () => {
  it('returns what calendarSchedule computes for each period and rule, asked in any order', () => {
    // 60 weekdays from Monday 2024-01-01.
    const days: number[] = [];
    for (let d = parseIsoDate('2024-01-01'); days.length < 60; d++) if ((((d + 3) % 7) + 7) % 7 < 5) days.push(d);
    const dates = Int32Array.from(days);
    const monthly: CalendarSpec = { schedule: 'monthly', on: 'last' };
    const weekly: CalendarSpec = { schedule: 'weekly', on: 'first', offset: 1 };
    const asks: [number, number, CalendarSpec][] = [
      [0, 60, monthly],
      [0, 60, monthly],
      [5, 40, monthly],
      [0, 60, weekly],
      [0, 60, monthly],
      [5, 40, { ...monthly }],
    ];
    for (const [lo, hi, spec] of asks) {
      expect(Array.from(runCalendar(dates, lo, hi, spec))).toEqual(Array.from(calendarSchedule(dates.subarray(lo, hi), spec, dates[hi])));
    }
    // Monthly on last over rows 0..59 (Jan 2024 has 23 weekdays, Feb 21): row 0, then Jan 31
    // (row 22), Feb 29 (row 43); March is not over at row 59 (the data go on to no later day).
    const rows = (c: Uint8Array) => [...c.keys()].filter((t) => c[t] === 1);
    expect(rows(runCalendar(dates, 0, 60, monthly))).toEqual([0, 22, 43]);
  });
});
