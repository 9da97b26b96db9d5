/**
 * A run without a prepared panel, of a plain spec (plainDecisions.ts) on a calendar schedule
 * (no bands, no weights file, no shared decisions): it computes only what this one run reads,
 * in the WebAssembly kernels (wasm/kernels.ts), instead of preparing the whole panel:
 *   1. the strategy's price columns read in place when the panel's values live in a memory of
 *      their own (wasm/panelValues.ts) and are the panel's first columns, else copied into the
 *      one-shot runs' memory (runMemory); their priced rows counted with their first and last
 *      (pricedSpans), for the period window's coverage;
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
 * Agreement with the prepared route: eligibility and counts are exact, the window sums are the
 * same returns added in another order (blocks instead of differences of compensated prefix
 * sums), and the weights take 1/σ in one division and a root (oneShotWeights, whose comment
 * derives the bound), so σ agrees to ~1e-14 relative and every figure to 1e-12 (property tests). Too many block visits (short spacing, long lookback: the prefix sums are
 * then cheaper) or no kernel: the caller takes the prepared route.
 */
import { runMemory, WASM_BASE, wasmKernels, type WasmKernels } from '../wasm/wasmKernels.js';
import { valuesMemoryOf, valuesScratch } from '../wasm/panelValues.js';
import type { FilledPrices } from '../execution/filledPrices.js';
import { simScratchBytes } from '../execution/simulateWasm.js';
import type { DecisionRecord } from './decideTargets.js';
import { plainFallback, plainWeights, type DecideRows, type PlainMethod } from './plainDecisions.js';

type Decide = (row: number, out: Float64Array) => void;

/** Bytes from the start of the run memory's usable area: 64-byte aligned parts. */
function align(b: number): number {
  return Math.ceil(b / 64) * 64;
}

/**
 * Step 1: the strategy's m columns (column-major, N rows each, in `prices`) where the kernels
 * read them — in place when they live in a panel's values memory (wasm/panelValues.ts), else
 * copied into the one-shot runs' memory — and their unpriced rows inside their priced spans
 * counted, as `holes` per panel column (−1 for columns not counted). Null without the kernels.
 */
export function oneShotColumns(prices: Float64Array, N: number, m: number, columns: readonly number[], panelAssets: number): OneShotColumns | null {
  if (wasmKernels === null || N < 2 || m === 0) return null;
  let place = inPlace(prices, N, m);
  let memory = place?.memory(align(12 * m), 0) ?? null;
  if (place === null || memory === null) {
    place = copied(prices, N, m);
    memory = place.memory(align(12 * m), 0)!;
  }
  const { buffer, kernels } = memory;
  // Each column's priced rows counted, and its first and last priced rows, in one pass.
  kernels.pricedSpans(place.at, N, m, place.base);
  const spans = new Int32Array(buffer, place.base, 3 * m);
  const priced = spans.subarray(0, m);
  const first = spans.slice(m, 2 * m);
  const last = spans.slice(2 * m, 3 * m);
  const holes = new Int32Array(panelAssets).fill(-1);
  const gapFree = new Uint8Array(m);
  for (let i = 0; i < m; i++) {
    const f = first[i]!;
    const l = last[i]!;
    holes[columns[i]!] = l >= f ? l - f + 1 - priced[i]! : 0;
    gapFree[i] = holes[columns[i]!] === 0 ? 1 : 0;
  }
  return { prices, N, m, holes, first, last, gapFree, ...place };
}

/**
 * Where a run's kernels read the prices (`at`) and lay out its parts (from `base`): `memory(bytes,
 * scratchBytes)` is that memory with `bytes` from `base` and then `scratchBytes` of scratch for
 * the kernel loop, or null when it has not the room (the run then takes a copy, `copied`).
 */
interface Place {
  readonly at: number;
  readonly base: number;
  readonly memory: (bytes: number, scratchBytes: number) => { buffer: ArrayBuffer; kernels: WasmKernels } | null;
  readonly inPlace: boolean;
}

