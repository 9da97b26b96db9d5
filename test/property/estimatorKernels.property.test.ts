/**
 * The WebAssembly SIMD kernels of the estimator stage (wasm/estimatorKernels.ts, loaded by
 * src/estimators/estimatorKernels.ts) equal their TypeScript twins bit for bit: both do the same
 * IEEE operations in the same order per entry. Checked on random symmetric positive definite
 * matrices of odd and even sizes; the twins are also checked against naive references written
 * here. And with SLEEVES_WASM=0 (the modules loaded again without the kernels) the sliding
 * covariance and whole ERC and min-variance backtests equal the default ones.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PricePanel } from '../../src/core/panel.js';
import { ESTIMATOR_BASE, estimatorKernels, estimatorMemory } from '../../src/estimators/estimatorKernels.js';
import { addCrossProducts } from '../../src/estimators/crossProducts.js';
import { matrixVector } from '../../src/numeric/matrixVector.js';
import { ccdSweep, dot, relativeSpread } from '../../src/numeric/riskParityDescent.js';
import { strategySchema } from '../../src/strategy/schema.js';

function generator(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

/** A sample covariance (row-major n×n, exactly symmetric) of `rows` random one-factor returns. */
function randomCovariance(rand: () => number, n: number, rows: number): Float64Array {
  const r = new Float64Array(rows * n);
  for (let t = 0; t < rows; t++) {
    const m = rand() - 0.5;
    for (let i = 0; i < n; i++) r[t * n + i] = 0.01 * ((0.2 + rand()) * m + (rand() - 0.5) * (0.5 + i / n));
  }
  const cov = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = i; j < n; j++) {
      let s = 0;
      for (let t = 0; t < rows; t++) s += r[t * n + i]! * r[t * n + j]!;
      cov[i * n + j] = cov[j * n + i] = s / (rows - 1);
    }
  return cov;
}

const caseArb = fc.record({ n: fc.integer({ min: 1, max: 61 }), seed: fc.integer({ min: 1, max: 2 ** 30 }), sweeps: fc.integer({ min: 1, max: 12 }), budgets: fc.boolean() });

