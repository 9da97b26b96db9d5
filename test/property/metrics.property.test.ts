import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeConcentration } from '../../src/metrics/computeConcentration.js';
import { computeMetrics } from '../../src/metrics/computeMetrics.js';
import { metricContext } from '../../src/metrics/convention.js';

const ret = fc.double({ min: -0.5, max: 0.5, noNaN: true, noDefaultInfinity: true });
const series = (min: number, max: number) => fc.array(ret, { minLength: min, maxLength: max }).map((a) => Float64Array.from(a));
const relClose = (a: number, b: number, tol: number) => Math.abs(a - b) <= tol * Math.max(Math.abs(b), 1e-300);
const notConstant = (r: Float64Array) => r.some((x) => x !== r[0]);

describe('metrics properties', () => {
  it('scaling returns by c > 0 scales volatility by c and leaves Sharpe unchanged (rf = 0)', () => {
    // Returns below 1e-9 in size are set to 0: squares of 1e-162 underflow, which is no property of the metric.
    const realistic = series(2, 60).map((r) => r.map((x) => (Math.abs(x) < 1e-9 ? 0 : x)));
    fc.assert(
      fc.property(realistic.filter(notConstant), fc.double({ min: 0.01, max: 1.5, noNaN: true }), (r, c) => {
        // Spread below 1e-8 relative to the level makes sd pure rounding noise: skip those.
        const spread = Math.max(...r) - Math.min(...r);
        fc.pre(spread > 1e-8 * Math.max(...Array.from(r, Math.abs)));
        const scaled = r.map((x) => x * c);
        fc.pre(notConstant(scaled));
        const a = computeMetrics(r, metricContext(252, 'standard')).metrics;
        const b = computeMetrics(scaled, metricContext(252, 'standard')).metrics;
        expect(relClose(b.annualizedVolatility as number, c * (a.annualizedVolatility as number), 1e-9)).toBe(true);
        // Sharpe = mean/sd·√P is scale-free; absolute tolerance because a mean near 0 cancels.
        expect(Math.abs((b.sharpe as number) - (a.sharpe as number))).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(a.sharpe as number)));
      }),
    );
  });

  it('maxDrawdown is in [0, 1]', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1, max: 2, noNaN: true }), { minLength: 1, maxLength: 80 }), (a) => {
        for (const convention of ['standard', 'performanceanalytics'] as const) {
          const dd = computeMetrics(Float64Array.from(a), metricContext(252, convention)).metrics.maxDrawdown as number;
          expect(dd).toBeGreaterThanOrEqual(0);
          expect(dd).toBeLessThanOrEqual(1);
        }
      }),
    );
  });

  it('a constant positive return has no drawdown and exactly that CAGR', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-6, max: 0.05, noNaN: true }), fc.integer({ min: 1, max: 500 }), fc.constantFrom(1, 4, 12, 52, 252), (c, n, P) => {
        const { metrics } = computeMetrics(new Float64Array(n).fill(c), metricContext(P, 'standard'));
        expect(metrics.maxDrawdown).toBe(0);
        expect(metrics.longestDrawdownPeriods).toBe(0);
        expect(relClose(metrics.cagr as number, Math.pow(1 + c, P) - 1, 1e-9)).toBe(true);
      }),
    );
  });
});

/** Random end-of-day weights (Σ ≤ 1) and asset returns for a small backtest. */
const backtest = fc
  .record({ nAssets: fc.integer({ min: 1, max: 6 }), nDates: fc.integer({ min: 2, max: 40 }) })
  .chain(({ nAssets, nDates }) =>
    fc.record({
      nAssets: fc.constant(nAssets),
      nDates: fc.constant(nDates),
      raw: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: nAssets * nDates, maxLength: nAssets * nDates }),
      cash: fc.array(fc.double({ min: 0, max: 0.5, noNaN: true }), { minLength: nDates, maxLength: nDates }),
      rets: fc.array(ret, { minLength: nAssets * nDates, maxLength: nAssets * nDates }),
    }),
  );

function buildInput(b: { nAssets: number; nDates: number; raw: number[]; cash: number[]; rets: number[] }) {
  const { nAssets, nDates } = b;
  const weights = new Float64Array(nAssets * nDates);
  for (let t = 0; t < nDates; t++) {
    let s = 0;
    for (let a = 0; a < nAssets; a++) s += b.raw[a * nDates + t] as number;
    for (let a = 0; a < nAssets; a++) weights[a * nDates + t] = s > 0 ? ((b.raw[a * nDates + t] as number) / s) * (1 - (b.cash[t] as number)) : 0;
  }
  const assetReturns = Float64Array.from(b.rets);
  for (let a = 0; a < nAssets; a++) assetReturns[a * nDates] = Number.NaN;
  // Naive portfolio return: r_p,t = Σ_a w_{a,t−1} r_{a,t}
  const portfolioReturns = new Float64Array(nDates);
  for (let t = 1; t < nDates; t++) {
    for (let a = 0; a < nAssets; a++) portfolioReturns[t] = (portfolioReturns[t] as number) + (weights[a * nDates + t - 1] as number) * (assetReturns[a * nDates + t] as number);
  }
  return {
    dates: Int32Array.from({ length: nDates }, (_, t) => 19000 + t),
    assets: Array.from({ length: nAssets }, (_, a) => `A${a}`),
    weights,
    assetReturns,
    portfolioReturns,
    sleeves: [{ name: 'all', members: Array.from({ length: nAssets }, (_, a) => ({ asset: a, fraction: 1 })) }],
    rebalanceIndices: Int32Array.from([0]),
    riskWindow: 20,
    topK: 3,
  };
}

