/**
 * Reference check against PerformanceAnalytics 2.0.8 semantics on real prices. R is not
 * available here, so the expected values come from the naive implementation below: plain loops
 * transcribing the R functions (Return.annualized, StdDev.annualized, SharpeRatio.annualized,
 * DownsideDeviation, SortinoRatio, maxDrawdown, CalmarRatio, VaR/ES historical with R's
 * quantile type 7, skewness/kurtosis method "moment"/"excess", findDrawdowns, CAPM.beta,
 * CAPM.alpha, TrackingError, InformationRatio), written independently of src/metrics.
 * Required agreement: 1e-9 relative.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readReturnsCsv } from '../../../src/data/readReturnsCsv.js';
import { computeMetrics } from '../../../src/metrics/computeMetrics.js';
import { computeRelativeMetrics } from '../../../src/metrics/computeRelativeMetrics.js';
import { metricContext } from '../../../src/metrics/convention.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const dir = path.resolve(repoRoot, '../shared/data/real');
const TICKERS = ['SPY', 'NVDA', 'TLT', 'GLD'];
const SCALE = 252;

/** date → adj_close of one real file, 2010-01-01 .. 2024-12-31. */
function readAdjClose(ticker: string): Map<string, number> {
  const lines = readFileSync(path.join(dir, `${ticker}.csv`), 'utf8').trim().split('\n');
  const header = (lines[0] as string).split(',');
  const col = header.indexOf('adj_close');
  const out = new Map<string, number>();
  for (const line of lines.slice(1)) {
    const f = line.split(',');
    const date = f[0] as string;
    if (date < '2010-01-01' || date > '2024-12-31') continue;
    const v = Number(f[col]);
    if (f[col] !== '' && Number.isFinite(v)) out.set(date, v);
  }
  return out;
}

/** A returns CSV built from the aligned (common-date) adjusted closes, as a user would write it. */
function buildReturnsCsv(): string {
  const prices = TICKERS.map(readAdjClose);
  const common = [...(prices[0] as Map<string, number>).keys()].filter((d) => prices.every((p) => p.has(d))).sort();
  const rows = ['date,' + TICKERS.join(',')];
  for (let t = 1; t < common.length; t++) {
    const cells = prices.map((p) => String((p.get(common[t] as string) as number) / (p.get(common[t - 1] as string) as number) - 1));
    rows.push(`${common[t]},${cells.join(',')}`);
  }
  return rows.join('\n') + '\n';
}