describe('estimator kernels', () => {
  it('are built and loaded (npm run build compiles them; SLEEVES_WASM is unset here)', () => {
    expect(estimatorKernels).not.toBeNull();
  });

  it('ccdSweep, spread, multiply: the kernels equal their TypeScript twins bit for bit, and naive references to 1e-12', () => {
    fc.assert(
      fc.property(caseArb, ({ n, seed, sweeps, budgets }) => {
        const rand = generator(seed);
        const cov = randomCovariance(rand, n, n + 20);
        const b = Float64Array.from({ length: n }, () => (budgets ? 0.1 + rand() : 1));
        const x = Float64Array.from({ length: n }, (_, i) => (0.5 + rand()) / Math.sqrt(cov[i * n + i]!));
        const sx = new Float64Array(n);
        for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) sx[i] = sx[i]! + cov[i * n + j]! * x[j]!;
        // The kernel's copies at the addresses it is given: x, sx, b, then Σ.
        const buffer = estimatorMemory(8 * (3 * n + n * n));
        const wx = new Float64Array(buffer, ESTIMATOR_BASE, n);
        const wsx = new Float64Array(buffer, ESTIMATOR_BASE + 8 * n, n);
        new Float64Array(buffer, ESTIMATOR_BASE + 16 * n, n).set(b);
        new Float64Array(buffer, ESTIMATOR_BASE + 24 * n, n * n).set(cov);
        wx.set(x);
        wsx.set(sx);
        // Naive: each coordinate minimises ½ xᵀΣx − Σ b ln x along x_i exactly, i.e. solves
        // σ_ii x_i² + c_i x_i − b_i = 0 with c_i = Σ_{j≠i} σ_ij x_j recomputed from scratch.
        const naive = Float64Array.from(x);
        for (let s = 0; s < sweeps; s++) {
          ccdSweep(cov, n, x, sx, b);
          const spread = estimatorKernels!.ccdSweep(ESTIMATOR_BASE + 24 * n, n, ESTIMATOR_BASE, ESTIMATOR_BASE + 8 * n, ESTIMATOR_BASE + 16 * n);
          // The spread it returns is relativeSpread's on the carried Σx, and so is spread's.
          expect(Object.is(spread, relativeSpread(x, sx, b, n, dot(x, sx, n)))).toBe(true);
          expect(Object.is(estimatorKernels!.spread(n, ESTIMATOR_BASE, ESTIMATOR_BASE + 8 * n, ESTIMATOR_BASE + 16 * n), spread)).toBe(true);
          for (let i = 0; i < n; i++) {
            let c = 0;
            for (let j = 0; j < n; j++) if (j !== i) c += cov[i * n + j]! * naive[j]!;
            const d = cov[i * n + i]!;
            naive[i] = (-c + Math.sqrt(c * c + 4 * d * b[i]!)) / (2 * d);
          }
        }
        for (let i = 0; i < n; i++) {
          expect(Object.is(wx[i], x[i])).toBe(true);
          expect(Object.is(wsx[i], sx[i])).toBe(true);
          expect(Math.abs(x[i]! - naive[i]!)).toBeLessThanOrEqual(1e-12 * naive[i]!);
        }
        // multiply: Σx exactly from x, the kernel's into its sx, the twin's into sx; both equal a
        // naive row sum Σ_j σ_ij x_j to 1e-12 of Σ_j |σ_ij x_j|.
        matrixVector(cov, n, x, sx);
        estimatorKernels!.multiply(ESTIMATOR_BASE + 24 * n, n, ESTIMATOR_BASE, ESTIMATOR_BASE + 8 * n);
        for (let i = 0; i < n; i++) {
          expect(Object.is(wsx[i], sx[i])).toBe(true);
          let s = 0;
          let scale = 0;
          for (let j = 0; j < n; j++) {
            s += cov[i * n + j]! * x[j]!;
            scale += Math.abs(cov[i * n + j]! * x[j]!);
          }
          expect(Math.abs(sx[i]! - s)).toBeLessThanOrEqual(1e-12 * scale);
        }
      }),
      { numRuns: 60, seed: 20261130 },
    );
  });

  it('crossProducts: the kernel equals addCrossProducts bit for bit over the upper triangle, and both a naive sum to 1e-12', () => {
    fc.assert(
      fc.property(fc.record({ k: fc.integer({ min: 1, max: 23 }), m: fc.integer({ min: 1, max: 50 }), seed: fc.integer({ min: 1, max: 2 ** 30 }) }), ({ k, m, seed }) => {
        const rand = generator(seed);
        const entering = Math.floor(rand() * (m + 1));
        // Rows of k shifted returns; the sums start from earlier values.
        const rows = Float64Array.from({ length: m * k }, () => 0.02 * (rand() - 0.5));
        const start = Float64Array.from({ length: k * k }, () => 1e-3 * rand());
        // Twin: column-major p and q = p signed (+ for rows < entering, − after).
        const p = new Float64Array(k * m);
        const q = new Float64Array(k * m);
        for (let r = 0; r < m; r++)
          for (let c = 0; c < k; c++) {
            p[c * m + r] = rows[r * k + c]!;
            q[c * m + r] = r < entering ? rows[r * k + c]! : -rows[r * k + c]!;
          }
        const twin = Float64Array.from(start);
        addCrossProducts(twin, k, q, p, m);
        const w = new Float64Array(estimatorMemory(8 * (k * k + m * k)), ESTIMATOR_BASE, k * k + m * k);
        w.set(start);
        w.set(rows, k * k);
        estimatorKernels!.crossProducts(ESTIMATOR_BASE, k, ESTIMATOR_BASE + 8 * k * k, entering, m);
        for (let i = 0; i < k; i++)
          for (let j = i; j < k; j++) {
            expect(Object.is(w[i * k + j], twin[i * k + j])).toBe(true);
            // Naive: start + Σ_{r<entering} y_ri y_rj − Σ_{r≥entering} y_ri y_rj, summed with its
            // absolute terms to bound the rounding.
            let s = start[i * k + j]!;
            let scale = Math.abs(s);
            for (let r = 0; r < m; r++) {
              const t = rows[r * k + i]! * rows[r * k + j]!;
              s += r < entering ? t : -t;
              scale += Math.abs(t);
            }
            expect(Math.abs(twin[i * k + j]! - s)).toBeLessThanOrEqual(1e-12 * scale);
          }
      }),
      { numRuns: 80, seed: 20261130 },
    );
  });
});

