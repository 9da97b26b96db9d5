/**
 * Stress windows: the full run's daily returns restricted to named periods. For each window
 * [F, T] the rows are those dated F ≤ date ≤ T (row 0, the start day, is never a return row).
 * With V the end-of-day value (equity for the strategy; the benchmark's cumulative value with a
 * day without a benchmark price counted as a 0 return) and s..e the window's rows:
 *
 * - return = V_e / V_{s−1} − 1, the move from the close before the window to its last close;
 * - max drawdown = max over s ≤ t ≤ e of 1 − V_t / max(V_{s−1}, …, V_t) (the value at entry
 *   counts as a peak), a positive fraction;
 * - recovery: P = max(1, V_0, …, V_{s−1}) is the pre-window peak (initial capital counts). If
 *   V stays ≥ P through the window, status "not below peak"; otherwise the first row after the
 *   window's lowest close (searching to the end of the run) where V ≥ P again is the recovery
 *   date, or "not recovered" when there is none.
 *
 * A window with no return row in the run is "no data" (figures null, never zero). A window the
 * run covers only in part (it starts on or after F, or ends before T) is "partial" and says
 * which dates it covers.
 */
import { formatIsoDate, parseIsoDate } from '../core/dates.js';
import { lowerBound } from '../core/panel.js';

export interface StressWindow {
  readonly name: string;
  readonly from: string;
  readonly to: string;
  readonly note?: string;
}

/** The built-in windows (a strategy file adds its own under `stressWindows`). */
export const DEFAULT_STRESS_WINDOWS: readonly StressWindow[] = [
  { name: 'Global financial crisis', from: '2008-09-01', to: '2009-03-31' },
  { name: 'China crash', from: '2015-06-01', to: '2016-02-29' },
  { name: 'Q4 2018 selloff', from: '2018-10-01', to: '2018-12-31' },
  { name: 'Covid crash', from: '2020-02-19', to: '2020-04-30' },
  { name: 'Rate shock', from: '2022-01-01', to: '2022-12-31' },
  { name: 'AI rally', from: '2023-01-01', to: '2024-12-31' },
  {
    name: 'DeepSeek moment',
    from: '2025-02-04',
    to: '2025-03-18',
    note: 'the seed reports +41.6% for a Chinese AI index against +22.4% for the Hang Seng',
  },
];

export interface Recovery {
  readonly status: 'recovered' | 'not recovered' | 'not below peak';
  readonly date: string | null;
  /** Trading days from the window's first row to the recovery row. */
  readonly tradingDays: number | null;
}

export interface WindowFigures {
  readonly return: number | null;
  readonly maxDrawdown: number | null;
  readonly recovery: Recovery;
}

export interface StressWindowResult extends StressWindow {
  readonly source: 'built-in' | 'strategy file';
  readonly coverage: 'full' | 'partial' | 'no data';
  /** The dates of the run's rows inside the window (null without data). */
  readonly covered: { readonly from: string; readonly to: string } | null;
  readonly strategy: WindowFigures | null;
  readonly benchmark: WindowFigures | null;
}

export interface StressInputs {
  /** The run's dates; row 0 is the start day. */
  readonly dates: Int32Array;
  /** End-of-day equity of the strategy, equity[0] after the start day's trade. */
  readonly equity: Float64Array;
  /** Benchmark simple returns (row 0 NaN; NaN = no price that day), or null. */
  readonly benchmarkReturns: Float64Array | null;
}

export function stressWindows(inputs: StressInputs, windows: readonly (StressWindow & { source: StressWindowResult['source'] })[]): StressWindowResult[] {
  const { dates, equity } = inputs;
  const n = dates.length;
  const bench = inputs.benchmarkReturns ? cumulativeValue(inputs.benchmarkReturns) : null;
  return windows.map((w) => {
    const F = parseIsoDate(w.from);
    const T = parseIsoDate(w.to);
    const s = Math.max(1, lowerBound(dates, F));
    const e = lowerBound(dates, T + 1) - 1;
    if (n < 2 || e < s) return { ...w, coverage: 'no data', covered: null, strategy: null, benchmark: null };
    const partial = (dates[0] as number) >= F || (dates[n - 1] as number) < T;
    return {
      ...w,
      coverage: partial ? 'partial' : 'full',
      covered: { from: formatIsoDate(dates[s] as number), to: formatIsoDate(dates[e] as number) },
      strategy: windowFigures(equity, s, e, dates),
      benchmark: bench ? windowFigures(bench, s, e, dates) : null,
    };
  });
}

/** V_0 = 1, V_t = V_{t−1} · (1 + r_t), a NaN return counted as 0. */
export function cumulativeValue(returns: Float64Array): Float64Array {
  const v = new Float64Array(returns.length);
  if (returns.length === 0) return v;
  v[0] = 1;
  for (let t = 1; t < returns.length; t++) {
    const r = returns[t] as number;
    v[t] = (v[t - 1] as number) * (Number.isFinite(r) ? 1 + r : 1);
  }
  return v;
}

/** Figures of the value path V over the window rows s..e (1 ≤ s ≤ e < V.length). */
export function windowFigures(V: Float64Array, s: number, e: number, dates: Int32Array): WindowFigures {
  const entry = V[s - 1] as number;
  let peak = entry;
  let worst = 0;
  let trough = s;
  for (let t = s; t <= e; t++) {
    const v = V[t] as number;
    if (v > peak) peak = v;
    const dd = 1 - v / peak;
    if (dd > worst) worst = dd;
    if (v < (V[trough] as number)) trough = t;
  }
  let prior = 1;
  for (let t = 0; t < s; t++) if ((V[t] as number) > prior) prior = V[t] as number;
  let recovery: Recovery;
  if ((V[trough] as number) >= prior) recovery = { status: 'not below peak', date: null, tradingDays: null };
  else {
    let t = trough + 1;
    while (t < V.length && (V[t] as number) < prior) t++;
    recovery =
      t < V.length
        ? { status: 'recovered', date: formatIsoDate(dates[t] as number), tradingDays: t - s + 1 }
        : { status: 'not recovered', date: null, tradingDays: null };
  }
  const ret = (V[e] as number) / entry - 1;
  return { return: Number.isFinite(ret) ? ret : null, maxDrawdown: Number.isFinite(worst) ? worst : null, recovery };
}
