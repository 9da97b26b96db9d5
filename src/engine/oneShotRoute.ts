/**
 * A run without a prepared panel, of a plain spec (plainDecisions.ts) on a calendar schedule
 * (no bands, no weights file, no shared decisions): it computes only what this one run reads,
 * in the WebAssembly kernels (wasm/kernels.ts), instead of preparing the whole panel:
 *   1. the strategy's price columns copied into the one-shot runs' memory (runMemory), and
 *      their priced rows counted (pricedCounts), for the period window's coverage;
 *   2. the window of every decision known from the calendar: the returns summed over the blocks
 *      between consecutive window edges (blockMoments: count, Σr, Σr², plain sums in row order),
 *      each window's moments the sum of its blocks, then the plain weights;
 *   3. the prices the kernel values holdings at: when every column has a price on every row of
 *      its priced span, the prices themselves (a holding is bought at a price, and the period
 *      ends where every asset still has one, so a held asset is priced on every later row of the
 *      period, and its price there is its last price); else the forward-filled prices of the
 *      period rows, row-major (filledRows).
 * Preparing the panel (preparePanel.ts) writes prefix sums and filled prices for every row of
 * every panel column, 7 MB for 50 × 5,040; this route writes the period's filled prices and a
 * few hundred block sums.
 *
 * Agreement with the prepared route: eligibility and counts are exact, and the window sums are
 * the same returns added in another order (blocks instead of differences of compensated prefix
 * sums), so σ agrees to ~1e-14 relative and every figure to 1e-12 (property test). Too many block visits (short spacing, long lookback: the prefix sums are
 * then cheaper) or no kernel: the caller takes the prepared route.
 */
import { runMemory, WASM_BASE, wasmKernels } from '../wasm/wasmKernels.js';
import type { FilledPrices } from '../execution/filledPrices.js';
import { simScratchBytes } from '../execution/simulateWasm.js';
import type { DecisionRecord } from './decideTargets.js';
import { plainFallback, plainWeights, type PlainMethod } from './plainDecisions.js';

type Decide = (row: number, out: Float64Array) => void;

/** Bytes from the start of the run memory's usable area: 64-byte aligned parts. */
function align(b: number): number {
  return Math.ceil(b / 64) * 64;
}

/**
 * Step 1: the strategy's m columns (column-major, N rows each, in `prices`) copied in and their
 * unpriced rows inside their priced spans counted, as `holes` per panel column (−1 for columns
 * not counted). Null without the kernels.
 */
export function oneShotColumns(prices: Float64Array, N: number, m: number, columns: readonly number[], panelAssets: number): OneShotColumns | null {
  if (wasmKernels === null || N < 2 || m === 0) return null;
  const P = align(8 * m * N);
  const { buffer, kernels } = runMemory(P + align(4 * m), 0);
  const at = WASM_BASE;
  new Float64Array(buffer, at, m * N).set(prices.subarray(0, m * N));
  kernels.pricedCounts(at, N, m, at + P);
  const priced = new Int32Array(buffer, at + P, m);
  const holes = new Int32Array(panelAssets).fill(-1);
  const first = new Int32Array(m);
  const last = new Int32Array(m);
  const gapFree = new Uint8Array(m);
  for (let i = 0; i < m; i++) {
    const col = i * N;
    let f = 0;
    while (f < N && !(prices[col + f]! > 0)) f++;
    let l = N - 1;
    while (l >= 0 && !(prices[col + l]! > 0)) l--;
    first[i] = f;
    last[i] = l;
    holes[columns[i]!] = l >= f ? l - f + 1 - priced[i]! : 0;
    gapFree[i] = holes[columns[i]!] === 0 ? 1 : 0;
  }
  return { prices, N, m, holes, first, last, gapFree };
}

export interface OneShotColumns {
  readonly prices: Float64Array;
  readonly N: number;
  readonly m: number;
  /** Unpriced rows inside each panel column's priced span; −1 where not counted. */
  readonly holes: Int32Array;
  /** Per strategy column: first and last priced rows, and 1 when it has a price on every row between. */
  readonly first: Int32Array;
  readonly last: Int32Array;
  readonly gapFree: Uint8Array;
}

/**
 * Steps 2 and 3 for the period rows lo..hi−1 with decisions at period rows t where calendar[t]
 * is 1 and t + lag < n: the decider (full-panel rows; only those rows) and the filled prices, or
 * null when this route does not take the run (see the file comment). Fallback records go to `log`.
 */