describe('concentration properties', () => {
  it('return contributions sum to the arithmetic portfolio return', () => {
    fc.assert(
      fc.property(backtest, (b) => {
        const input = buildInput(b);
        const s = computeConcentration(input).summary as { returnContribution: { sum: number; assets: Record<string, number> } };
        let arithmetic = 0;
        for (let t = 1; t < b.nDates; t++) arithmetic += input.portfolioReturns[t] as number;
        const parts = Object.values(s.returnContribution.assets).reduce((x, y) => x + y, 0);
        expect(Math.abs(parts - arithmetic)).toBeLessThanOrEqual(1e-12);
        expect(Math.abs(s.returnContribution.sum - arithmetic)).toBeLessThanOrEqual(1e-12);
      }),
    );
  });

  it('HHI is in [1/n, 1] on every invested day', () => {
    fc.assert(
      fc.property(backtest, (b) => {
        const { series } = computeConcentration(buildInput(b));
        series.hhi.forEach((h) => {
          if (Number.isNaN(h)) return;
          expect(h).toBeGreaterThanOrEqual(1 / b.nAssets - 1e-12);
          expect(h).toBeLessThanOrEqual(1 + 1e-12);
        });
      }),
    );
  });
});

/** Sylvester Hadamard matrix of order 8: rows ±1, mutually orthogonal. */
function hadamard8(): number[][] {
  let h = [[1]];
  for (let k = 0; k < 3; k++) h = [...h.map((r) => [...r, ...r]), ...h.map((r) => [...r, ...r.map((x) => -x)])];
  return h;
}

describe('effective bets', () => {
  it('is 1 for a single asset', () => {
    fc.assert(
      fc.property(series(10, 30).filter(notConstant), fc.double({ min: 0.1, max: 1, noNaN: true }), (r, w) => {
        // A variance that underflows (returns of 1e-200) is no property of the measure: skip it.
        const spread = Math.max(...r) - Math.min(...r);
        fc.pre(spread > 1e-8);
        const n = r.length + 1;
        const s = computeConcentration({
          dates: Int32Array.from({ length: n }, (_, t) => 19000 + t),
          assets: ['X'],
          weights: new Float64Array(n).fill(w),
          assetReturns: Float64Array.from([Number.NaN, ...r]),
          portfolioReturns: Float64Array.from([0, ...r.map((x) => x * w)]),
          sleeves: [],
          rebalanceIndices: Int32Array.from([n - 1]),
          riskWindow: n,
          topK: 3,
        }).summary as { effectiveBets: { last: number } };
        expect(s.effectiveBets.last).toBeCloseTo(1, 12);
      }),
    );
  });

  it('is k for k uncorrelated equal-volatility assets held in equal weights', () => {
    // Asset i's returns are σ times row i+1 of a Hadamard matrix (zero mean, mutually orthogonal),
    // so the sample covariance is exactly σ²·8/7·I.
    const h = hadamard8();
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 7 }), fc.double({ min: 0.001, max: 0.05, noNaN: true }), (k, sigma) => {
        const nDates = 9;
        const assetReturns = new Float64Array(k * nDates);
        const weights = new Float64Array(k * nDates);
        for (let i = 0; i < k; i++) {
          assetReturns[i * nDates] = Number.NaN;
          for (let s = 0; s < 8; s++) assetReturns[i * nDates + 1 + s] = sigma * (h[i + 1]![s] as number);
          for (let t = 0; t < nDates; t++) weights[i * nDates + t] = 1 / k;
        }
        const s = computeConcentration({
          dates: Int32Array.from({ length: nDates }, (_, t) => 19000 + t),
          assets: Array.from({ length: k }, (_, i) => `A${i}`),
          weights,
          assetReturns,
          portfolioReturns: new Float64Array(nDates),
          sleeves: [],
          rebalanceIndices: Int32Array.from([8]),
          riskWindow: 8,
          topK: 3,
        }).summary as { effectiveBets: { last: number }; riskContribution: { assets: Record<string, number> } };
        expect(s.effectiveBets.last).toBeCloseTo(k, 9);
        for (const rc of Object.values(s.riskContribution.assets)) expect(rc).toBeCloseTo(1 / k, 12);
      }),
    );
  });
});
