/**
 * The WebAssembly SIMD kernel of the prepared panel's pass (wasm/kernels.ts through
 * src/engine/prefixWasm.ts, both routes: into a panel's own memory, and through scratch into
 * ordinary arrays) equals the TypeScript pass (prefixEight and prefixPair through
 * prefixTs) bit for bit: both do the same IEEE operations in the same order per asset. Checked on
 * random panels with late listings, NaN gaps, zero prices (an infinite return, not counted), odd
 * asset counts and several row blocks; both are also checked against a naive reference written
 * here (plain running sums, so to 1e-12 relative). The row values and the simulation loop in
 * the kernel (denseRows, simulateWasm) write the TypeScript loop's bits. And a whole backtest
 * with SLEEVES_WASM=0 (the module loaded again without the kernel) equals the default one (to
 * 1e-12: with the kernel, a run from prices may take the one-shot route, whose window sums are
 * added in another order).
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PricePanel } from '../../src/core/panel.js';
import { preparePanel, prefixTs, type PanelBuffers } from '../../src/engine/preparePanel.js';
import { panelBuffers, prefixWasm } from '../../src/engine/prefixWasm.js';
import { denseRows } from '../../src/execution/holdingsValue.js';
import { simulateKernel } from '../../src/execution/simulateKernel.js';
import { simScratchBytes, simulateWasm } from '../../src/execution/simulateWasm.js';
import { strategySchema } from '../../src/strategy/schema.js';
import { panelMemory, panelMemoryOf, wasmKernels } from '../../src/wasm/wasmKernels.js';

interface Panel {
  values: Float64Array;
  N: number;
  m: number;
}

/** Random panels; `late`: how far into the panel (fraction of N) every third asset may list. */
const panelArb = (minM: number, minN: number, late: number, gapRates: number[], zeroRates: number[]): fc.Arbitrary<Panel> =>
  fc
    .record({
      m: fc.integer({ min: minM, max: 19 }),
      N: fc.integer({ min: minN, max: 300 }),
      seed: fc.integer({ min: 1, max: 2 ** 30 }),
      gapRate: fc.constantFrom(...gapRates),
      zeroRate: fc.constantFrom(...zeroRates),
    })
    .map((g): Panel => {
      let s = g.seed >>> 0;
      const rand = (): number => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
      const values = new Float64Array(g.m * g.N);
      for (let a = 0; a < g.m; a++) {
        // Every third asset lists late (with late > 1, possibly never within the panel).
        const first = a % 3 === 2 ? Math.floor(rand() * g.N * late) : 0;
        let p = 10 + 90 * rand();
        for (let t = 0; t < g.N; t++) {
          p *= 1 + (rand() - 0.5) * 0.06;
          const u = rand();
          values[a * g.N + t] = t < first || u < g.gapRate ? Number.NaN : u < g.gapRate + g.zeroRate ? 0 : p;
        }
      }
      return { values, N: g.N, m: g.m };
    });

function buffers(N: number, m: number, fill: number): PanelBuffers {
  // Filled with garbage first: every entry must be written.
  return { count: new Int32Array((N + 1) * m).fill(-7), sum: new Float64Array((N + 1) * m).fill(fill), sumSq: new Float64Array((N + 1) * m).fill(fill), filled: new Float64Array(N * m).fill(fill) };
}

