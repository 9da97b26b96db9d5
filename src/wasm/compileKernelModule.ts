/**
 * One of the project's WebAssembly kernel modules, compiled: `<name>.wasm`, which
 * scripts/build-wasm.js writes into dist/src/wasm/ during `npm ci` and `npm run build`. Looked for
 * beside this module (dist/src/wasm/), or, when run from the sources (tests), in the built dist/.
 * Null — and every caller then runs its TypeScript twin — when SLEEVES_WASM=0, when the file is
 * missing (a build without AssemblyScript), or when it does not compile here (no SIMD or threads).
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The part of the WebAssembly JS API used here (the project's lib has no DOM types). */
declare const WebAssembly: { Module: new (bytes: Uint8Array) => object };

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
