import { choleskyFactor, choleskySolve } from './cholesky.js';

/**
 * The Black–Litterman posterior (Black & Litterman 1992; He & Litterman 1999, "The intuition
 * behind Black-Litterman model portfolios", Goldman Sachs) on k assets and m views:
 *
 *   prior (equilibrium) returns   π = δ Σ w_prior
 *   views                         P μ = Q + ε,  ε ~ N(0, Ω)
 *   posterior mean                μ_BL = π + τΣPᵀ (PτΣPᵀ + Ω)⁻¹ (Q − Pπ)
 *   posterior covariance          Σ_BL = Σ + τΣ − τΣPᵀ (PτΣPᵀ + Ω)⁻¹ PτΣ
 *
 * (the form that allows Ω = 0, i.e. 100% confidence). Ω is diagonal, from Idzorek's (2005, "A
 * step-by-step guide to the Black-Litterman model") view confidences c_k ∈ (0, 1] in the closed
 * form of Walters (2014, "The Black-Litterman model in detail", eq. 44–45):
 *
 *   ω_k = τ · (1 − c_k) / c_k · p_k Σ p_kᵀ,
 *
 * with which the unconstrained mean-variance weights (δΣ)⁻¹ μ_BL of a single view move from the
 * prior exactly c_k of the way to their position at 100% confidence.
 */
export interface BlackLittermanInput {
  readonly cov: Float64Array;
  readonly k: number;
  readonly prior: Float64Array;
  /** View matrix, row-major m×k. */
  readonly p: Float64Array;
  readonly q: Float64Array;
  readonly confidence: Float64Array;
  readonly tau: number;
  readonly riskAversion: number;
}

export type BlackLittermanPosterior =
  | { readonly ok: true; readonly pi: Float64Array; readonly mean: Float64Array; readonly cov: Float64Array; readonly omega: Float64Array }
  | { readonly ok: false; readonly reason: string };

export function blackLittermanPosterior(x: BlackLittermanInput): BlackLittermanPosterior {
  const { cov, k, p, q, tau } = x;
  const m = q.length;
  const pi = matVec(cov, k, k, x.prior).map((v) => v * x.riskAversion);
  // τΣPᵀ (k×m) and Ω.
  const tsp = new Float64Array(k * m);
  const omega = new Float64Array(m);
  for (let v = 0; v < m; v++) {
    const row = p.subarray(v * k, (v + 1) * k);
    const sp = matVec(cov, k, k, row);
    let psp = 0;
    for (let i = 0; i < k; i++) {
      tsp[i * m + v] = tau * (sp[i] as number);
      psp += (row[i] as number) * (sp[i] as number);
    }
    const c = x.confidence[v] as number;
    omega[v] = (tau * (1 - c) * psp) / c;
  }
  // A = PτΣPᵀ + Ω (m×m, symmetric positive definite unless views are dependent at 100%).
  const a = new Float64Array(m * m);
  for (let v = 0; v < m; v++) {
    for (let w = 0; w < m; w++) {
      let s = 0;
      for (let i = 0; i < k; i++) s += (p[v * k + i] as number) * (tsp[i * m + w] as number);
      a[v * m + w] = s + (v === w ? (omega[v] as number) : 0);
    }
  }
  if (!choleskyFactor(a, m, 1e-12)) return { ok: false, reason: 'the views are linearly dependent (PτΣPᵀ + Ω is singular)' };
  const gap = Float64Array.from(q, (qv, v) => qv - dot(p.subarray(v * k, (v + 1) * k), pi));
  choleskySolve(a, m, gap);
  const mean = Float64Array.from(pi, (pv, i) => pv + dot(tsp.subarray(i * m, (i + 1) * m), gap));
  // Σ_BL = Σ + τΣ − τΣPᵀ A⁻¹ PτΣ, one column of A⁻¹ PτΣ at a time.
  const post = Float64Array.from(cov, (c) => c * (1 + tau));
  const col = new Float64Array(m);
  for (let j = 0; j < k; j++) {
    for (let v = 0; v < m; v++) col[v] = tsp[j * m + v] as number; // (PτΣ)_{v j} = (τΣPᵀ)_{j v}
    choleskySolve(a, m, col);
    for (let i = 0; i < k; i++) post[i * k + j] = (post[i * k + j] as number) - dot(tsp.subarray(i * m, (i + 1) * m), col);
  }
  return { ok: true, pi, mean, cov: post, omega };
}

function matVec(a: Float64Array, rows: number, cols: number, x: ArrayLike<number>): Float64Array {
  const out = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    let s = 0;
    for (let j = 0; j < cols; j++) s += (a[i * cols + j] as number) * (x[j] as number);
    out[i] = s;
  }
  return out;
}

function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] as number) * (b[i] as number);
  return s;
}