describe('WebAssembly prefix kernel', () => {
  it('is built and loaded (npm run build compiles it; SLEEVES_WASM is unset here)', () => {
    expect(wasmKernels).not.toBeNull();
  });

  it('writes the same bits as the TypeScript pass, and both match a naive reference', () => {
    fc.assert(
      fc.property(panelArb(1, 2, 1.2, [0, 0.05, 0.3], [0, 0.02]), ({ values, N, m }) => {
        const ts = buffers(N, m, 123.5);
        prefixTs(values, N, m, ts);
        // Through the scratch memory into ordinary arrays, and straight into a panel memory.
        const copied = buffers(N, m, -9.25);
        const direct = panelBuffers(N, m, true);
        expect(panelMemoryOf(direct.filled)).toBeDefined();
        for (const key of ['count', 'sum', 'sumSq', 'filled'] as const) direct[key].fill(77);
        for (const wasm of [copied, direct]) {
          expect(prefixWasm(values, N, m, wasm)).toBe(true);
          for (const key of ['count', 'sum', 'sumSq', 'filled'] as const) {
            const x = ts[key];
            const y = wasm[key];
            for (let i = 0; i < x.length; i++) if (!Object.is(x[i], y[i])) expect(`${key}[${i}] = ${y[i]}`).toBe(`${key}[${i}] = ${x[i]}`);
          }
        }
        // Naive reference, asset by asset: r_t = p_t / p_{t−1} − 1 counted when finite; prefix
        // row t + 1 holds the count and sums over rows 1..t; filled = last price > 0 so far.
        for (let a = 0; a < m; a++) {
          let k = 0;
          let s1 = 0;
          let s2 = 0;
          let abs = 0;
          let last = Number.NaN;
          for (let t = 0; t < N; t++) {
            const p = values[a * N + t]!;
            if (p > 0) last = p;
            expect(Object.is(ts.filled[t * m + a], last)).toBe(true);
            if (t === 0) continue;
            const r = p / values[a * N + t - 1]! - 1;
            if (Number.isFinite(r)) {
              k++;
              s1 += r;
              s2 += r * r;
              abs += Math.abs(r);
            }
            const at = (t + 1) * m + a;
            expect(ts.count[at]).toBe(k);
            expect(Math.abs(ts.sum[at]! - s1)).toBeLessThanOrEqual(1e-12 * (abs + 1e-300));
            expect(Math.abs(ts.sumSq[at]! - s2)).toBeLessThanOrEqual(1e-12 * s2);
          }
          expect([ts.count[a], ts.count[m + a], ts.sum[a], ts.sum[m + a], ts.sumSq[a], ts.sumSq[m + a]]).toEqual([0, 0, 0, 0, 0, 0]);
        }
      }),
      { numRuns: 80, seed: 20261130 },
    );
  });
});

describe('WebAssembly row values', () => {
  it('denseRows over prices in a panel memory writes the same bits as over an ordinary copy', () => {
    fc.assert(
      fc.property(
        fc.record({ m: fc.integer({ min: 1, max: 23 }), seed: fc.integer({ min: 1, max: 2 ** 30 }), rows: fc.integer({ min: 1, max: 60 }), cash: fc.double({ min: -1, max: 2, noNaN: true }) }),
        ({ m, seed, rows, cash }) => {
          let s = seed >>> 0;
          const rand = (): number => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
          const N = 64;
          const F = panelBuffers(N, m, true).filled;
          for (let i = 0; i < F.length; i++) F[i] = 1 + 200 * rand();
          const plain = Float64Array.from(F);
          // A contiguous run of h held columns from column c, rows from..to−1.
          const c = Math.floor(rand() * m);
          const h = 1 + Math.floor(rand() * (m - c));
          const from = Math.floor(rand() * (N - rows + 1));
          const units = new Float64Array(m).map(() => rand() * 3);
          const got = new Float64Array(N).fill(-1);
          const want = new Float64Array(N).fill(-1);
          const cashGot = new Float64Array(N);
          const cashWant = new Float64Array(N);
          denseRows(F, c, m, units, h, cash, got, cashGot, from, from + rows);
          denseRows(plain, c, m, units, h, cash, want, cashWant, from, from + rows);
          expect(Array.from(got)).toEqual(Array.from(want));
          expect(Array.from(cashGot)).toEqual(Array.from(cashWant));
          // The value itself, by hand: cash + Σ_j u_j · F[(r · m) + c + j], any order to 1e-12.
          for (let r = from; r < from + rows; r++) {
            let v = 0;
            for (let j = 0; j < h; j++) v += units[j]! * plain[r * m + c + j]!;
            expect(Math.abs(got[r]! - (cash + v))).toBeLessThanOrEqual(1e-12 * (Math.abs(cash) + v));
          }
        },
      ),
      { numRuns: 100, seed: 20261130 },
    );
  });
});