export function oneShotDecisions(cols: OneShotColumns, method: PlainMethod, sleeve: string, lo: number, hi: number, calendar: Uint8Array, lag: number, log: DecisionRecord[]): { decide: Decide; filled: FilledPrices } | null {
  const { prices, N, m } = cols;
  const n = hi - lo;
  const L = method.kind === 'inverseVol' ? method.lookback : 0;
  // Decision rows (full panel) and, with a lookback, the edges of their windows.
  const rows: number[] = [];
  for (let t = 0; t + lag < n; t++) if (calendar[t] === 1) rows.push(lo + t);
  const D = rows.length;
  const edges = new Uint8Array(N + 1);
  if (L > 0) {
    for (let d = 0; d < D; d++) {
      edges[Math.max(0, rows[d]! - L + 1)] = 1;
      edges[rows[d]! + 1] = 1;
    }
  }
  const block = new Int32Array(N + 1);
  const bounds: number[] = [];
  for (let r = 0; r <= N; r++) if (edges[r] === 1) block[r] = bounds.push(r) - 1;
  const K = Math.max(0, bounds.length - 1);
  let visits = 0;
  for (let d = 0; L > 0 && d < D; d++) visits += block[rows[d]! + 1]! - block[Math.max(0, rows[d]! - L + 1)]!;
  if (visits > N) return null;

  // Run memory: prices (step 1), filled prices, block bounds, block sums, each decision's first
  // and last block and window moments, scratch.
  const parts = [8 * m * N, 8 * m * n, 4 * (K + 1), 4 * m * K, 8 * m * K, 8 * m * K, 4 * D, 4 * D, 4 * m * D, 8 * m * D, 8 * m * D, 8 * m];
  const at: number[] = [];
  let bytes = 0;
  for (const b of parts) {
    at.push(WASM_BASE + bytes);
    bytes += align(b);
  }
  const [P, F, BD, BC, BS, BQ, K0, K1, WC, WS, WQ, ST] = at as [number, number, number, number, number, number, number, number, number, number, number, number];
  // Scratch for the kernel loop (simulateWasm.ts) or, if it declines, the row values (denseRows).
  const { buffer, kernels } = runMemory(bytes, Math.max(simScratchBytes(n, m, D, lag), 8 * (m + n) + 128));
  // Columns with a price on every row of their priced span value their holdings at the prices
  // themselves (the kernel reads them column-major: entry a · N of row t is at t + a · N); else
  // the period's filled prices are written row-major.
  const raw = cols.gapFree.every((g) => g === 1);
  if (!raw) kernels.filledRows(P, N, m, lo, hi, ST, F);
  const count = new Int32Array(buffer, WC, m * D);
  const s1 = new Float64Array(buffer, WS, m * D);
  const s2 = new Float64Array(buffer, WQ, m * D);
  if (K > 0) {
    new Int32Array(buffer, BD, K + 1).set(bounds);
    kernels.blockMoments(P, N, m, BD, K, BC, BS, BQ);
    const k0 = new Int32Array(buffer, K0, D);
    const k1 = new Int32Array(buffer, K1, D);
    for (let d = 0; d < D; d++) {
      k0[d] = block[Math.max(0, rows[d]! - L + 1)]!;
      k1[d] = block[rows[d]! + 1]!;
    }
    kernels.windowMoments(m, D, K0, K1, BC, BS, BQ, WC, WS, WQ);
  }

  // The targets of every decision, in order (the kernel asks for them in row order): the within
  // weights themselves (plainDecisions.ts). Eligibility as windowInput reads it.
  const targets = new Float64Array(D * m);
  const eligible = new Uint8Array(m);
  const w = new Float64Array(m);
  const { first, last, gapFree } = cols;
  for (let d = 0; d < D; d++) {
    const R = rows[d]!;
    for (let i = 0; i < m; i++) eligible[i] = gapFree[i] === 1 ? (first[i]! <= R && R <= last[i]! ? 1 : 0) : prices[i * N + R]! > 0 ? 1 : 0;
    if (!plainWeights(method, m, eligible, count, s1, s2, d * m, w) && method.kind === 'inverseVol') log.push(plainFallback(method, sleeve, R, m, eligible, w));
    targets.set(w, d * m);
  }
  let next = 0;
  const decide: Decide = (row, into) => {
    // Rows come in order; a row asked twice (never, without bands) would find its own slot.
    let d = next;
    while (d < D && rows[d]! < row) d++;
    if (d === D || rows[d] !== row) throw new Error(`one-shot route: no decision prepared for row ${row}`);
    next = d + 1;
    for (let a = 0; a < m; a++) into[a] = targets[d * m + a]!;
  };
  const columns = new Int32Array(m);
  for (let a = 0; a < m; a++) columns[a] = raw ? a * N : a;
  return { decide, filled: raw ? { values: new Float64Array(buffer, P, m * N), stride: 1, offset: lo, columns } : { values: new Float64Array(buffer, F, n * m), stride: m, offset: 0, columns } };
}
