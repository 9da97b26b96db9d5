/**
 * The prepared panel's pass (preparePanel.ts) in the WebAssembly SIMD kernel (wasm/kernels.ts,
 * prefixBlock), when it is loaded. Two routes, the same bits:
 * - direct: the outputs live in a memory of the panel's own (panelBuffers, for panels of
 *   DIRECT_CELLS or more); eight columns of prices at a time are copied into its scratch and the
 *   kernel writes the outputs in place, all rows in one call;
 * - through scratch: into ordinary arrays (smaller panels, or buffers of another origin), in
 *   blocks of BLOCK rows through the kernels' shared scratch memory — the block's prices copied in
 *   column by column, its row-major outputs copied out as four contiguous stretches, the running
 *   sums carried from block to block.
 * The kernel does prefixEight's and prefixPair's operations lane by lane, in the same order, so it
 * writes the same bits as they do (tested); it runs two assets per f64x2 instruction.
 * 50 × 5,040 into reused buffers (medians): TypeScript 1.63–1.66 ms, through scratch 1.45–1.5 ms,
 * direct 1.13–1.2 ms.
 */
import type { PanelBuffers } from './preparePanel.js';
import { simScratchBytes } from '../execution/simulateWasm.js';
import { panelMemory, panelMemoryOf, WASM_BASE, wasmKernels, wasmMemory } from '../wasm/wasmKernels.js';

/** Rows per block: the block's scratch (≈ 36 bytes × rows × assets) stays in cache. */
const BLOCK = 128;

/** Columns per direct call: their prices are copied into the panel memory's scratch. */
const GROUP = 8;

/** Scratch a panel memory needs for the direct pass: state, counts and GROUP columns of prices. */
function directScratch(N: number, m: number): number {
  return 64 * Math.ceil((48 * m) / 64) + 64 * Math.ceil((4 * m) / 64) + 8 * GROUP * N;
}

/**
 * Scratch of a panel memory: the direct pass's, or what the kernel loop of a run on all N rows
 * and m assets needs (simulateWasm.ts) with up to one decision in four rows and lag ≤ 2.
 */
function panelScratch(N: number, m: number): number {
  return Math.max(directScratch(N, m), simScratchBytes(N, m, Math.ceil(N / 4), 2));
}

/**
 * Cells (rows × assets) from which a panel gets a memory of its own: creating one and binding the
 * kernel to it costs ≈ 0.1 ms, which the direct pass wins back (≈ 2 ns a cell) from about here.
 */
const DIRECT_CELLS = 65_536;

/**
 * Output buffers for a prepared panel: views on a memory of its own, which the kernel writes
 * directly (prefixDirect), when the kernel is loaded and the panel is large enough (`direct`),
 * else ordinary arrays.
 */
export function panelBuffers(N: number, m: number, direct = N * m >= DIRECT_CELLS): PanelBuffers {
  if (wasmKernels === null || !direct) return { count: new Int32Array((N + 1) * m), sum: new Float64Array((N + 1) * m), sumSq: new Float64Array((N + 1) * m), filled: new Float64Array(N * m) };
  const { count, sum, sumSq, filled } = panelMemory(N, m, panelScratch(N, m));
  return { count, sum, sumSq, filled };
}

