import { describe, expect, it } from 'vitest';
import { parseIsoDate } from '../../../src/core/dates.js';
import { DEFAULT_STRESS_WINDOWS, stressWindows } from '../../../src/robust/stressWindows.js';

const days = (isos: string[]) => Int32Array.from(isos, parseIsoDate);
// row:        0            1            2            3            4            5            6            7
const dates = days(['2020-02-14', '2020-02-18', '2020-02-19', '2020-02-20', '2020-02-21', '2020-02-24', '2020-05-01', '2020-05-04']);
const equity = Float64Array.from([1.0, 1.1, 1.05, 0.99, 0.88, 0.95, 1.08, 1.12]);
// Benchmark returns: V_b = 1, 1.05, 0.945, 0.945 (no price: counted as 0), 0.9639, then flat.
const bench = Float64Array.from([Number.NaN, 0.05, -0.1, Number.NaN, 0.02, 0, 0, 0]);
const builtIn = DEFAULT_STRESS_WINDOWS.map((w) => ({ ...w, source: 'built-in' as const }));

describe('stressWindows', () => {
  const results = stressWindows({ dates, equity, benchmarkReturns: bench }, [
    ...builtIn,
    { name: 'late', from: '2020-02-20', to: '2020-06-30', source: 'strategy file' },
    { name: 'one day', from: '2020-05-04', to: '2020-05-04', source: 'strategy file' },
  ]);
  const byName = (name: string) => results.find((r) => r.name === name)!;

  it('reports windows outside the data as "no data" with null figures, not zero', () => {
    for (const name of ['Global financial crisis', 'China crash', 'Q4 2018 selloff', 'Rate shock', 'AI rally', 'DeepSeek moment']) {
      const w = byName(name);
      expect(w.coverage).toBe('no data');
      expect(w.covered).toBeNull();
      expect(w.strategy).toBeNull();
      expect(w.benchmark).toBeNull();
    }
  });

  it('computes return, drawdown and recovery inside a covered window (by hand)', () => {
    const w = byName('Covid crash'); // 2020-02-19..2020-04-30: rows 2..5, entry = row 1 (1.10)
    expect(w.coverage).toBe('full');
    expect(w.covered).toEqual({ from: '2020-02-19', to: '2020-02-24' });
    expect(w.strategy!.return).toBeCloseTo(0.95 / 1.1 - 1, 14); // −13.6%
    expect(w.strategy!.maxDrawdown).toBeCloseTo(1 - 0.88 / 1.1, 14); // 20%
    // Pre-window peak 1.10 (row 1); low at row 4; first close ≥ 1.10 after it is row 7.
    expect(w.strategy!.recovery).toEqual({ status: 'recovered', date: '2020-05-04', tradingDays: 6 });
    // Benchmark: 0.9639 / 1.05 − 1; drawdown 1 − 0.945 / 1.05 = 10%; never back to 1.05.
    expect(w.benchmark!.return).toBeCloseTo(0.9639 / 1.05 - 1, 14);
    expect(w.benchmark!.maxDrawdown).toBeCloseTo(0.1, 14);
    expect(w.benchmark!.recovery).toEqual({ status: 'not recovered', date: null, tradingDays: null });
  });

  it('says which part of a partly covered window it used', () => {
    const w = byName('late'); // rows 3..7, data end 2020-05-04 before 2020-06-30
    expect(w.coverage).toBe('partial');
    expect(w.source).toBe('strategy file');
    expect(w.covered).toEqual({ from: '2020-02-20', to: '2020-05-04' });
    expect(w.strategy!.return).toBeCloseTo(1.12 / 1.05 - 1, 14);
    expect(w.strategy!.maxDrawdown).toBeCloseTo(1 - 0.88 / 1.05, 14);
  });

  it('says "not below peak" when the window never falls under the pre-window peak', () => {
    const w = byName('one day'); // row 7 only: 1.12 ≥ pre-window peak 1.10
    expect(w.strategy!.return).toBeCloseTo(1.12 / 1.08 - 1, 14);
    expect(w.strategy!.maxDrawdown).toBe(0);
    expect(w.strategy!.recovery.status).toBe('not below peak');
  });

  it('a window starting at or before the first date is partial', () => {
    const [w] = stressWindows({ dates, equity, benchmarkReturns: null }, [{ name: 'early', from: '2020-01-01', to: '2020-02-19', source: 'strategy file' }]);
    expect(w!.coverage).toBe('partial');
    expect(w!.covered).toEqual({ from: '2020-02-18', to: '2020-02-19' });
    expect(w!.strategy!.return).toBeCloseTo(1.05 / 1.0 - 1, 14);
    expect(w!.benchmark).toBeNull();
  });
});
