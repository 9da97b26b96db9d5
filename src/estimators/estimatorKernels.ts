/**
 * The optional WebAssembly SIMD kernels of the estimator stage (wasm/estimatorKernels.ts,
 * AssemblyScript, built into dist/src/wasm/estimatorKernels.wasm by scripts/build-wasm.js during
 * `npm ci` and `npm run build`), loaded synchronously at import. `estimatorKernels` is null, and
 * every caller takes its TypeScript twin (same operations in the same order, so the same bits,
 * tested), when SLEEVES_WASM=0, when the file is missing, or when it does not compile or
 * instantiate here (no SIMD).
 *
 * Memory: one scratch memory of its own, used within a single synchronous call: callers copy
 * their inputs in from {@link ESTIMATOR_BASE} on and the results out. Growing it replaces its
 * buffer, so views are taken on the buffer {@link estimatorMemory} returns, after the call.
 */
import { loadKernelModule, memoryFrom, PAGE } from '../wasm/compileKernelModule.js';

export interface EstimatorKernels {
  /** One coordinate-descent sweep of risk budgeting (numeric/riskParityDescent.ts ccdSweep), then the spread; byte addresses. */
  ccdSweep(cov: number, n: number, x: number, sx: number, b: number): number;
  /** The relative risk-contribution spread (numeric/riskParityDescent.ts relativeSpread); byte addresses. */
  spread(n: number, x: number, sx: number, b: number): number;
  /** out = A x (numeric/matrixVector.ts); byte addresses. */
  multiply(a: number, n: number, x: number, out: number): void;
  /** cross += QᵀP over the upper triangle, P row-major m×k, Q = P with rows ≥ entering negated (estimators/crossProducts.ts); byte addresses. */
  crossProducts(cross: number, k: number, p: number, entering: number, m: number): void;
  /** The covariance (both triangles) from the co-moment sums over t rows (estimators/slidingCovariance.ts update); byte addresses. */
  covariance(cross: number, sum: number, k: number, t: number, out: number): void;
}

/** The first address callers may use (the module keeps the page below for itself). */
export const ESTIMATOR_BASE = PAGE;

const loaded = loadKernelModule<EstimatorKernels>('estimatorKernels');
export const estimatorKernels: EstimatorKernels | null = loaded?.kernels ?? null;

/**
 * The kernels' memory with at least `bytes` usable from ESTIMATOR_BASE (grown when short).
 * Requires estimatorKernels.
 */
export function estimatorMemory(bytes: number): ArrayBuffer {
  return memoryFrom(loaded!.memory, ESTIMATOR_BASE, bytes);
}

let view = new Float64Array(0);

/**
 * A Float64Array view of the kernels' memory from ESTIMATOR_BASE with at least `doubles`
 * entries (index i at byte address ESTIMATOR_BASE + 8i), reused while the memory is not grown.
 * Requires estimatorKernels.
 */
export function estimatorView(doubles: number): Float64Array {
  const buffer = estimatorMemory(8 * doubles);
  if (view.buffer !== buffer) view = new Float64Array(buffer, ESTIMATOR_BASE);
  return view;
}
