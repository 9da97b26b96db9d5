import { choleskyFactor, choleskySolve } from './cholesky.js';
import { matrixVector } from './matrixVector.js';
import { descentFor, dot, exactProduct, polish, relativeSpread, spreadOf, sweep } from './riskParityDescent.js';

/** Outcome of {@link solveRiskParity}. `spread` is the final relative risk-contribution spread. */
export type RiskParityResult =
  | { readonly ok: true; readonly weights: Float64Array; readonly iterations: number; readonly spread: number }
  | { readonly ok: false; readonly reason: string; readonly iterations: number };

/**
 * Risk budgeting (equal risk contribution when `budgets` is omitted), long-only, fully invested.
 *
 * Risk contribution RC_i = w_i (Σw)_i, so Σ_i RC_i = wᵀΣw. The target is RC_i / wᵀΣw = b_i.
 * Following Spinu (2013, "An algorithm for computing risk parity weights"), solve the strictly
 * convex problem
 *
 *   minimise f(x) = ½ xᵀΣx − Σ_i b_i ln x_i   over x > 0,
 *
 * whose stationarity condition x_i (Σx)_i = b_i is exactly the budget condition; then
 * w = x / Σx. Newton's method with Hessian H = Σ + diag(b_i / x_i²) (positive definite for
 * x > 0), a fraction-to-the-boundary rule keeping x > 0, and Armijo backtracking on f.
 * The start is x_i ∝ 1/σ_i scaled so that xᵀΣx = Σb (which holds at the solution).
 *
 * Converged when max_i |RC_i/b_i − RC_j/b_j| / (wᵀΣw) ≤ `tolerance` (default 1e-8; for equal
 * budgets this is max |RC_i − RC_j| relative to the mean contribution wᵀΣw / n).
 * Fails (never throws) on a zero or non-finite variance, a Hessian that cannot be factored, or
 * no convergence within `maxIterations` (f unbounded below when Σ is singular along a
 * positive direction).
 */
export function solveRiskParity(
  cov: Float64Array,
  n: number,
  options: { budgets?: Float64Array; tolerance?: number; maxIterations?: number } = {},
): RiskParityResult {
  const tolerance = options.tolerance ?? 1e-8;
  const maxIterations = options.maxIterations ?? 100;
  if (n === 0) return { ok: false, reason: 'no candidates', iterations: 0 };
  const b = new Float64Array(n);
  let bSum = 0;
  for (let i = 0; i < n; i++) {
    const bi = options.budgets ? (options.budgets[i] as number) : 1;
    if (!(bi > 0) || !Number.isFinite(bi)) return { ok: false, reason: `risk budget ${i} must be > 0`, iterations: 0 };
    b[i] = bi;
    bSum += bi;
  }
  for (let i = 0; i < n; i++) b[i] = (b[i] as number) / bSum;

  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const d = cov[i * n + i] as number;
    if (!(d > 0) || !Number.isFinite(d)) return { ok: false, reason: 'zero or undefined variance', iterations: 0 };
    x[i] = 1 / Math.sqrt(d);
  }
  const sx = new Float64Array(n);
  matrixVector(cov, n, x, sx);
  let quad = dot(x, sx, n);
  if (!(quad > 0)) return { ok: false, reason: 'singular covariance', iterations: 0 };
  const scale = Math.sqrt(1 / quad);
  for (let i = 0; i < n; i++) x[i] = (x[i] as number) * scale;

  const work = { h: new Float64Array(n * n), d: new Float64Array(n), trial: new Float64Array(n), strial: new Float64Array(n) };
  for (let iteration = 1; iteration <= maxIterations; iteration++) {
    matrixVector(cov, n, x, sx);
    quad = dot(x, sx, n);
    const spread = relativeSpread(x, sx, b, n, quad);
    if (spread <= tolerance) {
      // Polished as the warm start is, so that both give the unique solution to about 1e-13.
      const descent = descentFor(cov, n);
      descent.x.set(x);
      descent.sx.set(sx);
      descent.b.set(b);
      const polished = polish(descent, spread);
      return { ok: true, weights: normalised(descent.x, n), iterations: iteration - 1 + polished.sweeps, spread: polished.spread };
    }
    const step = newtonStep(cov, n, x, sx, b, work);
    if (step !== 'ok') return { ok: false, reason: step, iterations: iteration };
  }
  return { ok: false, reason: `did not converge in ${maxIterations} iterations`, iterations: maxIterations };
}

/**
 * One damped Newton step on f, in place on x: H d = −g with g = Σx − b/x and
 * H = Σ + diag(b/x²); the step length starts at min(1, 0.99 × the distance to x = 0) and is
 * halved until the Armijo condition f(x + αd) ≤ f(x) + 10⁻⁴ α gᵀd holds.
 */
function newtonStep(
  cov: Float64Array,
  n: number,
  x: Float64Array,
  sx: Float64Array,
  b: Float64Array,
  work: { h: Float64Array; d: Float64Array; trial: Float64Array; strial: Float64Array },
): 'ok' | string {
  const { h, d, trial, strial } = work;
  for (let i = 0; i < n; i++) {
    const xi = x[i] as number;
    for (let j = 0; j <= i; j++) h[i * n + j] = cov[i * n + j] as number;
    h[i * n + i] = (h[i * n + i] as number) + (b[i] as number) / (xi * xi);
    d[i] = -((sx[i] as number) - (b[i] as number) / xi);
  }
  if (!choleskyFactor(h, n, 1e-15)) return 'singular covariance';
  choleskySolve(h, n, d);
  let alpha = 1;
  for (let i = 0; i < n; i++) {
    const di = d[i] as number;
    if (di < 0) alpha = Math.min(alpha, (-0.99 * (x[i] as number)) / di);
  }
  const f0 = objective(x, sx, b, n);
  const directional = directionalDerivative(d, x, sx, b, n);
  for (let backtrack = 0; backtrack < 60; backtrack++) {
    for (let i = 0; i < n; i++) trial[i] = (x[i] as number) + alpha * (d[i] as number);
    matrixVector(cov, n, trial, strial);
    const f1 = objective(trial, strial, b, n);
    if (f1 <= f0 + 1e-4 * alpha * directional || Math.abs(f1 - f0) <= 1e-15 * Math.abs(f0)) {
      x.set(trial);
      return 'ok';
    }
    alpha *= 0.5;
  }
  return 'line search failed (singular covariance?)';
}