/** The prices where they are: a view on a panel's values memory (the panel's first m columns). */
function inPlace(prices: Float64Array, N: number, m: number): Place | null {
  const vm = valuesMemoryOf(prices);
  if (vm === undefined || prices.byteOffset + 8 * m * N > vm.scratch) return null;
  return { at: prices.byteOffset, base: vm.scratch, memory: (bytes, scratchBytes) => valuesScratch(vm, bytes, scratchBytes), inPlace: true };
}

/** The prices copied into the one-shot runs' memory (runMemory), from WASM_BASE. */
function copied(prices: Float64Array, N: number, m: number): Place {
  const base = WASM_BASE + align(8 * m * N);
  const { buffer } = runMemory(base - WASM_BASE, 0);
  new Float64Array(buffer, WASM_BASE, m * N).set(prices.subarray(0, m * N));
  return { at: WASM_BASE, base, memory: (bytes, scratchBytes) => runMemory(base - WASM_BASE + bytes, scratchBytes), inPlace: false };
}

export interface OneShotColumns extends Place {
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
 * is 1 and t + lag < n: the decider (full-panel rows; only those rows; `decideRows` all at once)
 * and the prices to value holdings at, or null when this route does not take the run (see the
 * file comment). Fallback records go to `log`, in row order.
 */
export function oneShotDecisions(cols: OneShotColumns, method: PlainMethod, sleeve: string, lo: number, hi: number, calendar: Uint8Array, lag: number, log: DecisionRecord[]): { decide: Decide; decideRows: DecideRows; filled: FilledPrices } | null {
  const { N, m } = cols;
  const n = hi - lo;
  const L = method.kind === 'inverseVol' ? method.lookback : 0;
  // Columns with a price on every row of their priced span value their holdings at the prices
  // themselves (the kernel reads them column-major: entry a · N of row t is at t + a · N); else
  // the period's filled prices are written row-major.
  const raw = cols.gapFree.every((g) => g === 1);
  // The prices (step 1), the filled prices, the calendar and the decision rows (period rows).
  const head = [raw ? 0 : 8 * m * n, n, 4 * n];
  const [F, CAL, RW, rest] = addresses(cols.base, head) as [number, number, number, number];
  const P = cols.at;
  const first = cols.memory(rest - cols.base, 0);
  // No room in the panel's values memory: the same run on a copy of the prices.
  if (first === null) return oneShotDecisions({ ...cols, ...copied(cols.prices, N, m) }, method, sleeve, lo, hi, calendar, lag, log);
  new Uint8Array(first.buffer, CAL, n).set(calendar.subarray(0, n));
  const D = first.kernels.decisionRows(CAL, n, lag, RW);
  const rows = new Int32Array(first.buffer, RW, D).slice();
  // The windows' edges: rows − L + 1 (at least 0) and rows + 1, both ascending; merged, each
  // decision's first block k0 and the block after its last, k1.
  const bounds = new Int32Array(2 * D + 1);
  let nb = 0;
  const k0 = new Int32Array(D);
  const k1 = new Int32Array(D);
  if (L > 0) {
    let i = 0;
    let j = 0;
    while (i < D || j < D) {
      const from = i < D ? Math.max(0, lo + rows[i]! - L + 1) : Infinity;
      const to = j < D ? lo + rows[j]! + 1 : Infinity;
      const edge = from <= to ? from : to;
      if (nb === 0 || bounds[nb - 1] !== edge) bounds[nb++] = edge;
      const k = nb - 1;
      while (i < D && Math.max(0, lo + rows[i]! - L + 1) === edge) k0[i++] = k;
      while (j < D && lo + rows[j]! + 1 === edge) k1[j++] = k;
    }
  }
  const K = Math.max(0, nb - 1);
  let visits = 0;
  for (let d = 0; d < D; d++) visits += k1[d]! - k0[d]!;
  if (visits > N) return null;

  // Then: block bounds and sums, each decision's first and last block, eligibility, targets,
  // status, scratch.
  const tail = [4 * (K + 1), 4 * m * K, 8 * m * K, 8 * m * K, 4 * D, 4 * D, m * D, 8 * m * D, 4 * D, 8 * m];
  const [BD, BC, BS, BQ, K0, K1, EL, TG, STAT, ST, end] = addresses(rest, tail) as [number, number, number, number, number, number, number, number, number, number, number];
  // Scratch for the kernel loop (simulateWasm.ts) or, if it declines, the row values (denseRows).
  const memory = cols.memory(end - cols.base, Math.max(simScratchBytes(n, m, D, lag), 8 * (m + n) + 128));
  if (memory === null) return oneShotDecisions({ ...cols, ...copied(cols.prices, N, m) }, method, sleeve, lo, hi, calendar, lag, log);
  const { buffer, kernels } = memory;
  if (!raw) kernels.filledRows(P, N, m, lo, hi, ST, F);
  kernels.pricedAt(P, N, m, lo, RW, D, EL);
  const eligible = new Uint8Array(buffer, EL, m * D);
  const targets = new Float64Array(buffer, TG, m * D);
  const status = new Int32Array(buffer, STAT, D);
  if (method.kind === 'inverseVol') {
    new Int32Array(buffer, K0, D).set(k0);
    new Int32Array(buffer, K1, D).set(k1);
    if (K > 0) {
      new Int32Array(buffer, BD, K + 1).set(bounds.subarray(0, K + 1));
      kernels.blockMoments(P, N, m, BD, K, BC, BS, BQ);
    }
    // Each window's moments as the sum of its blocks', and the weights from them (see the kernel
    // for what differs from plainWeights' arithmetic and the bound).
    kernels.oneShotWeights(m, D, K0, K1, BC, BS, BQ, EL, method.need, TG, STAT);
  } else {
    const none = new Int32Array(0);
    const zero = new Float64Array(0);
    for (let d = 0; d < D; d++) status[d] = plainWeights(method, m, eligible.subarray(d * m, (d + 1) * m), none, zero, zero, 0, targets.subarray(d * m, (d + 1) * m)) ? 1 : 0;
  }
  // Decisions where inverse vol failed: its fallback, recorded as makeDecider records it.
  for (let d = 0; d < D; d++) {
    if (status[d] === 1 || method.kind !== 'inverseVol') continue;
    log.push(plainFallback(method, sleeve, lo + rows[d]!, m, eligible.subarray(d * m, (d + 1) * m), targets.subarray(d * m, (d + 1) * m)));
  }
  let next = 0;
  const decide: Decide = (row, into) => {
    // Rows come in order; a row asked twice (never, without bands) would find its own slot.
    let d = next;
    while (d < D && lo + rows[d]! < row) d++;
    if (d === D || lo + rows[d]! !== row) throw new Error(`one-shot route: no decision prepared for row ${row}`);
    next = d + 1;
    into.set(targets.subarray(d * m, (d + 1) * m));
  };
  const decideRows: DecideRows = (asked, into) => {
    if (asked.length === D && into.length === m * D) into.set(targets);
    else for (let k = 0; k < asked.length; k++) decide(asked[k]!, into.subarray(k * m, (k + 1) * m));
  };
  const columns = new Int32Array(m);
  for (let a = 0; a < m; a++) columns[a] = raw ? a * N : a;
  return { decide, decideRows, filled: raw ? { values: new Float64Array(buffer, P, m * N), stride: 1, offset: lo, columns } : { values: new Float64Array(buffer, F, n * m), stride: m, offset: 0, columns } };
}

/** The byte address of each part from `base` (64-byte aligned), and the end of the last. */
function addresses(base: number, sizes: readonly number[]): number[] {
  const at: number[] = [];
  let p = base;
  for (const b of sizes) {
    at.push(p);
    p += align(b);
  }
  at.push(p);
  return at;
}