// ---- naive PerformanceAnalytics (R) transcriptions -------------------------------------------
const sum = (x: number[]): number => x.reduce((a, b) => a + b, 0);
const meanR = (x: number[]): number => sum(x) / x.length;
/** R var(): Σ(x − x̄)² / (n − 1) */
const varR = (x: number[]): number => {
  const m = meanR(x);
  return sum(x.map((v) => (v - m) ** 2)) / (x.length - 1);
};
const covR = (x: number[], y: number[]): number => {
  const mx = meanR(x);
  const my = meanR(y);
  return sum(x.map((v, i) => (v - mx) * ((y[i] as number) - my))) / (x.length - 1);
};
const returnAnnualized = (R: number[]): number => Math.pow(R.reduce((p, r) => p * (1 + r), 1), SCALE / R.length) - 1;
const stdDevAnnualized = (R: number[]): number => Math.sqrt(varR(R)) * Math.sqrt(SCALE);
/** DownsideDeviation(R, MAR = 0, method = "full"): r = R[R < MAR]; √(Σ(r − MAR)² / length(R)) */
const downsideDeviation = (R: number[]): number => Math.sqrt(sum(R.filter((r) => r < 0).map((r) => r * r)) / R.length);
/** Drawdowns(): cumprod(1+R) / cummax(c(1, cumprod(1+R)))[-1] − 1 */
function drawdownsR(R: number[]): number[] {
  const out: number[] = [];
  let wealth = 1;
  let peak = 1;
  for (const r of R) {
    wealth *= 1 + r;
    peak = Math.max(peak, wealth);
    out.push(wealth / peak - 1);
  }
  return out;
}
/** maxDrawdown(): reported as a positive number (−min of Drawdowns). */
const maxDrawdownR = (R: number[]): number => -Math.min(...drawdownsR(R));
/** findDrawdowns()$length, longest over the negative episodes (translation of the R loop, 1-based). */
function longestFindDrawdowns(R: number[]): number {
  const dd = drawdownsR(R);
  const draw: number[] = [];
  const begin: number[] = [];
  const end: number[] = [];
  let priorSign = (dd[0] as number) >= 0 ? 1 : 0;
  let from = 1;
  let sofar = dd[0] as number;
  let to = 1;
  for (let i = 1; i <= dd.length; i++) {
    const thisSign = (dd[i - 1] as number) < 0 ? 0 : 1;
    if (thisSign === priorSign) {
      if ((dd[i - 1] as number) < sofar) sofar = dd[i - 1] as number;
      to = i + 1;
    } else {
      draw.push(sofar);
      begin.push(from);
      end.push(to);
      from = i;
      sofar = dd[i - 1] as number;
      to = i + 1;
      priorSign = thisSign;
    }
  }
  draw.push(sofar);
  begin.push(from);
  end.push(to);
  let longest = 0;
  draw.forEach((d, k) => {
    if (d < 0) longest = Math.max(longest, (end[k] as number) - (begin[k] as number) + 1);
  });
  return longest;
}
/** R quantile(x, probs, type = 7), 1-based as in quantile.default. */
function quantile7(x: number[], probs: number): number {
  const s = [...x].sort((a, b) => a - b);
  const n = s.length;
  const index = 1 + (n - 1) * probs;
  const lo = Math.floor(index);
  const hi = Math.ceil(index);
  let qs = s[lo - 1] as number;
  if (index > lo && s[hi - 1] !== qs) {
    const h = index - lo;
    qs = (1 - h) * qs + h * (s[hi - 1] as number);
  }
  return qs;
}
const varHistorical = (R: number[], p: number): number => quantile7(R, 1 - p);
const esHistorical = (R: number[], p: number): number => {
  const v = varHistorical(R, p);
  return meanR(R.filter((r) => r < v));
};
/** skewness(method = "moment"): Σ((x − x̄)³ / √(var(x)(n−1)/n)³) / n */
function skewnessR(x: number[]): number {
  const n = x.length;
  const m = meanR(x);
  const sdPop = Math.sqrt((varR(x) * (n - 1)) / n);
  return sum(x.map((v) => (v - m) ** 3 / sdPop ** 3)) / n;
}
/** kurtosis(method = "excess"): Σ((x − x̄)⁴ / (var(x)(n−1)/n)²) / n − 3 */
function kurtosisExcessR(x: number[]): number {
  const n = x.length;
  const m = meanR(x);
  const varPop = (varR(x) * (n - 1)) / n;
  return sum(x.map((v) => (v - m) ** 4 / varPop ** 2)) / n - 3;
}

function rel(actual: number | null | undefined, expected: number, label: string): void {
  expect(actual, label).toBeTypeOf('number');
  const err = Math.abs((actual as number) - expected) / Math.max(Math.abs(expected), 1e-300);
  expect(err, `${label}: ${actual} vs ${expected}`).toBeLessThanOrEqual(1e-9);
}