function randomPanel(seed: number, nAssets: number, nDays: number): PricePanel {
  const rand = generator(seed);
  const values = new Float64Array(nDays * nAssets);
  const market = Array.from({ length: nDays }, () => 0.02 * (rand() - 0.5));
  for (let a = 0; a < nAssets; a++) {
    let p = 20 + 100 * rand();
    const beta = 0.3 + rand();
    const late = a === nAssets - 1 ? Math.floor(nDays / 3) : 0;
    for (let t = 0; t < nDays; t++) {
      p *= 1 + beta * market[t]! + 0.03 * (rand() - 0.5);
      values[a * nDays + t] = t < late ? Number.NaN : p;
    }
  }
  const dates = new Int32Array(nDays);
  for (let t = 0, d = 10959; t < nDays; d++) if ((d + 4) % 7 !== 0 && (d + 4) % 7 !== 6) dates[t++] = d;
  return { dates, assets: Array.from({ length: nAssets }, (_, i) => `A${i}`), values };
}

describe('SLEEVES_WASM=0', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  it('the sliding covariance equals the default one bit for bit (slides of every size, anchors, odd and even k)', async () => {
    const { SlidingCovariance: withKernels } = await import('../../src/estimators/slidingCovariance.js');
    vi.stubEnv('SLEEVES_WASM', '0');
    vi.resetModules();
    const { SlidingCovariance: without } = await import('../../src/estimators/slidingCovariance.js');
    expect(without).not.toBe(withKernels);
    fc.assert(
      fc.property(fc.record({ k: fc.integer({ min: 1, max: 13 }), seed: fc.integer({ min: 1, max: 2 ** 30 }), lookback: fc.integer({ min: 3, max: 80 }) }), ({ k, seed, lookback }) => {
        const rand = generator(seed);
        const nRows = 600;
        const prices = new Float64Array(k * nRows);
        for (let c = 0; c < k; c++) {
          let p = 10 + 90 * rand();
          for (let s = 0; s < nRows; s++) prices[c * nRows + s] = p *= 1 + 0.04 * (rand() - 0.5);
        }
        const columns = Array.from({ length: k }, (_, c) => c);
        // Re-anchored every 64 entering rows, so both paths anchor and slide many times.
        const a = new withKernels(64);
        const b = new without(64);
        const outA = new Float64Array(k * k);
        const outB = new Float64Array(k * k);
        for (let last = lookback; last < nRows; last += 1 + Math.floor(rand() * lookback)) {
          const ta = a.update(prices, nRows, columns, last - lookback + 1, last, outA);
          const tb = b.update(prices, nRows, columns, last - lookback + 1, last, outB);
          expect(ta).toBe(tb);
          for (let e = 0; e < k * k; e++) expect(Object.is(outA[e], outB[e])).toBe(true);
        }
        expect(a.slides).toBeGreaterThan(0);
        expect(a.anchors).toBeGreaterThan(1);
      }),
      { numRuns: 25, seed: 20261130 },
    );
  });

  it('whole ERC and min-variance backtests equal the default ones (the same bits expected)', async () => {
    const { runBacktest: withWasm } = await import('../../src/engine/runBacktest.js');
    vi.stubEnv('SLEEVES_WASM', '0');
    vi.resetModules();
    const off = await import('../../src/estimators/estimatorKernels.js');
    expect(off.estimatorKernels).toBeNull();
    const { runBacktest: without } = await import('../../src/engine/runBacktest.js');
    expect(without).not.toBe(withWasm);
    for (const [seed, within] of [
      [1, { method: 'riskParity', lookback: 60 }],
      [2, { method: 'riskParity', lookback: 40, riskBudgets: { A0: 2, A2: 0.5 } }],
      [3, { method: 'minVariance', lookback: 60, maxWeight: 0.3 }],
    ] as const) {
      const panel = randomPanel(seed, 9, 700);
      const spec = strategySchema.parse({ version: 1, name: 'wasm-switch', data: { lateStart: 'redistribute' }, sleeves: { all: { assets: panel.assets, within } }, rebalance: { schedule: 'monthly', on: 'last', lag: 1 } });
      const a = withWasm(spec, { panel }).ledger;
      const b = without(spec, { panel }).ledger;
      expect(a.nDates).toBe(b.nDates);
      for (let t = 0; t < a.nDates; t++) expect(a.returns[t]).toBe(b.returns[t]);
    }
  });
});