/** Writes count, sum, sumSq and filled of every asset; false (nothing written) without the kernel. */
export function prefixWasm(values: Float64Array, N: number, m: number, out: PanelBuffers): boolean {
  if (wasmKernels === null || N < 2 || m === 0) return false;
  if (prefixDirect(values, N, m, out)) return true;
  const { count, sum, sumSq, filled } = out;
  const B = Math.min(BLOCK, N - 1);
  const cell = B * m;
  // Layout from WASM_BASE, each part 64-byte aligned: state (6 × m f64), counts (m i32), the
  // block's prices, then its four outputs.
  const at: number[] = [];
  let bytes = 0;
  for (const size of [48 * m, 4 * m, 8 * cell, 4 * cell, 8 * cell, 8 * cell, 8 * cell]) {
    at.push(WASM_BASE + bytes);
    bytes += Math.ceil(size / 64) * 64;
  }
  const buffer = wasmMemory(bytes);
  const st = new Float64Array(buffer, at[0]!, 6 * m);
  const kst = new Int32Array(buffer, at[1]!, m);
  const vin = new Float64Array(buffer, at[2]!, cell);
  const oc = new Int32Array(buffer, at[3]!, cell);
  const os = new Float64Array(buffer, at[4]!, cell);
  const oq = new Float64Array(buffer, at[5]!, cell);
  const of = new Float64Array(buffer, at[6]!, cell);
  firstRow(values, N, m, st, kst, out);
  for (let t0 = 1; t0 < N; t0 += B) {
    const rows = Math.min(B, N - t0);
    for (let a = 0; a < m; a++) vin.set(values.subarray(a * N + t0, a * N + t0 + rows), a * rows);
    wasmKernels.prefixBlock(at[2]!, rows, m, 0, m, at[0]!, at[1]!, at[3]!, at[4]!, at[5]!, at[6]!);
    const n = rows * m;
    filled.set(n === cell ? of : of.subarray(0, n), t0 * m);
    count.set(n === cell ? oc : oc.subarray(0, n), (t0 + 1) * m);
    sum.set(n === cell ? os : os.subarray(0, n), (t0 + 1) * m);
    sumSq.set(n === cell ? oq : oq.subarray(0, n), (t0 + 1) * m);
  }
  return true;
}

/**
 * The pass straight into outputs that live in a panel memory (panelBuffers): GROUP columns at a
 * time, their prices copied into its scratch, all rows in one call. False when they do not.
 */
function prefixDirect(values: Float64Array, N: number, m: number, out: PanelBuffers): boolean {
  const pm = panelMemoryOf(out.filled);
  if (pm === undefined || pm.count !== out.count || pm.sum !== out.sum || pm.sumSq !== out.sumSq || pm.scratchBytes < directScratch(N, m)) return false;
  const { count, sum, sumSq, filled } = out;
  const buffer = filled.buffer;
  const stAt = pm.scratch;
  const kAt = stAt + 64 * Math.ceil((48 * m) / 64);
  const vAt = kAt + 64 * Math.ceil((4 * m) / 64);
  const st = new Float64Array(buffer, stAt, 6 * m);
  const kst = new Int32Array(buffer, kAt, m);
  const vin = new Float64Array(buffer, vAt, GROUP * (N - 1));
  firstRow(values, N, m, st, kst, out);
  const B = N - 1;
  for (let a0 = 0; a0 < m; a0 += GROUP) {
    const a1 = Math.min(a0 + GROUP, m);
    for (let a = a0; a < a1; a++) vin.set(values.subarray(a * N + 1, (a + 1) * N), (a - a0) * B);
    pm.kernels.prefixBlock(vAt, B, m, a0, a1, stAt, kAt, count.byteOffset + 8 * m, sum.byteOffset + 16 * m, sumSq.byteOffset + 16 * m, filled.byteOffset + 8 * m);
  }
  return true;
}

/**
 * Row 0 of the pass: the kernel's per-asset state starts at the first price (last price and
 * previous price; the four running sums 0), and prefix rows 0 and 1 are empty (no return
 * before row 1).
 */
function firstRow(values: Float64Array, N: number, m: number, st: Float64Array, kst: Int32Array, out: PanelBuffers): void {
  const { count, sum, sumSq, filled } = out;
  for (let a = 0; a < m; a++) {
    const p = values[a * N]!;
    const last = p > 0 ? p : Number.NaN;
    st[a] = st[m + a] = st[2 * m + a] = st[3 * m + a] = 0;
    st[4 * m + a] = last;
    st[5 * m + a] = p;
    kst[a] = 0;
    filled[a] = last;
    count[a] = count[m + a] = 0;
    sum[a] = sum[m + a] = 0;
    sumSq[a] = sumSq[m + a] = 0;
  }
}
