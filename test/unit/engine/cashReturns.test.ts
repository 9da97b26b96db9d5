import { describe, expect, it } from 'vitest';
import { dayFromYmd } from '../../../src/core/dates.js';
import { cashReturns } from '../../../src/engine/cashReturns.js';
import { runBacktest } from '../../../src/engine/runBacktest.js';
import { readCashRates } from '../../../src/data/readCashRates.js';
import { buildReport } from '../../../src/report/buildReport.js';
import { checkStrategy } from '../../../src/strategy/checkStrategy.js';
import { spec, wavePanel } from '../robust/panelFixture.js';

const panel = wavePanel(['AAA', 'SHY'], 300);
const base = { sleeves: { a: { assets: ['AAA'] } } };

describe('cash returns', () => {
  it('a rate accrues (1 + rate)^(1/252) − 1 per daily period; row 0 is the start', () => {
    const r = cashReturns(spec({ ...base, cash: { rate: 0.02 } }), panel, 10, 20)!;
    expect(r.returns[0]).toBe(0);
    // (1.02)^(1/252) − 1 = 7.8584...e-5
    for (let t = 1; t < 10; t++) expect(r.returns[t]).toBe(Math.pow(1.02, 1 / 252) - 1);
    expect(r.description).toBe('2% a year, accrued per period as (1 + rate)^(1/252) − 1');
    expect(cashReturns(spec(base), panel, 10, 20)).toBeNull();
  });

  it('a ticker earns its own returns p_t / p_{t−1} − 1, 0 (with a warning) where it has no price', () => {
    const holed = { ...panel, values: Float64Array.from(panel.values) };
    holed.values[300 + 15] = Number.NaN; // SHY on row 15: rows 15 and 16 have no return
    const r = cashReturns(spec({ ...base, cash: { ticker: 'SHY' } }), holed, 10, 20)!;
    const p = (t: number) => panel.values[300 + t]!;
    expect(r.returns[1]).toBe(p(11) / p(10) - 1);
    expect(r.returns[5]).toBe(0);
    expect(r.returns[6]).toBe(0);
    expect(r.returns[9]).toBe(p(19) / p(18) - 1);
    expect(r.warnings).toEqual(['cash proxy SHY: no return on 2 periods (no price); cash earned 0 there']);
  });

  it('a rate file: the rate in force at the close of t − 1 (last row on or before it) accrues on row t', () => {
    const d = (t: number) => panel.dates[t]!;
    const fmt = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);
    const rates = readCashRates(`date,rate\n${fmt(d(0))},0.01\n${fmt(d(12))},0.05\n`, 'rates.csv');
    const r = cashReturns(spec({ ...base, cash: { rateFile: 'rates.csv' } }), panel, 10, 20, rates)!;
    // Rows 1..2 (t − 1 = rows 10, 11 of the panel) at 1%; from row 3 (t − 1 = panel row 12) at 5%.
    expect(r.returns[2]).toBe(Math.pow(1.01, 1 / 252) - 1);
    expect(r.returns[3]).toBe(Math.pow(1.05, 1 / 252) - 1);
    const late = readCashRates(`date,rate\n${fmt(d(15))},0.05\n`, 'late.csv');
    expect(() => cashReturns(spec({ ...base, cash: { rateFile: 'late.csv' } }), panel, 10, 20, late)).toThrow(/late.csv:2: the rates start .* after the period start/);
  });

  it('rejects malformed rate files line by line', () => {
    expect(() => readCashRates('day,rate\n', 'f.csv')).toThrow('f.csv:1: expected the header date,rate');
    expect(() => readCashRates('date,rate\n2020-01-02,5.25\n', 'f.csv')).toThrow('f.csv:2: rate "5.25" must be an annual rate');
    expect(() => readCashRates('date,rate\n2020-01-02,0.05\n2020-01-01,0.04\n', 'f.csv')).toThrow('f.csv:3: 2020-01-01 is not after 2020-01-02');
    expect(() => readCashRates('date,rate\n', 'f.csv')).toThrow('f.csv: no rates');
    expect(readCashRates('date,rate\n2020-01-02,0.05\n', 'f.csv').dates[0]).toBe(dayFromYmd(2020, 1, 2));
  });
});