/** f(x) = ½ xᵀΣx − Σ b_i ln x_i, given sx = Σx. */
function objective(x: Float64Array, sx: Float64Array, b: Float64Array, n: number): number {
  let f = 0.5 * dot(x, sx, n);
  for (let i = 0; i < n; i++) f -= (b[i] as number) * Math.log(x[i] as number);
  return f;
}

/** ∇f(x)ᵀd = Σ_i ((Σx)_i − b_i/x_i) d_i. */
function directionalDerivative(d: Float64Array, x: Float64Array, sx: Float64Array, b: Float64Array, n: number): number {
  let s = 0;
  for (let i = 0; i < n; i++) s += ((sx[i] as number) - (b[i] as number) / (x[i] as number)) * (d[i] as number);
  return s;
}

/** x / Σx, into `out` when it has length n. */
function normalised(x: Float64Array, n: number, out?: Float64Array): Float64Array {
  let s = 0;
  for (let i = 0; i < n; i++) s += x[i] as number;
  const w = out !== undefined && out.length === n ? out : new Float64Array(n);
  for (let i = 0; i < n; i++) w[i] = (x[i] as number) / s;
  return w;
}

/**
 * The same risk-budgeting problem and convergence test as {@link solveRiskParity}, solved by
 * cyclic coordinate descent from a warm start (Griveau-Billion, Richard & Roncalli 2013, "A Fast
 * Algorithm for Computing High-Dimensional Risk Parity Portfolios"): on Spinu's objective
 * f(x) = ½ xᵀΣx − Σ b_i ln x_i each coordinate has the closed-form minimiser
 *
 *   x_i = (−c_i + √(c_i² + 4 σ_ii b_i)) / (2 σ_ii),   c_i = (Σx)_i − σ_ii x_i
 *
 * (the positive root of σ_ii x_i² + c_i x_i − b_i = 0, computed as 2 b_i / (c_i + √…) when
 * c_i > 0 to avoid cancellation), and Σx is updated in O(n) after each coordinate, so a sweep
 * costs O(n²) against Newton's O(n³) (numeric/riskParityDescent.ts, in a WebAssembly SIMD kernel
 * when it is loaded). The start is `start` (the previous decision's weights,
 * all > 0) scaled so that xᵀΣx = Σb, which holds at the solution. The convergence test is that
 * of solveRiskParity (max relative risk-contribution spread ≤ `tolerance`, default 1e-8), on the
 * carried Σx after each sweep and confirmed on an exactly recomputed Σx. Without convergence in `maxSweeps`
 * (default 200) sweeps, or with an unusable start, the result is Newton's from its cold start
 * (solveRiskParity), so the method fails exactly when Newton does. The weights are written into
 * `out` when it has length n.
 */
export function solveRiskParityWarm(
  cov: Float64Array,
  n: number,
  start: Float64Array,
  options: { budgets?: Float64Array; tolerance?: number; maxSweeps?: number; out?: Float64Array } = {},
): RiskParityResult {
  const tolerance = options.tolerance ?? 1e-8;
  const maxSweeps = options.maxSweeps ?? 200;
  const newton = (): RiskParityResult => solveRiskParity(cov, n, options.budgets ? { budgets: options.budgets, tolerance } : { tolerance });
  if (n === 0 || start.length < n) return newton();
  const descent = descentFor(cov, n);
  const { x, sx, b } = descent;
  let bSum = 0;
  for (let i = 0; i < n; i++) {
    const bi = options.budgets ? options.budgets[i]! : 1;
    const d = cov[i * n + i]!;
    const xi = start[i]!;
    if (!(bi > 0) || !Number.isFinite(bi) || !(d > 0) || !Number.isFinite(d) || !(xi > 0) || !Number.isFinite(xi)) return newton();
    b[i] = bi;
    bSum += bi;
    x[i] = xi;
  }
  for (let i = 0; i < n; i++) b[i] = b[i]! / bSum;
  exactProduct(descent);
  const quad = dot(x, sx, n);
  if (!(quad > 0) || !Number.isFinite(quad)) return newton();
  const scale = Math.sqrt(1 / quad);
  for (let i = 0; i < n; i++) {
    x[i] = x[i]! * scale;
    sx[i] = sx[i]! * scale;
  }
  // Σx is exact after a recomputation and carried along the coordinate updates otherwise; a
  // spread within the tolerance is confirmed on a recomputed Σx before it is accepted.
  let spread = spreadOf(descent);
  let exact = false;
  let sweeps = 0;
  for (;;) {
    if (spread <= tolerance) {
      if (exact) {
        const polished = polish(descent, spread);
        return { ok: true, weights: normalised(x, n, options.out), iterations: sweeps + polished.sweeps, spread: polished.spread };
      }
      exactProduct(descent);
      exact = true;
      spread = spreadOf(descent);
      continue;
    }
    if (sweeps >= maxSweeps || !(spread < Infinity)) break;
    spread = sweep(descent);
    sweeps++;
    exact = false;
  }
  return newton();
}