describe.skipIf(!existsSync(dir))('PerformanceAnalytics 2.0.8 reference on real prices (SPY, NVDA, TLT, GLD 2010–2024)', () => {
  // The body runs at collection even when skipped: read the files only when they exist.
  const table = existsSync(dir) ? readReturnsCsv(buildReturnsCsv(), 'real-returns.csv') : { names: [] as string[], columns: [] as Float64Array[], dates: new Int32Array(0) };
  const ctx = metricContext(SCALE, 'performanceanalytics');
  const spy = Array.from(table.columns[0] ?? new Float64Array(0));

  it('has a long aligned sample', () => {
    expect(table.names).toEqual(TICKERS);
    expect(table.dates.length).toBeGreaterThan(3500);
  });

  table.names.forEach((name, c) => {
    it(`${name}: single-series metrics agree to 1e-9`, () => {
      const column = table.columns[c] as Float64Array;
      const R = Array.from(column);
      const m = computeMetrics(column, ctx).metrics;
      const ann = returnAnnualized(R);
      const mdd = maxDrawdownR(R);
      rel(m.totalReturn, R.reduce((p, r) => p * (1 + r), 1) - 1, 'totalReturn');
      rel(m.cagr, ann, 'Return.annualized');
      rel(m.annualizedVolatility, stdDevAnnualized(R), 'StdDev.annualized');
      rel(m.sharpe, ann / stdDevAnnualized(R), 'SharpeRatio.annualized');
      rel(m.downsideDeviation, downsideDeviation(R), 'DownsideDeviation');
      rel(m.sortino, meanR(R) / downsideDeviation(R), 'SortinoRatio');
      rel(m.maxDrawdown, mdd, 'maxDrawdown');
      rel(m.calmar, ann / Math.abs(mdd), 'CalmarRatio');
      rel(m.var95, varHistorical(R, 0.95), 'VaR 95');
      rel(m.cvar95, esHistorical(R, 0.95), 'ES 95');
      rel(m.var99, varHistorical(R, 0.99), 'VaR 99');
      rel(m.cvar99, esHistorical(R, 0.99), 'ES 99');
      rel(m.skewness, skewnessR(R), 'skewness');
      rel(m.excessKurtosis, kurtosisExcessR(R), 'kurtosis excess');
      expect(m.longestDrawdownPeriods).toBe(longestFindDrawdowns(R));
    });

    if (c === 0) return;
    it(`${name} vs SPY: relative metrics agree to 1e-9`, () => {
      const column = table.columns[c] as Float64Array;
      const Ra = Array.from(column);
      const m = computeRelativeMetrics(column, table.columns[0] as Float64Array, ctx).metrics;
      const beta = covR(Ra, spy) / varR(spy);
      const active = Ra.map((r, i) => r - (spy[i] as number));
      const te = Math.sqrt(varR(active)) * Math.sqrt(SCALE);
      rel(m.beta, beta, 'CAPM.beta');
      rel(m.alpha, meanR(Ra) - beta * meanR(spy), 'CAPM.alpha');
      rel(m.trackingError, te, 'TrackingError');
      rel(m.informationRatio, (returnAnnualized(Ra) - returnAnnualized(spy)) / te, 'InformationRatio');
      rel(m.correlation, covR(Ra, spy) / Math.sqrt(varR(Ra) * varR(spy)), 'cor');
    });
  });

  it('standard profile agrees with the empyrical forms on the same data', () => {
    const std = metricContext(SCALE, 'standard');
    const R = Array.from(table.columns[1] as Float64Array); // NVDA
    const m = computeMetrics(table.columns[1] as Float64Array, std).metrics;
    rel(m.sharpe, (meanR(R) / Math.sqrt(varR(R))) * Math.sqrt(SCALE), 'sharpe (empyrical)');
    const dsr = Math.sqrt(meanR(R.map((r) => Math.min(r, 0) ** 2))) * Math.sqrt(SCALE);
    rel(m.downsideDeviation, dsr, 'downside_risk');
    rel(m.sortino, (meanR(R) * SCALE) / dsr, 'sortino_ratio');
    // numpy percentile(r, 5): the same type-7 interpolation at 0.05; CVaR takes r ≤ VaR.
    const v = quantile7(R, 0.05);
    rel(m.var95, v, 'value_at_risk');
    rel(m.cvar95, meanR(R.filter((r) => r <= v)), 'conditional_value_at_risk');
    const rel2 = computeRelativeMetrics(table.columns[1] as Float64Array, table.columns[0] as Float64Array, std).metrics;
    const beta = covR(R, spy) / varR(spy);
    rel(rel2.alpha, Math.pow(1 + meanR(R.map((r, i) => r - beta * (spy[i] as number))), SCALE) - 1, 'alpha (empyrical)');
    const upIdx = spy.map((b, i) => (b > 0 ? i : -1)).filter((i) => i >= 0);
    const ann = (x: number[]) => Math.pow(x.reduce((p, r) => p * (1 + r), 1), SCALE / x.length) - 1;
    rel(rel2.upCapture, ann(upIdx.map((i) => R[i] as number)) / ann(upIdx.map((i) => spy[i] as number)), 'up_capture');
  });
});
