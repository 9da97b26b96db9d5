import { choleskyFactor, choleskySolve } from './cholesky.js';
import { matrixVector } from './matrixVector.js';

/** Outcome of {@link solveMinVarianceQp}: exact weights, or the reason it could not solve. */
export type MinVarianceQpResult =
  | { readonly ok: true; readonly weights: Float64Array; readonly iterations: number; readonly status: Uint8Array }
  | { readonly ok: false; readonly reason: string; readonly iterations: number };

const FREE = 0;
const AT_LOWER = 1;
const AT_UPPER = 2;

/**
 * Exact long-only minimum variance with box constraints, by a primal active-set method on the
 * KKT system:
 *
 *   minimise ½ wᵀΣw   subject to   Σ_i w_i = budget,   lower_i ≤ w_i ≤ upper_i.
 *
 * For a working set B of variables held at a bound and the free set F, the equality-constrained
 * subproblem has the closed form w_F = λ u − v with u = Σ_FF⁻¹ 1, v = Σ_FF⁻¹ Σ_FB w_B and
 * λ = (budget − 1ᵀw_B + 1ᵀv) / 1ᵀu (Cholesky of Σ_FF). From a feasible point the method steps
 * towards that solution, stopping at the first bound it meets (added to B); at the subproblem's
 * minimiser it checks the KKT multipliers, μ_i = g_i − λ ≥ 0 at a lower bound and λ − g_i ≥ 0 at
 * an upper bound with g = Σw, and releases the most negative one. All multipliers ≥ 0 is the
 * optimality certificate, so the result is exact to rounding (not an approximation).
 *
 * The starting working set is guessed by clamping the unconstrained solution repeatedly (usually
 * optimal or nearly so after one or two rounds); if no guess is feasible, the start is the
 * "water-filled" feasible point (lower bounds, then the budget spread evenly under the caps).
 *
 * Warm start: `start` (a previous solution's `status`, 0 free, 1 at its lower bound, 2 at its
 * upper bound) replaces the all-free first guess; the clamping and the active-set loop then run
 * as from a cold start, so the result is the same exact KKT point (the minimiser is unique when
 * Σ is positive definite), usually after one or two subproblem solves instead of several.
 * The scratch buffers are reused from call to call (one set per n); the weights are written into
 * `out` when it has length n.
 *
 * Fails (never throws) on: inconsistent bounds (Σ lower > budget or Σ upper < budget), a singular
 * Σ_FF (e.g. more candidates than observations, or duplicated series), or more iterations than
 * `maxIterations` (cycling on a degenerate problem). `cov` is row-major n×n and is not modified.
 */
export function solveMinVarianceQp(
  cov: Float64Array,
  n: number,
  lower: Float64Array,
  upper: Float64Array,
  options: { budget?: number; maxIterations?: number; start?: Uint8Array; out?: Float64Array } = {},
): MinVarianceQpResult {
  const budget = options.budget ?? 1;
  const maxIterations = options.maxIterations ?? 20 * n + 100;
  let sumLower = 0;
  let sumUpper = 0;
  for (let i = 0; i < n; i++) {
    const lo = lower[i] as number;
    const hi = upper[i] as number;
    if (!(lo <= hi)) return { ok: false, reason: `infeasible bounds: lower ${lo} > upper ${hi}`, iterations: 0 };
    sumLower += lo;
    sumUpper += hi;
  }
  const slack = 1e-12 * Math.max(1, Math.abs(budget));
  if (sumLower > budget + slack) return { ok: false, reason: `infeasible floors: they sum to ${sumLower} > ${budget}`, iterations: 0 };
  if (sumUpper < budget - slack) return { ok: false, reason: `infeasible caps: they sum to ${sumUpper} < ${budget}`, iterations: 0 };
  if (n === 0) return { ok: false, reason: 'no candidates', iterations: 0 };

  const ws = workspaceFor(cov, n, budget);
  const { w, status } = ws;

  let iterations = guessStart(ws, lower, upper, options.start);
  // A successful guess leaves w at its working set's minimiser: the first iteration would only
  // solve the same subproblem again, so it goes straight to the multipliers.
  let atMinimiser = iterations > 0;
  if (iterations < 0) {
    iterations = -iterations;
    waterFillStart(w, status, lower, upper, n, budget);
  }

  while (iterations < maxIterations) {
    iterations++;
    if (atMinimiser) atMinimiser = false;
    else {
      if (!ws.solveWorkingSet()) return { ok: false, reason: 'singular covariance', iterations };
      if (ws.stepTowardsCandidate(lower, upper)) continue;
      w.set(ws.cand);
    }
    const release = ws.mostNegativeMultiplier(lower, upper);
    if (release < 0) {
      const weights = options.out !== undefined && options.out.length === n ? options.out : new Float64Array(n);
      for (let i = 0; i < n; i++) weights[i] = Math.min(upper[i] as number, Math.max(lower[i] as number, w[i] as number));
      return { ok: true, weights, iterations, status: Uint8Array.from(status) };
    }
    status[release] = FREE;
  }
  return { ok: false, reason: `did not converge in ${maxIterations} iterations`, iterations };
}