describe('SLEEVES_WASM=0', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  it('a whole backtest from prices equals the default one (to 1e-12)', async () => {
    const { runBacktest: withWasm } = await import('../../src/engine/runBacktest.js');
    vi.stubEnv('SLEEVES_WASM', '0');
    vi.resetModules();
    const off = await import('../../src/wasm/wasmKernels.js');
    expect(off.wasmKernels).toBeNull();
    const { runBacktest: without } = await import('../../src/engine/runBacktest.js');
    expect(without).not.toBe(withWasm);
    await fc.assert(
      fc.asyncProperty(panelArb(2, 80, 0.4, [0, 0.03], [0]), async ({ values, N, m }) => {
        const assets = Array.from({ length: m }, (_, a) => `T${a}`);
        const dates = new Int32Array(N);
        for (let t = 0, d = 19723; t < N; d++) if (((d + 4) % 7) % 6 !== 0) dates[t++] = d;
        const panel: PricePanel = { dates, assets, values };
        const spec = strategySchema.parse({
          version: 1,
          name: 'wasm-switch',
          data: { lateStart: 'redistribute' },
          sleeves: { all: { assets, within: { method: 'inverseVol', lookback: 20 } } },
          allocation: { across: { method: 'equal' } },
          rebalance: { schedule: 'weekly', on: 'last', lag: 1 },
          costs: { bps: 5 },
        });
        const a = withWasm(spec, { panel }).ledger;
        const b = without(spec, { panel }).ledger;
        expect(a.nDates).toBe(b.nDates);
        for (let t = 0; t < a.nDates; t++) expect(Math.abs(a.equity[t]! - b.equity[t]!)).toBeLessThanOrEqual(1e-12 * Math.abs(b.equity[t]!));
        for (let i = 0; i < b.weights.length; i++) expect(Math.abs(a.weights[i]! - b.weights[i]!)).toBeLessThanOrEqual(1e-12);
      }),
      { numRuns: 15, seed: 20261130 },
    );
    // One panel large enough (24 × 3,000 = 72,000 cells) for its prepared outputs to live in a
    // memory of their own: the pass in place and the row values in the kernel.
    const N = 3000;
    const m = 24;
    const values = new Float64Array(N * m);
    let s = 12345;
    const rand = (): number => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
    for (let a = 0; a < m; a++) {
      let p = 20 + a;
      // Asset 5 lists at row 700; every asset misses about 1% of its days.
      for (let t = 0; t < N; t++) {
        p *= 1 + (rand() - 0.49) * 0.04;
        values[a * N + t] = (a === 5 && t < 700) || rand() < 0.01 ? Number.NaN : p;
      }
    }
    const assets = Array.from({ length: m }, (_, a) => `T${a}`);
    const dates = new Int32Array(N);
    for (let t = 0, d = 10000; t < N; d++) if (((d + 4) % 7) % 6 !== 0) dates[t++] = d;
    const panel: PricePanel = { dates, assets, values };
    const spec = strategySchema.parse({
      version: 1,
      name: 'wasm-switch-large',
      data: { lateStart: 'redistribute' },
      sleeves: { all: { assets, within: { method: 'inverseVol', lookback: 63 } } },
      allocation: { across: { method: 'equal' } },
      rebalance: { schedule: 'monthly', on: 'last', lag: 1 },
    });
    const a = withWasm(spec, { panel }).ledger;
    const b = without(spec, { panel }).ledger;
    expect(a.nDates).toBeGreaterThan(2000);
    expect(panelMemoryOf(preparePanel(panel).filled)).toBeDefined();
    for (let t = 0; t < a.nDates; t++) expect(Math.abs(a.equity[t]! - b.equity[t]!)).toBeLessThanOrEqual(1e-12 * Math.abs(b.equity[t]!));
  });
});

