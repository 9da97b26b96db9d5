/**
 * The optional WebAssembly SIMD kernels (wasm/kernels.ts, AssemblyScript, built into
 * dist/src/wasm/kernels.wasm by scripts/build-wasm.js during `npm ci` and `npm run build`),
 * loaded synchronously at import. `wasmKernels` is null, and every caller takes its TypeScript
 * path, when SLEEVES_WASM=0, when the file is missing, or when it does not compile or
 * instantiate here (no SIMD).
 *
 * Memory: the kernels work in one linear memory of their own, used as scratch within a single
 * synchronous call: callers copy their inputs in and the results out, in blocks small enough to
 * stay in cache, so the engine's arrays stay ordinary arrays (no lifetime to manage, no growth
 * that would detach a view).
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface WasmKernels {
  /** A block of rows of the prepared panel's pass, all assets (engine/prefixWasm.ts); byte addresses. */
  prefixBlock(vin: number, B: number, m: number, a0: number, a1: number, st: number, kst: number, count: number, sum: number, sumSq: number, filled: number): void;
}

/** The part of the WebAssembly JS API used here (the project's lib has no DOM types). */
interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}
declare const WebAssembly: {
  Memory: new (d: { initial: number }) => WasmMemory;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: object };
};

const PAGE = 65536;
/** The first address callers may use (the module keeps the page below for itself). */
export const WASM_BASE = PAGE;

let memory: WasmMemory | undefined;

function load(): WasmKernels | null {
  if (process.env['SLEEVES_WASM'] === '0') return null;
  // Beside this module in dist/, or, when run from the sources (tests), in the built dist/.
  const file = [new URL('./kernels.wasm', import.meta.url), new URL('../../dist/src/wasm/kernels.wasm', import.meta.url)].map((u) => fileURLToPath(u)).find((f) => existsSync(f));
  if (file === undefined) return null;
  try {
    const mem = new WebAssembly.Memory({ initial: 2 });
    const instance = new WebAssembly.Instance(new WebAssembly.Module(readFileSync(file)), { env: { memory: mem, abort: () => {} } });
    memory = mem;
    return instance.exports as unknown as WasmKernels;
  } catch {
    return null;
  }
}

export const wasmKernels: WasmKernels | null = load();

/**
 * The kernels' memory with at least `bytes` usable from WASM_BASE (grown when short; growing
 * replaces the buffer, so callers take views on the buffer returned here, after the call).
 * Requires wasmKernels.
 */
export function wasmMemory(bytes: number): ArrayBuffer {
  const mem = memory!;
  const need = WASM_BASE + bytes;
  if (need > mem.buffer.byteLength) mem.grow(Math.ceil((need - mem.buffer.byteLength) / PAGE));
  return mem.buffer;
}
