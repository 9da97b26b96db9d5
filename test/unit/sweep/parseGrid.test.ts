/**
 * Grid flags → parameters, the variant order (last grid fastest), setting dotted paths, and
 * the one-line errors for malformed flags and invalid combinations.
 */
import { describe, expect, it } from 'vitest';
import { loadStrategy } from '../../../src/strategy/loadStrategy.js';
import { checkGrid } from '../../../src/sweep/checkGrid.js';
import { gridSize, parseGrid, parseGridArg, variantValues } from '../../../src/sweep/parseGrid.js';
import { setSpecPath } from '../../../src/sweep/setSpecPath.js';
import { variantSpec } from '../../../src/sweep/variantSpec.js';

const base = loadStrategy('strategies/seed-barbell.yaml').spec;

describe('parseGridArg', () => {
  it('parses numbers as numbers and other values as text', () => {
    expect(parseGridArg('costs.bps=0,5,10')).toEqual({ path: 'costs.bps', values: [0, 5, 10] });
    expect(parseGridArg('rebalance.schedule=monthly, quarterly')).toEqual({ path: 'rebalance.schedule', values: ['monthly', 'quarterly'] });
    expect(parseGridArg('x.y=1e-3,-2.5,.5,0x10,Infinity')).toEqual({ path: 'x.y', values: [0.001, -2.5, 0.5, 16, 'Infinity'] });
  });

  it.each([
    ['costs.bps', /expected PATH=V1,V2/],
    ['=1,2', /the PATH before "=" is empty/],
    ['costs.bps=', /comma-separated list of values/],
    ['costs.bps=1,,2', /no empty value/],
    ['costs..bps=1', /"" is not a valid path segment/],
    ['costs.b ps=1', /"b ps" is not a valid path segment/],
    ['costs.bps=5,5', /the value 5 is listed twice/],
  ])('rejects %s', (text, pattern) => {
    expect(() => parseGridArg(text)).toThrow(pattern);
  });

  it('rejects no grid and overlapping paths', () => {
    expect(() => parseGrid([])).toThrow(/at least one --grid/);
    expect(() => parseGrid(['costs.bps=1', 'costs.bps=2'])).toThrow(/--grid costs.bps: overlaps --grid costs.bps/);
    expect(() => parseGrid(['rebalance=1', 'rebalance.lag=2'])).toThrow(/overlaps/);
  });
});

describe('variant order', () => {
  it('is nested loops over the grids as given, the last fastest', () => {
    const grid = parseGrid(['a=1,2', 'b=x,y,z']);
    expect(gridSize(grid)).toBe(6);
    const all = Array.from({ length: 6 }, (_, i) => variantValues(grid, i));
    const expected: (string | number)[][] = [];
    for (const a of [1, 2]) for (const b of ['x', 'y', 'z']) expected.push([a, b]);
    expect(all).toEqual(expected);
    // Three grids 2×3×2: variant 9 = 1·6 + 1·2 + 1 → (second, second, second).
    expect(variantValues(parseGrid(['a=1,2', 'b=x,y,z', 'c=p,q']), 9)).toEqual([2, 'y', 'q']);
  });
});

describe('setSpecPath', () => {
  it('sets nested values on a copy, creating objects and indexing arrays', () => {
    const src = { a: { b: 1 }, list: ['p', 'q'] };
    expect(setSpecPath(src, 'a.b', 2)).toEqual({ a: { b: 2 }, list: ['p', 'q'] });
    expect(setSpecPath(src, 'a.c.d', 'x')).toEqual({ a: { b: 1, c: { d: 'x' } }, list: ['p', 'q'] });
    expect(setSpecPath(src, 'list.1', 'r')).toEqual({ a: { b: 1 }, list: ['p', 'r'] });
    expect(src).toEqual({ a: { b: 1 }, list: ['p', 'q'] });
    expect(() => setSpecPath(src, 'a.b.c', 1)).toThrow(/--grid a.b.c: a.b is 1, not an object/);
    expect(() => setSpecPath(src, 'list.x', 1)).toThrow(/list is a list; expected a position/);
  });
});

describe('variantSpec and checkGrid', () => {
  it('builds and re-validates each variant', () => {
    const grid = parseGrid(['costs.bps=0,7', 'rebalance.schedule=monthly,quarterly']);
    const v3 = variantSpec(base, grid, 3);
    expect(v3.costs.bps).toBe(7);
    expect(v3.rebalance.schedule).toBe('quarterly');
    expect(v3.rebalance.lag).toBe(1); // the rest of the base is kept
    expect(base.costs.bps).toBe(5); // and the base is untouched
  });

  it('names the grid path and value of an invalid combination, in one line', () => {
    const tooBig = parseGrid(['rebalance.schedule=monthly,weekly', 'costs.bps=5,2000']);
    expect(() => checkGrid(base, tooBig)).toThrow(/^--grid costs\.bps=2000: costs\.bps: Too big: expected number to be <=1000$/);
    expect(() => checkGrid(base, parseGrid(['rebalance.schedule=monthly,hourly']))).toThrow(/^--grid rebalance\.schedule=hourly: rebalance\.schedule: /);
    expect(() => checkGrid(base, parseGrid(['costs.bpz=1']))).toThrow(/^--grid costs\.bpz=1: costs: unknown key "bpz"$/);
    // A cross-field check: fixed weights over sleeves that then do not sum to 1.
    expect(() => checkGrid(base, parseGrid(['allocation.across.weights.gold=0.2,0.5']))).toThrow(/^--grid allocation\.across\.weights\.gold=0\.5: allocation\.across/);
    expect(() => checkGrid(base, parseGrid(['data.maxFillDays=1,2']))).toThrow(/--grid data.maxFillDays: data cannot vary within one sweep/);
  });

  it('groups the variants by the panel they need (tickers, currency, period end)', () => {
    // 2 gold tickers × 2 benchmarks = 4 ticker sets: one group each, first variants 0,1,2,3.
    const check = checkGrid(base, parseGrid(['sleeves.gold.assets.0=GLD,IAU', 'benchmark=SPY,QQQ']));
    expect(check.count).toBe(4);
    expect(check.groups.map((g) => g.first)).toEqual([0, 1, 2, 3]);
    expect(JSON.parse(check.groups[3]!.key)[0]).toEqual(['GOOGL', 'IAU', 'LMT', 'MSFT', 'NOC', 'NVDA', 'QQQ', 'RTX', 'TLT', 'TSM', 'XLP', 'XLU']);
    // Costs do not change the panel: 3 variants, 1 group; a period end does: 2 groups.
    expect(checkGrid(base, parseGrid(['costs.bps=0,5,10'])).groups).toHaveLength(1);
    expect(checkGrid(base, parseGrid(['period.to=2020-12-31,2021-06-30'])).groups.map((g) => g.first)).toEqual([0, 1]);
    // A cash proxy is loaded with the prices (cash: { ticker }): it is part of the group key.
    const cash = loadStrategy('strategies/trend-to-cash.yaml').spec;
    expect(JSON.parse(checkGrid(cash, parseGrid(['allocation.trendFilter.period=100,200'])).groups[0]!.key)[0]).toContain('SHY');
  });
});