/**
 * Guesses the starting working set by clamping the subproblem solution into the bounds until it is
 * feasible; on success `ws.w` is that feasible point and the subproblem count is returned, else
 * minus that count (the caller then uses the water-filled start).
 */
function guessStart(ws: Workspace, lower: Float64Array, upper: Float64Array, start: Uint8Array | undefined): number {
  const { w, cand, status } = ws;
  const n = w.length;
  for (let i = 0; i < n; i++) {
    const s = start === undefined ? FREE : (start[i] as number);
    status[i] = (lower[i] as number) === (upper[i] as number) ? AT_LOWER : s === AT_LOWER || s === AT_UPPER ? s : FREE;
  }
  for (let i = 0; i < n; i++) w[i] = status[i] === AT_LOWER ? (lower[i] as number) : status[i] === AT_UPPER ? (upper[i] as number) : 0;
  let solves = 0;
  for (let round = 0; round <= n; round++) {
    solves++;
    if (!ws.solveWorkingSet() || ws.freeCount === 0) return -solves;
    let violated = false;
    for (let i = 0; i < n; i++) {
      if (status[i] !== FREE) continue;
      const c = cand[i] as number;
      if (c < (lower[i] as number) || c > (upper[i] as number)) {
        const atLower = c < (lower[i] as number);
        status[i] = atLower ? AT_LOWER : AT_UPPER;
        w[i] = atLower ? (lower[i] as number) : (upper[i] as number);
        violated = true;
      }
    }
    if (!violated) {
      w.set(cand);
      return solves;
    }
  }
  return -solves;
}

const workspaces = new Map<number, Workspace>();

/** The scratch of size n, reused (the solver is synchronous and not re-entrant). */
function workspaceFor(cov: Float64Array, n: number, budget: number): Workspace {
  let ws = workspaces.get(n);
  if (ws === undefined) {
    if (workspaces.size >= 8) workspaces.clear();
    ws = new Workspace(n);
    workspaces.set(n, ws);
  }
  ws.cov = cov;
  ws.budget = budget;
  ws.freeCount = 0;
  return ws;
}

/** Scratch arrays and the linear-algebra steps of the active-set loop. */
class Workspace {
  cov: Float64Array = new Float64Array(0);
  budget = 1;
  readonly w: Float64Array;
  readonly cand: Float64Array;
  readonly status: Uint8Array;
  freeCount = 0;
  private readonly m: Float64Array;
  private readonly u: Float64Array;
  private readonly v: Float64Array;
  private readonly g: Float64Array;
  private readonly free: Int32Array;
  private readonly bound: Int32Array;

  constructor(private readonly n: number) {
    this.w = new Float64Array(n);
    this.cand = new Float64Array(n);
    this.status = new Uint8Array(n);
    this.m = new Float64Array(n * n);
    this.u = new Float64Array(n);
    this.v = new Float64Array(n);
    this.g = new Float64Array(n);
    this.free = new Int32Array(n);
    this.bound = new Int32Array(n);
  }

  /**
   * Minimiser of the subproblem for the current working set, written to `cand` (bound
   * variables keep their values). False when Σ_FF is numerically singular.
   */
  solveWorkingSet(): boolean {
    const { cov, n, w, cand, status, m, u, v, free } = this;
    const { bound } = this;
    let k = 0;
    let nb = 0;
    let fixedSum = 0;
    for (let i = 0; i < n; i++) {
      if (status[i] === FREE) free[k++] = i;
      else {
        fixedSum += w[i] as number;
        bound[nb++] = i;
      }
    }
    this.freeCount = k;
    cand.set(w);
    if (k === 0) return true;
    for (let a = 0; a < k; a++) {
      const i = free[a] as number;
      const row = i * n;
      for (let b = 0; b <= a; b++) m[a * k + b] = cov[row + (free[b] as number)] as number;
      // Σ_FB w_B: the bound variables in index order, as a scan over all j skipping free ones.
      let c = 0;
      for (let e = 0; e < nb; e++) {
        const j = bound[e]!;
        c += cov[row + j]! * w[j]!;
      }
      v[a] = c;
      u[a] = 1;
    }
    if (!choleskyFactor(m, k)) return false;
    const uk = u.subarray(0, k);
    const vk = v.subarray(0, k);
    choleskySolve(m, k, uk);
    choleskySolve(m, k, vk);
    let su = 0;
    let sv = 0;
    for (let a = 0; a < k; a++) {
      su += uk[a] as number;
      sv += vk[a] as number;
    }
    const lambda = (this.budget - fixedSum + sv) / su;
    for (let a = 0; a < k; a++) cand[free[a] as number] = lambda * (uk[a] as number) - (vk[a] as number);
    return true;
  }

