/**
 * Ordinary least squares of the strategy's returns on factor returns with an intercept,
 *   r_t = α + Σ_j β_j f_{j,t} + ε_t,
 * over the rows where the strategy and every factor have a return. Solved through the normal
 * equations of the centred data (the slopes solve (X_cᵀX_c) β = X_cᵀy_c, α = ȳ − β·f̄; the same
 * fit as with a column of ones, Frisch–Waugh), the cross-product matrix scaled to unit diagonal
 * and factorised by Cholesky (numeric/cholesky.ts). Classical standard errors: σ̂² = RSS / (n − p),
 * p = k + 1; Var(β̂) = σ̂² (X_cᵀX_c)⁻¹, Var(α̂) = σ̂² (1/n + f̄ᵀ(X_cᵀX_c)⁻¹f̄); t = estimate / standard
 * error. R² = 1 − RSS / TSS. Collinear factors (a Cholesky pivot at or below 1e-10 of the scaled
 * diagonal) or too few rows (n ≤ p) give null. Pure.
 */
import { choleskyFactor, choleskySolve } from '../numeric/cholesky.js';

export interface OlsFit {
  /** Per-period intercept. */
  alpha: number;
  betas: Float64Array;
  alphaTStat: number | null;
  tStats: (number | null)[];
  rSquared: number | null;
  periods: number;
}

/** Rows (indexes into y) where y and every factor are finite, among `from..to−1`. */
export function completeRows(y: Float64Array, factors: readonly Float64Array[], from = 0, to = y.length): Int32Array {
  const rows = new Int32Array(Math.max(0, to - from));
  let n = 0;
  for (let t = from; t < to; t++) {
    if (!Number.isFinite(y[t] as number)) continue;
    let ok = true;
    for (const f of factors) if (!Number.isFinite(f[t] as number)) ok = false;
    if (ok) rows[n++] = t;
  }
  return rows.subarray(0, n);
}

/** The fit over `rows`, or a reason it has none. `withStats: false` skips the residuals and t-statistics. */
export function olsFit(y: Float64Array, factors: readonly Float64Array[], rows: Int32Array, withStats = true): OlsFit | { reason: string } {
  const k = factors.length;
  const n = rows.length;
  if (n <= k + 1) return { reason: `${n} common periods, needs more than ${k + 1}` };
  let yMean = 0;
  for (let i = 0; i < n; i++) yMean += y[rows[i]!]!;
  yMean /= n;
  const means = factors.map((f) => {
    let s = 0;
    for (let i = 0; i < n; i++) s += f[rows[i]!]!;
    return s / n;
  });
  // Centred cross products: A = X_cᵀX_c (k×k), g = X_cᵀy_c.
  const a = new Float64Array(k * k);
  const g = new Float64Array(k);
  for (let p = 0; p < k; p++) {
    const fp = factors[p]!;
    const mp = means[p]!;
    for (let q = 0; q <= p; q++) {
      const fq = factors[q]!;
      const mq = means[q]!;
      let s = 0;
      for (let i = 0; i < n; i++) s += (fp[rows[i]!]! - mp) * (fq[rows[i]!]! - mq);
      a[p * k + q] = s;
      a[q * k + p] = s;
    }
    let s = 0;
    for (let i = 0; i < n; i++) s += (fp[rows[i]!]! - mp) * (y[rows[i]!]! - yMean);
    g[p] = s;
  }
  const betas = new Float64Array(k);
  const d = new Float64Array(k);
  const reason = solveSlopes(a, g, k, betas, d);
  if (reason !== null) return { reason };
  let alpha = yMean;
  for (let p = 0; p < k; p++) alpha -= betas[p]! * means[p]!;
  if (!withStats) return { alpha, betas, alphaTStat: null, tStats: [], rSquared: null, periods: n };
  return { alpha, betas, ...fitStatistics(y, factors, rows, { alpha, betas, yMean, means, factor: a, d }), periods: n };
}

/**
 * Residual statistics of a fit: σ̂² = RSS / (n − k − 1); t of each slope from the diagonal of
 * (X_cᵀX_c)⁻¹ = D⁻¹ (scaled A)⁻¹ D⁻¹ (one Cholesky solve per unit vector), t of the intercept from
 * 1/n + f̄ᵀ(X_cᵀX_c)⁻¹f̄ (one more solve); R² = 1 − RSS / TSS. A zero standard error gives null.
 */
function fitStatistics(
  y: Float64Array,
  factors: readonly Float64Array[],
  rows: Int32Array,
  fit: { alpha: number; betas: Float64Array; yMean: number; means: readonly number[]; factor: Float64Array; d: Float64Array },
): Pick<OlsFit, 'alphaTStat' | 'tStats' | 'rSquared'> {
  const { alpha, betas, yMean, means, factor, d } = fit;
  const k = factors.length;
  const n = rows.length;
  let rss = 0;
  let tss = 0;
  for (let i = 0; i < n; i++) {
    const t = rows[i]!;
    let e = y[t]! - alpha;
    for (let p = 0; p < k; p++) e -= betas[p]! * factors[p]![t]!;
    rss += e * e;
    const dy = y[t]! - yMean;
    tss += dy * dy;
  }
  const sigma2 = rss / (n - k - 1);
  const tStats: (number | null)[] = [];
  const e = new Float64Array(k);
  for (let p = 0; p < k; p++) {
    e.fill(0);
    e[p] = 1;
    choleskySolve(factor, k, e);
    const se = Math.sqrt((sigma2 * e[p]!) / (d[p]! * d[p]!));
    tStats.push(se > 0 ? betas[p]! / se : null);
  }
  for (let p = 0; p < k; p++) e[p] = means[p]! / d[p]!;
  const scaledMeans = Float64Array.from(e);
  choleskySolve(factor, k, e);
  let quad = 0;
  for (let p = 0; p < k; p++) quad += scaledMeans[p]! * e[p]!;
  const alphaSe = Math.sqrt(sigma2 * (1 / n + quad));
  return { alphaTStat: alphaSe > 0 ? alpha / alphaSe : null, tStats, rSquared: tss > 0 ? 1 - rss / tss : null };
}

/**
 * The slopes β of (X_cᵀX_c) β = X_cᵀy_c from the centred cross products `a` (k×k, row-major;
 * overwritten by the Cholesky factor of its unit-diagonal scaling D⁻¹AD⁻¹, D = √diag A, so the
 * pivot tolerance 1e-10 is relative per factor) and `g` (k); `d` receives D's diagonal. Returns
 * null, or the reason there is no fit (zero variance, collinear factors).
 */
export function solveSlopes(a: Float64Array, g: Float64Array, k: number, betas: Float64Array, d: Float64Array): string | null {
  for (let p = 0; p < k; p++) {
    const v = a[p * k + p]!;
    if (!(v > 0)) return 'a factor has zero variance over the common periods';
    d[p] = Math.sqrt(v);
  }
  for (let p = 0; p < k; p++) for (let q = 0; q < k; q++) a[p * k + q] = a[p * k + q]! / (d[p]! * d[q]!);
  if (!choleskyFactor(a, k, 1e-10)) return 'the factors are collinear over the common periods';
  for (let p = 0; p < k; p++) betas[p] = g[p]! / d[p]!;
  choleskySolve(a, k, betas);
  for (let p = 0; p < k; p++) betas[p] = betas[p]! / d[p]!;
  return null;
}
