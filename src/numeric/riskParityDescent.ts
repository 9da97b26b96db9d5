/**
 * Cyclic coordinate descent on Spinu's risk-budgeting objective f(x) = ½ xᵀΣx − Σ_i b_i ln x_i
 * (Griveau-Billion, Richard & Roncalli 2013, "A Fast Algorithm for Computing High-Dimensional
 * Risk Parity Portfolios"), the sweeps and the polish of numeric/solveRiskParity.ts, with the
 * vector helpers both share.
 *
 * A sweep runs in the WebAssembly SIMD kernel (wasm/estimatorKernels.ts ccdSweep) when it is
 * loaded, on a copy of Σ in the kernels' memory, and otherwise in {@link ccdSweep} here, and so
 * do the spread and the exact Σx (the kernel's spread and multiply, twins of relativeSpread here
 * and numeric/matrixVector.ts): each pair does the same IEEE operations in the same order (each
 * entry of Σx is updated alone, two per f64x2), so they give the same bits
 * (test/property/estimatorKernels.property.test.ts).
 */
import { ESTIMATOR_BASE, estimatorKernels, estimatorMemory } from '../estimators/estimatorKernels.js';
import { matrixVector } from './matrixVector.js';

/** The buffers of one descent: x, Σx, b and the matrix the sweeps read (n×n row-major). */
export interface Descent {
  n: number;
  x: Float64Array;
  sx: Float64Array;
  b: Float64Array;
  cov: Float64Array;
  /** Whether the sweeps run in the kernel (x, sx, b, cov are then views on its memory). */
  wasm: boolean;
}

const descentBuffers: Descent = { n: 0, x: new Float64Array(0), sx: new Float64Array(0), b: new Float64Array(0), cov: new Float64Array(0), wasm: false };
let viewsOf: ArrayBuffer | null = null;

/**
 * The descent's buffers for n candidates and covariance `cov`, reused across calls (one descent
 * at a time): views on the kernels' memory (x, Σx, b from ESTIMATOR_BASE, then a copy of Σ) when
 * they are loaded, else arrays of this module and Σ itself. Contents of x, sx, b undefined.
 */
export function descentFor(cov: Float64Array, n: number): Descent {
  const d = descentBuffers;
  if (estimatorKernels !== null) {
    const buffer = estimatorMemory(8 * (3 * n + n * n));
    if (buffer !== viewsOf || d.n !== n) {
      viewsOf = buffer;
      d.x = new Float64Array(buffer, ESTIMATOR_BASE, n);
      d.sx = new Float64Array(buffer, ESTIMATOR_BASE + 8 * n, n);
      d.b = new Float64Array(buffer, ESTIMATOR_BASE + 16 * n, n);
      d.cov = new Float64Array(buffer, ESTIMATOR_BASE + 24 * n, n * n);
    }
    d.cov.set(cov.length === n * n ? cov : cov.subarray(0, n * n));
    d.wasm = true;
  } else {
    if (d.x.length !== n) {
      d.x = new Float64Array(n);
      d.sx = new Float64Array(n);
      d.b = new Float64Array(n);
    }
    d.cov = cov;
    d.wasm = false;
  }
  d.n = n;
  return d;
}

/**
 * One cyclic sweep over the descent's buffers, in the kernel or in {@link ccdSweep}; returns the
 * relative spread after it, on the carried Σx ({@link spreadOf}).
 */
export function sweep(d: Descent): number {
  if (d.wasm) {
    const n = d.n;
    return estimatorKernels!.ccdSweep(ESTIMATOR_BASE + 24 * n, n, ESTIMATOR_BASE, ESTIMATOR_BASE + 8 * n, ESTIMATOR_BASE + 16 * n);
  }
  ccdSweep(d.cov, d.n, d.x, d.sx, d.b);
  return relativeSpread(d.x, d.sx, d.b, d.n, dot(d.x, d.sx, d.n));
}

/** The relative risk-contribution spread at the descent's x and Σx, in the kernel or here. */
export function spreadOf(d: Descent): number {
  const n = d.n;
  if (d.wasm) return estimatorKernels!.spread(n, ESTIMATOR_BASE, ESTIMATOR_BASE + 8 * n, ESTIMATOR_BASE + 16 * n);
  return relativeSpread(d.x, d.sx, d.b, n, dot(d.x, d.sx, n));
}

