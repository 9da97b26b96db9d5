/**
 * The values array of a price panel (core/panel.ts), allocated where the engine's kernels read it
 * in place: a Float64Array view on a WebAssembly.Memory of the panel's own, with the kernels
 * (wasmKernels.ts) bound to it and a scratch area after the values. A run without a prepared
 * panel (engine/oneShotRoute.ts) then reads the prices where they are instead of copying them
 * into the one-shot runs' memory (2 MB, ≈180 µs cold, for 50 assets × 5,040 rows).
 *
 * The memory is never grown, so the view is never detached; it is an ordinary Float64Array to
 * every other reader, and the memory is collected with it (the registry below is weak). Sending
 * the view to another thread would clone the whole memory, scratch included: panels cross
 * threads only as copies into SharedArrayBuffers (sweep/sharedPanel.ts).
 *
 * The scratch is address space reserved, not memory used: a page costs nothing until a run
 * touches it, and a run touches only what it needs. It holds a one-shot run's parts (filled
 * prices when a column has gaps, block and window sums, targets) and the kernel loop's scratch
 * (execution/simulateWasm.ts) for runs of up to about one decision in four rows on every column;
 * a run that needs more takes the copy into the one-shot memory.
 *
 * A plain Float64Array when the kernels are absent (SLEEVES_WASM=0, no .wasm, no SIMD), for small
 * panels (below VALUES_CELLS, where creating the memory costs more than the copy it saves), and
 * when the memory cannot be had.
 */
import { PAGE } from './compileKernelModule.js';
import { ownMemory, scratchBusy, setScratch, WASM_BASE, wasmKernels, type KernelMemory, type WasmKernels } from './wasmKernels.js';

/**
 * Cells from which a panel's values get a memory of their own: from here creating it and binding
 * the kernels (≈ 20–100 µs) costs no more than zeroing a plain array of the same size, and every
 * one-shot run on the panel then saves the copy of its prices (≈ 0.7 ns a cell cold).
 */
export const VALUES_CELLS = 65_536;

/** The largest memory asked for (a wasm32 memory holds at most 4 GiB). */
const MAX_BYTES = 2 ** 32 - PAGE;

/** A panel's values memory: where the values and the scratch are, and the kernels bound to it. */
export interface ValuesMemory {
  readonly buffer: ArrayBuffer;
  readonly kernels: WasmKernels;
  /** Byte addresses: the first value, and the scratch (after the last value, 64-byte aligned). */
  readonly values: number;
  readonly scratch: number;
  /** The scratch as kernelMemoryOf last found it (its simulation scratch is claimed during a run). */
  recorded: KernelMemory;
}

const memories = new WeakMap<ArrayBuffer, ValuesMemory>();

/** A panel's values array of `length` cells (zeros): in a memory of its own when worth it. */
export function panelValues(length: number): Float64Array {
  return (length >= VALUES_CELLS ? valuesInMemory(length) : null) ?? new Float64Array(length);
}

/** `length` zeros in a values memory of their own; null without the kernels or when it cannot be had. */
export function valuesInMemory(length: number): Float64Array | null {
  if (wasmKernels === null) return null;
  const bytes = 8 * length;
  const scratch = WASM_BASE + Math.ceil(bytes / 64) * 64;
  // Room for a one-shot run on every column with up to one decision in four rows: its parts and
  // the kernel loop's scratch take ≈ 2.4× the values plus ≈ 45 bytes a row, and the filled
  // prices 1× more when a column has gaps (oneShotDecisions' and simScratchBytes' layouts).
  const total = Math.min(MAX_BYTES, scratch + 4 * bytes + (1 << 20));
  if (scratch + (1 << 16) > total) return null;
  let own: { buffer: ArrayBuffer; kernels: WasmKernels };
  try {
    own = ownMemory(total);
  } catch {
    return null;
  }
  const { buffer, kernels } = own;
  const recorded = setScratch(buffer, kernels, scratch, buffer.byteLength - scratch);
  memories.set(buffer, { buffer, kernels, values: WASM_BASE, scratch, recorded });
  return new Float64Array(buffer, WASM_BASE, length);
}

/** The values memory an array is a view on, if any. */
export function valuesMemoryOf(a: ArrayBufferView): ValuesMemory | undefined {
  return memories.get(a.buffer as ArrayBuffer);
}

/**
 * The memory's scratch for a one-shot run: `bytes` from vm.scratch for the run's parts, then at
 * least `scratchBytes` recorded as the scratch of the kernels (simulateWasm, denseRows). Null
 * when the memory is too small for that or its scratch is claimed (the caller then copies).
 */
export function valuesScratch(vm: ValuesMemory, bytes: number, scratchBytes: number): { buffer: ArrayBuffer; kernels: WasmKernels } | null {
  const from = vm.scratch + Math.ceil(bytes / 64) * 64;
  if (from + scratchBytes > vm.buffer.byteLength || scratchBusy(vm.recorded)) return null;
  vm.recorded = setScratch(vm.buffer, vm.kernels, from, vm.buffer.byteLength - from);
  return { buffer: vm.buffer, kernels: vm.kernels };
}
