/**
 * The prepared panel's pass (preparePanel.ts) in the WebAssembly SIMD kernel (wasm/kernels.ts,
 * prefixBlock), when it is loaded: blocks of BLOCK rows, all assets, through the kernel's
 * scratch memory — the block's prices copied in column by column, the kernel's row-major outputs
 * copied out as four contiguous stretches, the running sums carried from block to block in the
 * kernel's memory. The kernel does prefixEight's and prefixPair's operations lane by lane, in the
 * same order, so it writes the same bits (tested); it runs two assets per f64x2 instruction.
 */
import type { PanelBuffers } from './preparePanel.js';
import { WASM_BASE, wasmKernels, wasmMemory } from '../wasm/wasmKernels.js';

/** Rows per block: the block's scratch (≈ 36 bytes × rows × assets) stays in cache. */
const BLOCK = 128;

/** Writes count, sum, sumSq and filled of every asset; false (nothing written) without the kernel. */
export function prefixWasm(values: Float64Array, N: number, m: number, out: PanelBuffers): boolean {
  if (wasmKernels === null || N < 2 || m === 0) return false;
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
  // Row 0: the first price; prefix rows 0 and 1 are empty (no return before row 1).
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
