/**
 * The project's WebAssembly kernel modules, compiled and instantiated: `<name>.wasm`, which
 * scripts/build-wasm.js writes into dist/src/wasm/ during `npm ci` and `npm run build`. Looked for
 * beside this module (dist/src/wasm/), or, when run from the sources (tests), in the built dist/.
 * Null — and every caller then runs its TypeScript twin — when SLEEVES_WASM=0, when the file is
 * missing (a build without AssemblyScript), or when it does not compile here (no SIMD or threads).
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The part of the WebAssembly JS API used here (the project's lib has no DOM types). */
export interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}
declare const WebAssembly: {
  Module: new (bytes: Uint8Array) => object;
  Memory: new (d: { initial: number }) => WasmMemory;
  Instance: new (module: object, imports: object) => { exports: object };
};

/** WebAssembly's page size in bytes. */
export const PAGE = 65536;

export function compileKernelModule(name: 'kernels' | 'estimatorKernels' | 'sweepKernels'): object | null {
  if (process.env['SLEEVES_WASM'] === '0') return null;
  const file = [new URL(`./${name}.wasm`, import.meta.url), new URL(`../../dist/src/wasm/${name}.wasm`, import.meta.url)]
    .map((u) => fileURLToPath(u))
    .find((f) => existsSync(f));
  if (file === undefined) return null;
  try {
    return new WebAssembly.Module(readFileSync(file));
  } catch {
    return null;
  }
}

/** A kernel module instantiated on a memory of its own (two pages, grown by {@link memoryFrom}). */
export interface LoadedKernels<K> {
  readonly kernels: K;
  readonly memory: WasmMemory;
  readonly module: object;
}

export function loadKernelModule<K>(name: 'kernels' | 'estimatorKernels'): LoadedKernels<K> | null {
  const module = compileKernelModule(name);
  if (module === null) return null;
  try {
    const memory = new WebAssembly.Memory({ initial: 2 });
    const instance = new WebAssembly.Instance(module, { env: { memory, abort: () => {} } });
    return { kernels: instance.exports as unknown as K, memory, module };
  } catch {
    return null;
  }
}

/**
 * The buffer of `memory` with at least `bytes` usable from `base` (grown when short; growing
 * replaces the buffer, so callers take views on the buffer returned here, after the call).
 */
export function memoryFrom(memory: WasmMemory, base: number, bytes: number): ArrayBuffer {
  const need = base + bytes;
  if (need > memory.buffer.byteLength) memory.grow(Math.ceil((need - memory.buffer.byteLength) / PAGE));
  return memory.buffer;
}