/** Σx recomputed exactly from x (no carried rounding), in the kernel or here. */
export function exactProduct(d: Descent): void {
  const n = d.n;
  if (d.wasm) estimatorKernels!.multiply(ESTIMATOR_BASE + 24 * n, n, ESTIMATOR_BASE, ESTIMATOR_BASE + 8 * n);
  else matrixVector(d.cov, n, d.x, d.sx);
}

/**
 * One cyclic sweep: each x_i set to the positive root of σ_ii x_i² + c_i x_i − b_i = 0,
 * c_i = (Σx)_i − σ_ii x_i (computed as 2 b_i / (c_i + √…) when c_i > 0 to avoid cancellation),
 * with Σx updated in O(n) after each coordinate (Σ symmetric: row i is column i).
 */
export function ccdSweep(cov: Float64Array, n: number, x: Float64Array, sx: Float64Array, b: Float64Array): void {
  for (let i = 0; i < n; i++) {
    const row = i * n;
    const d = cov[row + i]!;
    const xi = x[i]!;
    const c = sx[i]! - d * xi;
    const root = Math.sqrt(c * c + 4 * d * b[i]!);
    const next = c > 0 ? (2 * b[i]!) / (c + root) : (root - c) / (2 * d);
    const delta = next - xi;
    if (delta === 0) continue;
    x[i] = next;
    // Σx += Σ_{·i} δ, unrolled by four.
    let j = 0;
    for (; j + 3 < n; j += 4) {
      sx[j] = sx[j]! + cov[row + j]! * delta;
      sx[j + 1] = sx[j + 1]! + cov[row + j + 1]! * delta;
      sx[j + 2] = sx[j + 2]! + cov[row + j + 2]! * delta;
      sx[j + 3] = sx[j + 3]! + cov[row + j + 3]! * delta;
    }
    for (; j < n; j++) sx[j] = sx[j]! + cov[row + j]! * delta;
  }
}

/** Spread the polish aims at: near the rounding floor of the risk contributions. */
const POLISH_TOLERANCE = 1e-13;
const POLISH_SWEEPS = 60;

/**
 * Further coordinate sweeps after the tolerance is met, until the spread (on an exactly
 * recomputed Σx) is at most POLISH_TOLERANCE or stops falling. A warm start stops at a point
 * that depends on where it started (the previous decision); polished, the weights are the
 * unique ERC solution to about 1e-13 whatever the start, so a decision does not depend on the
 * run's earlier decisions (a sweep variant, a walk-forward segment and a run agree to 1e-12).
 * Linear convergence of the cyclic descent (Griveau-Billion et al. 2013) makes this a few
 * O(n²) sweeps. `x`, `sx` of the descent hold the polished point on return (Σx exact).
 */
export function polish(d: Descent, spread: number): { sweeps: number; spread: number } {
  let carried = spread;
  let sweeps = 0;
  // Σx carried along the updates (as in the descent); stop at the target or when a sweep no
  // longer cuts the spread by a tenth (the rounding floor), then confirm on an exact Σx.
  while (carried > POLISH_TOLERANCE && sweeps < POLISH_SWEEPS) {
    const next = sweep(d);
    sweeps++;
    if (!(next < 0.9 * carried)) break;
    carried = next;
  }
  exactProduct(d);
  return { sweeps, spread: spreadOf(d) };
}

export function dot(a: Float64Array, b: Float64Array, n: number): number {
  let s = 0;
  for (let i = 0; i < n; i++) s += a[i]! * b[i]!;
  return s;
}

/** max_{i,j} |RC_i/b_i − RC_j/b_j| / xᵀΣx with RC_i = x_i (Σx)_i (scale-free in x). */
export function relativeSpread(x: Float64Array, sx: Float64Array, b: Float64Array, n: number, quad: number): number {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < n; i++) {
    const r = (x[i]! * sx[i]!) / b[i]!;
    if (r < lo) lo = r;
    if (r > hi) hi = r;
  }
  return (hi - lo) / quad;
}