  /**
   * Moves w towards the subproblem minimiser `cand`; if a bound blocks the full step, stops at the
   * first one met (α = min over free i of the distance to the violated bound), puts that variable
   * in the working set and returns true. Returns false (w unchanged) when the full step is feasible.
   */
  stepTowardsCandidate(lower: Float64Array, upper: Float64Array): boolean {
    const { n, w, cand, status } = this;
    let alpha = 1;
    let block = -1;
    let blockStatus = FREE;
    for (let i = 0; i < n; i++) {
      if (status[i] !== FREE) continue;
      const wi = w[i] as number;
      const c = cand[i] as number;
      const p = c - wi;
      if (p < 0 && c < (lower[i] as number)) {
        const a = ((lower[i] as number) - wi) / p;
        if (a < alpha) {
          alpha = a;
          block = i;
          blockStatus = AT_LOWER;
        }
      } else if (p > 0 && c > (upper[i] as number)) {
        const a = ((upper[i] as number) - wi) / p;
        if (a < alpha) {
          alpha = a;
          block = i;
          blockStatus = AT_UPPER;
        }
      }
    }
    if (block < 0) return false;
    if (alpha < 0) alpha = 0;
    for (let i = 0; i < n; i++) {
      if (status[i] === FREE) w[i] = (w[i] as number) + alpha * ((cand[i] as number) - (w[i] as number));
    }
    w[block] = blockStatus === AT_LOWER ? (lower[block] as number) : (upper[block] as number);
    status[block] = blockStatus;
    return true;
  }

  /**
   * At a subproblem minimiser: the bound variable whose KKT multiplier is most negative, or −1
   * when all are ≥ −tolerance (optimal). λ is the common gradient of the free variables; with
   * no free variable any λ in [max over upper-bound g, min over lower-bound g] certifies.
   */
  mostNegativeMultiplier(lower: Float64Array, upper: Float64Array): number {
    const { cov, n, w, status, g } = this;
    matrixVector(cov, n, w, g);
    let gMax = 0;
    for (let i = 0; i < n; i++) if (Math.abs(g[i]!) > gMax) gMax = Math.abs(g[i]!);
    let lambda = 0;
    if (this.freeCount > 0) {
      for (let i = 0; i < n; i++) if (status[i] === FREE) lambda += g[i] as number;
      lambda /= this.freeCount;
    } else {
      let hiMax = -Infinity;
      let loMin = Infinity;
      for (let i = 0; i < n; i++) {
        if ((lower[i] as number) === (upper[i] as number)) continue;
        if (status[i] === AT_UPPER) hiMax = Math.max(hiMax, g[i] as number);
        else loMin = Math.min(loMin, g[i] as number);
      }
      lambda = Number.isFinite(hiMax) ? (Number.isFinite(loMin) ? (hiMax + loMin) / 2 : hiMax) : Number.isFinite(loMin) ? loMin : 0;
    }
    const tolerance = 1e-11 * gMax + 1e-300;
    let worst = -1;
    let worstValue = -tolerance;
    for (let i = 0; i < n; i++) {
      if (status[i] === FREE || (lower[i] as number) === (upper[i] as number)) continue;
      const mu = status[i] === AT_LOWER ? (g[i] as number) - lambda : lambda - (g[i] as number);
      if (mu < worstValue) {
        worstValue = mu;
        worst = i;
      }
    }
    return worst;
  }
}

/** A feasible start: every variable at its lower bound, then the budget spread evenly under the caps. */
function waterFillStart(w: Float64Array, status: Uint8Array, lower: Float64Array, upper: Float64Array, n: number, budget: number): void {
  let remaining = budget;
  for (let i = 0; i < n; i++) {
    w[i] = lower[i] as number;
    remaining -= lower[i] as number;
    status[i] = (lower[i] as number) === (upper[i] as number) ? AT_LOWER : FREE;
  }
  for (let round = 0; round <= n && remaining > 0; round++) {
    let open = 0;
    for (let i = 0; i < n; i++) if ((w[i] as number) < (upper[i] as number)) open++;
    if (open === 0) break;
    const share = remaining / open;
    for (let i = 0; i < n; i++) {
      const room = (upper[i] as number) - (w[i] as number);
      if (room <= 0) continue;
      const add = Math.min(share, room);
      w[i] = (w[i] as number) + add;
      remaining -= add;
    }
  }
}
