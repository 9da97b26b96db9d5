/**
 * The value of the holdings on a row: cash + Σ_j u_j · p̃_j over the held assets, with p̃ the
 * forward-filled prices row-major (filledPrices.ts). Four partial sums, combined as
 * (s0 + s1) + (s2 + s3), in the same order by every function here, so a row valued through any
 * of them has the same value to the last bit. denseRows runs in the WebAssembly SIMD kernel when
 * the prices live in a prepared panel's own memory (engine/prefixWasm.ts): the partial sums as two
 * f64x2 vectors, the same sums in the same order, so the same bits (tested); 50 × 5,040 in
 * monthly stretches 0.135 → 0.071 ms, 500 × 5,040 1.25 → 0.61 ms.
 */
import { kernelMemoryOf, scratchBusy, wasmKernels } from '../wasm/wasmKernels.js';

/** cash + Σ_j u_j · F[rowBase + col_j] over the held assets, in four partial sums. */
export function heldValue(F: Float64Array, rowBase: number, cols: Int32Array, units: Float64Array, h: number, cash: number): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let j = 0;
  for (; j + 3 < h; j += 4) {
    s0 += units[j]! * F[rowBase + cols[j]!]!;
    s1 += units[j + 1]! * F[rowBase + cols[j + 1]!]!;
    s2 += units[j + 2]! * F[rowBase + cols[j + 2]!]!;
    s3 += units[j + 3]! * F[rowBase + cols[j + 3]!]!;
  }
  for (; j < h; j++) s0 += units[j]! * F[rowBase + cols[j]!]!;
  return cash + (s0 + s1 + (s2 + s3));
}

/** cash + Σ_j u_j · F[from + j] over h consecutive entries, in four partial sums (as heldValue). */
export function denseValue(F: Float64Array, from: number, units: Float64Array, h: number, cash: number): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let j = 0;
  for (; j + 3 < h; j += 4) {
    s0 += units[j]! * F[from + j]!;
    s1 += units[j + 1]! * F[from + j + 1]!;
    s2 += units[j + 2]! * F[from + j + 2]!;
    s3 += units[j + 3]! * F[from + j + 3]!;
  }
  for (; j < h; j++) s0 += units[j]! * F[from + j]!;
  return cash + (s0 + s1 + (s2 + s3));
}

/** equity[r] = cash + Σ_j u_j · F[first + r · stride + j] for rows from..to−1 (as denseValue, row by row). */
export function denseRows(F: Float64Array, first: number, stride: number, units: Float64Array, h: number, cash: number, equity: Float64Array, cashSeries: Float64Array, from: number, to: number): void {
  if (wasmKernels !== null && denseRowsWasm(F, first, stride, units, h, cash, equity, from, to)) {
    cashSeries.fill(cash, from, to);
    return;
  }
  for (let r = from; r < to; r++) {
    equity[r] = denseValue(F, first + r * stride, units, h, cash);
    cashSeries[r] = cash;
  }
}

/**
 * denseRows in the kernel bound to F's panel memory, with the units and the values passing
 * through its scratch; false (nothing written) when F is not in one or the scratch is short.
 */
function denseRowsWasm(F: Float64Array, first: number, stride: number, units: Float64Array, h: number, cash: number, equity: Float64Array, from: number, to: number): boolean {
  const pm = kernelMemoryOf(F);
  const n = to - from;
  if (pm === undefined || 8 * (h + n) + 64 > pm.scratchBytes || scratchBusy(pm)) return false;
  const uAt = pm.scratch;
  const oAt = uAt + 64 * Math.ceil(h / 8);
  new Float64Array(F.buffer, uAt, h).set(units.subarray(0, h));
  pm.kernels.denseRows(F.byteOffset, first, stride, uAt, h, cash, oAt, from, to);
  equity.set(new Float64Array(F.buffer, oAt, n), from);
  return true;
}
