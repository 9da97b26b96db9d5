/**
 * The one-shot route's kernels. The weights kernel (wasm/oneShotWeights.ts) against the
 * prepared route's arithmetic (plainWeights in engine/plainDecisions.ts, which the general
 * decider matches to the bit) on the same window moments, summed here from the same block sums
 * in block order. The kernel computes 1/σ as √(k(k − 1)/(kΣr² − (Σr)²)) and normalises by a multiplication, so it
 * agrees within a derived bound, not to the bit (u = 2^−53, κ = (kΣr² + (Σr)²)/(kΣr² − (Σr)²)):
 *   kernel 1/σ:    relative error ≤ κu + 2u   (see the kernel's comment);
 *   plainWeights:  centred = Σr² − (Σr)²/k carries 2κu + u, /(k − 1) u, √ halves it, 1/σ u:
 *                  ≤ κu + 2.5u;
 *   so each 1/σ differs by ≤ ε = 2κu + 4.5u; a weight v_i/Σv by ≤ 2ε from the 1/σ, plus the
 *   sums' (n − 1)u and nu and the final roundings (u, 2u): |Δw| ≤ (4κ_max + 2n + 12)·u·w,
 *   checked with (4κ_max + 2n + 16)·u·w (κ_max over the decision's usable candidates).
 * Status and which candidates are usable must agree exactly: the random returns are never near
 * the centred-sum bound (a constant asset has exactly 0 returns, so exactly 0 centred sum on both
 * sides). Asset counts odd and even (an odd last asset runs in a lane of its own).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { plainWeights, type PlainMethod } from '../../src/engine/plainDecisions.js';
import { runMemory, WASM_BASE, wasmKernels } from '../../src/wasm/wasmKernels.js';

const U = 2 ** -53;

interface Case {
  m: number;
  K: number;
  /** Per block k and asset a: count, Σr, Σr² of some random returns. */
  counts: number[];
  sums: number[];
  sumSqs: number[];
  /** Per decision: first block and the block after its last. */
  k0: number[];
  k1: number[];
  eligible: number[];
  need: number;
}

const caseArb = fc
  .record({
    m: fc.integer({ min: 1, max: 13 }),
    K: fc.integer({ min: 1, max: 12 }),
    D: fc.integer({ min: 1, max: 8 }),
    seed: fc.integer({ min: 1, max: 2 ** 30 }),
    need: fc.integer({ min: 2, max: 30 }),
    drift: fc.constantFrom(0, 0.002, 0.02),
  })
  .map(({ m, K, D, seed, need, drift }): Case => {
    let s = seed >>> 0;
    const rand = (): number => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
    // Each asset's volatility; asset 0 stands still (returns exactly 0) in every other case.
    const vol = Array.from({ length: m }, (_, a) => (a === 0 && seed % 2 === 0 ? 0 : 0.002 + 0.03 * rand()));
    const counts: number[] = [];
    const sums: number[] = [];
    const sumSqs: number[] = [];
    for (let k = 0; k < K; k++) {
      for (let a = 0; a < m; a++) {
        const n = Math.floor(rand() * 25);
        let s1 = 0;
        let s2 = 0;
        for (let i = 0; i < n; i++) {
          const r = vol[a] === 0 ? 0 : drift + vol[a]! * (rand() - 0.5) * 3.4;
          s1 += r;
          s2 += r * r;
        }
        counts.push(n);
        sums.push(s1);
        sumSqs.push(s2);
      }
    }
    const k0: number[] = [];
    const k1: number[] = [];
    for (let d = 0; d < D; d++) {
      const a = Math.floor(rand() * K);
      const b = a + Math.floor(rand() * (K - a + 1));
      k0.push(a);
      k1.push(b);
    }
    const eligible = Array.from({ length: m * D }, () => (rand() < 0.85 ? 1 : 0));
    return { m, K, counts, sums, sumSqs, k0, k1, eligible, need };
  });

/** The kernel's weights and status, laid out in the one-shot runs' memory. */
function kernelWeights(c: Case): { w: Float64Array; status: Int32Array } {
  const { m, K } = c;
  const D = c.k0.length;
  // Parts 64-byte aligned, as the route lays them out (the kernel may read 8 bytes past a row).
  const sizes = [4 * m * K, 8 * m * K, 8 * m * K, 4 * D, 4 * D, m * D, 8 * m * D, 4 * D];
  const at: number[] = [];
  let p = WASM_BASE;
  for (const b of sizes) {
    at.push(p);
    p += Math.ceil(b / 64) * 64 + 64;
  }
  const { buffer, kernels } = runMemory(p - WASM_BASE, 0);
  const [BC, BS, BQ, K0, K1, EL, W, ST] = at as [number, number, number, number, number, number, number, number];
  new Int32Array(buffer, BC, m * K).set(c.counts);
  new Float64Array(buffer, BS, m * K).set(c.sums);
  new Float64Array(buffer, BQ, m * K).set(c.sumSqs);
  new Int32Array(buffer, K0, D).set(c.k0);
  new Int32Array(buffer, K1, D).set(c.k1);
  new Uint8Array(buffer, EL, m * D).set(c.eligible);
  // Garbage where the kernel writes: every entry must be written.
  new Float64Array(buffer, W, m * D).fill(-3.5);
  new Int32Array(buffer, ST, D).fill(7);
  kernels.oneShotWeights(m, D, K0, K1, BC, BS, BQ, EL, c.need, W, ST);
  return { w: new Float64Array(buffer, W, m * D).slice(), status: new Int32Array(buffer, ST, D).slice() };
}

