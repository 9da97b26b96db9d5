// Compiles the WebAssembly SIMD kernels (wasm/kernels.ts, AssemblyScript) into
// dist/src/wasm/kernels.wasm, beside the loader that reads it (src/wasm/wasmKernels.ts). Run by
// `npm run build` and `prepare` after tsc. Without the compiler (a production install) it says so
// and exits 0: the engine then runs its TypeScript path.
import { mkdirSync } from 'node:fs';

const out = 'dist/src/wasm/kernels.wasm';
mkdirSync('dist/src/wasm', { recursive: true });
const args = ['wasm/kernels.ts', '-O3', '--noAssert', '--runtime', 'stub', '--importMemory', '--initialMemory', '2', '--enable', 'simd', '-o', out];
let asc;
try {
  asc = await import('assemblyscript/asc');
} catch {
  console.warn('build-wasm: assemblyscript is not installed; the engine will run its TypeScript path');
  process.exit(0);
}
const { error, stderr } = await asc.main(args);
if (error) {
  console.error(`build-wasm: ${error.message}\n${stderr.toString()}`);
  process.exit(1);
}
// The estimator stage's kernels (wasm/estimatorKernels.ts, loaded by src/estimators/estimatorKernels.ts).
const estimator = await asc.main(['wasm/estimatorKernels.ts', ...args.slice(1, -2), '-o', 'dist/src/wasm/estimatorKernels.wasm']);
if (estimator.error) {
  console.error(`build-wasm: ${estimator.error.message}\n${estimator.stderr.toString()}`);
  process.exit(1);
}