describe('a run whose cash earns', () => {
  it('half in AAA, half in cash at 3%: equity = 0.5·V₀·p_t/p_{t₀} + 0.5·V₀·(1.03)^{k/252} between trades', () => {
    const s = spec({
      ...base,
      allocation: { across: { method: 'fixed', weights: { a: 1 } }, within: { method: 'fixed', weights: { AAA: 0.5 } } },
      rebalance: { schedule: 'quarterly', lag: 0 },
      cash: { rate: 0.03 },
      period: { from: '2015-01-01', to: '2015-03-20' },
    });
    const result = runBacktest(s, { panel });
    const daily = Math.pow(1.03, 1 / 252) - 1;
    const p = (t: number) => panel.values[t]!;
    // Lag 0, first trade at the start close (row 0), no costs: 0.5 in AAA, 0.5 in cash; no other trade before March.
    expect(result.ledger.trades.count).toBe(1);
    for (const t of [1, 20, 50]) expect(result.ledger.equity[t]).toBeCloseTo(0.5 * (p(t) / p(0)) + 0.5 * Math.pow(1 + daily, t), 14);
    expect(result.ledger.cash[50]).toBeCloseTo(0.5 * Math.pow(1 + daily, 50), 15);
  });

  it('riskFree: cash makes Sharpe the mean excess over the cash series, and the report states both', () => {
    const s = spec({ ...base, cash: { ticker: 'SHY' }, reporting: { riskFree: 'cash' }, period: { from: '2015-03-02', to: '2015-12-31' } });
    const result = runBacktest(s, { panel });
    const report = buildReport({
      result,
      strategyFile: null,
      data: { directory: 'fixture', synthetic: true, files: [], filled: {}, droppedDates: {}, warnings: [], currency: null },
      grossReturns: null,
      includeSeries: false,
    });
    const r = [...result.ledger.returns.subarray(1)];
    const c = [...result.cash!.returns.subarray(1)];
    // Independent: x = r − c; Sharpe = mean(x) / sd(x, n − 1) · √252.
    const x = r.map((v, i) => v - c[i]!);
    const mean = x.reduce((a, b) => a + b, 0) / x.length;
    const sd = Math.sqrt(x.reduce((a, b) => a + (b - mean) ** 2, 0) / (x.length - 1));
    expect(report.metrics['sharpe']).toBeCloseTo((mean / sd) * Math.sqrt(252), 12);
    // Sortino against the cash series: mean(x) · 252 / (√(mean(min(x, 0)²)) · √252).
    const down = Math.sqrt(x.reduce((a, b) => a + Math.min(b, 0) ** 2, 0) / x.length) * Math.sqrt(252);
    expect(report.metrics['sortino']).toBeCloseTo((mean * 252) / down, 12);
    expect(report.convention.cash).toBe('held in SHY (its daily returns)');
    expect(report.convention.riskFree).toBe('cash, held in SHY (its daily returns); Sharpe, alpha and Sortino are measured in excess of it');
  });

  it('riskFree: cash needs a cash key and excludes riskFreeRate and mar', () => {
    expect(checkStrategy(spec({ ...base, reporting: { riskFree: 'cash' } })).map((i) => i.path.join('.'))).toEqual(['reporting.riskFree']);
    expect(checkStrategy(spec({ ...base, cash: { rate: 0.01 }, reporting: { riskFree: 'cash', mar: 0.02 } })).map((i) => i.path.join('.'))).toEqual(['reporting.mar']);
    expect(checkStrategy(spec({ ...base, cash: { rate: 0.01 }, reporting: { riskFree: 'cash' } }))).toEqual([]);
  });
});