describe.skipIf(wasmKernels === null)('oneShotWeights kernel', () => {
  it('gives plainWeights’ status and usable candidates, and its weights within the derived bound', () => {
    let usable = 0;
    fc.assert(
      fc.property(caseArb, (c) => {
        const { m } = c;
        const D = c.k0.length;
        const method: PlainMethod = { kind: 'inverseVol', lookback: 63, need: c.need, fallback: 'equal' };
        const got = kernelWeights(c);
        for (let d = 0; d < D; d++) {
          // The window's moments: its blocks' sums in block order.
          const count = new Int32Array(m);
          const s1 = new Float64Array(m);
          const s2 = new Float64Array(m);
          for (let k = c.k0[d]!; k < c.k1[d]!; k++) {
            for (let a = 0; a < m; a++) {
              count[a] = count[a]! + c.counts[k * m + a]!;
              s1[a] = s1[a]! + c.sums[k * m + a]!;
              s2[a] = s2[a]! + c.sumSqs[k * m + a]!;
            }
          }
          const want = new Float64Array(m);
          const ok = plainWeights(method, m, Uint8Array.from(c.eligible.slice(d * m, (d + 1) * m)), count, s1, s2, 0, want);
          expect(got.status[d]).toBe(ok ? 1 : 0);
          let kappa = 1;
          for (let a = 0; a < m; a++) {
            if (want[a]! > 0) kappa = Math.max(kappa, (count[a]! * s2[a]! + s1[a]! * s1[a]!) / (count[a]! * s2[a]! - s1[a]! * s1[a]!));
          }
          for (let a = 0; a < m; a++) {
            const w = got.w[d * m + a]!;
            // Unusable candidates (and every candidate of a failed decision) get exactly 0.
            expect(w === 0).toBe(want[a] === 0);
            if (want[a] === 0) continue;
            usable++;
            expect(Math.abs(w - want[a]!)).toBeLessThanOrEqual((4 * kappa + 2 * m + 16) * U * want[a]!);
          }
        }
      }),
      { numRuns: 300, seed: 20261201 },
    );
    // Most generated decisions have usable candidates.
    expect(usable).toBeGreaterThan(500);
  });
});

/**
 * blockMoments (wasm/blockMoments.ts) against a scalar reference written here with the same IEEE
 * operations per asset: r = x/p − 1 over each block's rows, counted when finite, Σr and Σr² plain
 * sums in row order. The kernel runs four assets per loop, then a pair, then a last odd asset;
 * each lane does exactly these operations, so the sums match to the bit. Panels with NaN gaps,
 * zero prices (an infinite return, not counted), late listings and a first block from row 0.
 */
describe.skipIf(wasmKernels === null)('blockMoments kernel', () => {
  it('writes the scalar reference’s counts and sums, to the bit, for every asset count', () => {
    fc.assert(
      fc.property(
        fc.record({ m: fc.integer({ min: 1, max: 11 }), N: fc.integer({ min: 2, max: 160 }), seed: fc.integer({ min: 1, max: 2 ** 30 }), gap: fc.constantFrom(0, 0.05, 0.3) }),
        ({ m, N, seed, gap }) => {
          let s = seed >>> 0;
          const rand = (): number => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
          const prices = new Float64Array(m * N);
          for (let a = 0; a < m; a++) {
            const first = a % 3 === 2 ? Math.floor(rand() * N) : 0;
            let p = 10 + 90 * rand();
            for (let t = 0; t < N; t++) {
              p *= 1 + (rand() - 0.5) * 0.06;
              const u = rand();
              prices[a * N + t] = t < first || u < gap ? Number.NaN : u < gap + 0.02 ? 0 : p;
            }
          }
          // Ascending bounds from row 0 or later, blocks of 1 row and more.
          const bounds = [Math.floor(rand() * 3)];
          while (bounds[bounds.length - 1]! < N - 1) bounds.push(Math.min(N, bounds[bounds.length - 1]! + 1 + Math.floor(rand() * (rand() < 0.5 ? 3 : 25))));
          const K = bounds.length - 1;
          const sizes = [8 * m * N, 4 * (K + 1), 4 * m * K, 8 * m * K, 8 * m * K];
          const at: number[] = [];
          let q = WASM_BASE;
          for (const b of sizes) {
            at.push(q);
            q += Math.ceil(b / 64) * 64;
          }
          const { buffer, kernels } = runMemory(q - WASM_BASE, 0);
          const [P, BD, BC, BS, BQ] = at as [number, number, number, number, number];
          new Float64Array(buffer, P, m * N).set(prices);
          new Int32Array(buffer, BD, K + 1).set(bounds);
          new Int32Array(buffer, BC, m * K).fill(-7);
          new Float64Array(buffer, BS, m * K).fill(-3.5);
          new Float64Array(buffer, BQ, m * K).fill(-3.5);
          kernels.blockMoments(P, N, m, BD, K, BC, BS, BQ);
          const count = new Int32Array(buffer, BC, m * K);
          const sum = new Float64Array(buffer, BS, m * K);
          const sumSq = new Float64Array(buffer, BQ, m * K);
          for (let k = 0; k < K; k++) {
            for (let a = 0; a < m; a++) {
              let c = 0;
              let s1 = 0;
              let s2 = 0;
              for (let t = Math.max(1, bounds[k]!); t < bounds[k + 1]!; t++) {
                const r = prices[a * N + t]! / prices[a * N + t - 1]! - 1;
                if (r - r !== 0) continue;
                c++;
                s1 += r;
                s2 += r * r;
              }
              expect(count[k * m + a]).toBe(c);
              expect(Object.is(sum[k * m + a], s1)).toBe(true);
              expect(Object.is(sumSq[k * m + a], s2)).toBe(true);
            }
          }
        },
      ),
      { numRuns: 200, seed: 20261201 },
    );
  });
});