describe('WebAssembly simulation loop', () => {
  /**
   * The stretches of a run (maximal runs of rows that are neither a calendar row nor a due trade,
   * from the first trade on): the rows the kernel values in one call per stretch. Derived here
   * from the calendar and the lag alone (a decision on every calendar row t with t + lag < n,
   * due at t + lag), as simulateKernel.ts defines the events.
   */
  function stretchLengths(calendar: Uint8Array, n: number, lag: number): number[] {
    const event = new Uint8Array(n);
    let first = -1;
    for (let t = 0; t < n; t++) {
      if (calendar[t] !== 1) continue;
      event[t] = 1;
      if (t + lag < n) {
        event[t + lag] = 1;
        if (first < 0) first = t + lag;
      }
    }
    const lengths: number[] = [];
    if (first < 0) return lengths;
    let run = 0;
    for (let t = first + 1; t <= n; t++) {
      if (t < n && event[t] === 0) run++;
      else if (run > 0) {
        lengths.push(run);
        run = 0;
      }
    }
    return lengths;
  }

  it('simulateWasm writes the same ledger, to the bit, as the TypeScript loop with and without recorded weights (lags 0–3, costs, minimum trades, unpriced targets, held sets consecutive or not, stretches of every length, prices row- or column-major)', () => {
    const seen = { gathered: 0, holes: 0, columnMajor: 0, oneRow: 0, odd: 0, skipped: 0, costs: 0, lags: new Set<number>() };
    fc.assert(
      fc.property(
        fc.record({
          m: fc.integer({ min: 1, max: 23 }),
          extra: fc.integer({ min: 0, max: 3 }),
          n: fc.integer({ min: 2, max: 160 }),
          seed: fc.integer({ min: 1, max: 2 ** 30 }),
          lag: fc.integer({ min: 0, max: 3 }),
          bps: fc.constantFrom(0, 10, 50),
          minTurnover: fc.constantFrom(0, 0.05),
          // Calendar rows every `every` rows, or at random (rate 1 / every): stretches of one
          // row, of odd and even lengths, and none at all (every row a calendar row).
          every: fc.integer({ min: 1, max: 30 }),
          irregular: fc.boolean(),
          zeroRate: fc.constantFrom(0, 0.25),
          shuffle: fc.boolean(),
          columnMajor: fc.boolean(),
        }),
        ({ m, extra, n, seed, lag, bps, minTurnover, every, irregular, zeroRate, shuffle, columnMajor }) => {
          let s = seed >>> 0;
          const rand = (): number => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
          // Filled prices of a panel of N rows and m + extra columns (the run's assets at
          // `columns`), the period from row `offset`: some columns list
          // late (NaN before), prices drift.
          const k = m + extra;
          const offset = Math.floor(rand() * 20);
          const N = offset + n + 5;
          // A memory of its own with scratch for a decision on every row (every = 1).
          const memory = panelMemory(N, k, simScratchBytes(n, m, n, lag)).filled;
          const plain = new Float64Array(N * k);
          for (let a = 0; a < k; a++) {
            const first = rand() < 0.3 ? Math.floor(rand() * (N / 2)) : 0;
            let p = 10 + 90 * rand();
            for (let t = 0; t < N; t++) {
              p *= 1 + (rand() - 0.5) * 0.06;
              plain[t * k + a] = t < first ? Number.NaN : p;
            }
          }
          // Column-major (entry a · N of row t at t + a · N, stride 1), as the one-shot route
          // passes its prices, or row-major.
          const layout = columnMajor ? Float64Array.from({ length: N * k }, (_, i) => plain[(i % N) * k + Math.floor(i / N)]!) : plain;
          memory.set(layout);
          const column = (a: number): number => (columnMajor ? a * N : a);
          const stride = columnMajor ? 1 : k;
          // In order from column `lead` (consecutive), or in reverse with shuffle.
          const lead = Math.floor(rand() * (extra + 1));
          const columns = Int32Array.from({ length: m }, (_, a) => column(shuffle ? k - 1 - a : lead + a));
          const calendar = new Uint8Array(n);
          for (let t = 0; t < n; t++) if (irregular ? t === 0 || rand() < 1 / every : t % every === 0) calendar[t] = 1;
          // Targets from a seeded generator per decision row: some zeros (holes in the held
          // set: its entries are then not consecutive), some on unpriced assets.
          const decide = (t: number, out: Float64Array): void => {
            let z = (seed ^ (t * 2654435761)) >>> 0;
            const r = (): number => (z = (Math.imul(z, 1664525) + 1013904223) >>> 0) / 2 ** 32;
            let sum = 0;
            for (let a = 0; a < m; a++) sum += out[a] = r() < zeroRate ? 0 : r();
            for (let a = 0; a < m; a++) out[a] = sum > 0 ? (0.95 * out[a]!) / sum : 0;
          };
          const input = { nDates: n, nAssets: m, prices: new Float64Array(0), calendar, bandAbsolute: 0, bandRelative: 0, lag, costRate: bps / 10_000, minTurnover, recordWeights: false, decide };
          const fast = simulateWasm(input, { values: memory, stride, offset, columns });
          expect(fast).not.toBeNull();
          // The TypeScript loop without weights (its own stretches, denseRows) and with them
          // (every row valued on its own, heldValue or denseValue): the same ledger, bit for bit.
          for (const recordWeights of [false, true]) {
            const want = simulateKernel({ ...input, recordWeights, filled: { values: layout, stride, offset, columns } });
            expect(Array.from(fast!.equity)).toEqual(Array.from(want.equity));
            expect(Array.from(fast!.cash)).toEqual(Array.from(want.cash));
            expect(Array.from(fast!.returns)).toEqual(Array.from(want.returns));
            expect(fast!.skippedTrades).toBe(want.skippedTrades);
            for (const key of ['row', 'decisionRow', 'rule', 'turnover', 'cost'] as const) expect(Array.from(fast!.trades[key])).toEqual(Array.from(want.trades[key]));
            expect(fast!.trades.count).toBe(want.trades.count);
          }
          const lengths = stretchLengths(calendar, n, lag);
          if (shuffle && m > 1) seen.gathered++;
          if (!shuffle && zeroRate > 0 && m > 2) seen.holes++;
          if (columnMajor) seen.columnMajor++;
          if (lengths.includes(1)) seen.oneRow++;
          if (lengths.some((l) => l > 1 && l % 2 === 1)) seen.odd++;
          if (fast!.skippedTrades > 0) seen.skipped++;
          if (bps > 0) seen.costs++;
          seen.lags.add(lag);
        },
      ),
      { numRuns: 200, seed: 20261201 },
    );
    // Among the cases: held entries out of order in a row (gathered one by one) and with holes,
    // prices column-major (stretchValues), stretches of one row and of odd lengths, skipped
    // trades, costs, and every lag 0–3.
    expect(seen.gathered).toBeGreaterThan(20);
    expect(seen.holes).toBeGreaterThan(20);
    expect(seen.columnMajor).toBeGreaterThan(40);
    expect(seen.oneRow).toBeGreaterThan(10);
    expect(seen.odd).toBeGreaterThan(40);
    expect(seen.skipped).toBeGreaterThan(5);
    expect(seen.costs).toBeGreaterThan(60);
    expect([...seen.lags].sort()).toEqual([0, 1, 2, 3]);
  });
});
