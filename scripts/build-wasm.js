// Compiles the WebAssembly SIMD kernels (AssemblyScript) into dist/src/wasm/, beside their
// loaders: wasm/kernels.ts → kernels.wasm (the engine: prefix pass, holdings value, simulation
// loop, plain decisions; src/wasm/wasmKernels.ts), wasm/estimatorKernels.ts →
// estimatorKernels.wasm (sliding covariance, risk-parity descent; src/estimators/estimatorKernels.ts)
// and wasm/sweepKernels.ts → sweepKernels.wasm (the sweep's decisions and simulation on a shared
// memory; src/sweep/sweepMemory.ts). Run by `npm run build` and `prepare` after tsc. Without the
// compiler (a production install) it says so and exits 0: the code then runs its TypeScript path.
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
// The sweep fast path's kernels (wasm/sweepKernels.ts), on a shared memory the sweep's threads import.
const sweep = await asc.main(['wasm/sweepKernels.ts', '-O3', '--noAssert', '--runtime', 'stub', '--importMemory', '--sharedMemory', '--initialMemory', '2', '--maximumMemory', '65536', '--enable', 'simd', '--enable', 'threads', '-o', 'dist/src/wasm/sweepKernels.wasm']);
if (sweep.error) {
  console.error(`build-wasm: ${sweep.error.message}\n${sweep.stderr.toString()}`);
  process.exit(1);
}
