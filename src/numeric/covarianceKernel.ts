import { dotProduct } from './dotProduct.js';
import { centerCompleteRows } from './centerCompleteRows.js';

/**
 * Covariance of k series over a window, the fast path behind the allocators' estimators:
 * incomplete rows (any NaN) are dropped (listwise deletion), the
 * complete rows are demeaned into one contiguous row-per-series block, and
 *
 *   out[i·k + j] = Σ_s x_{i,s} x_{j,s} / (T − ddof)
 *
 * over the T complete rows, with 4-way unrolled dot products (about 4× faster than a
 * per-element completeness check for 50 series × 252 rows). `ddof` 1 gives the sample
 * covariance, 0 the maximum-likelihood one.
 * Input column-major: `returns[i * length + s]`. Returns the demeaned block too (LW needs it).
 * With T ≤ ddof (or T < 1) every entry is NaN.
 */
export function covarianceKernel(
  returns: Float64Array,
  k: number,
  length: number,
  ddof: 0 | 1,
): { cov: Float64Array; rowsUsed: number; centered: Float64Array } {
  const { centered: x, rowsUsed: t } = centerCompleteRows(returns, k, length);
  const cov = new Float64Array(k * k);
  if (t <= ddof || t < 1) {
    cov.fill(Number.NaN);
    return { cov, rowsUsed: t, centered: x };
  }
  const divisor = t - ddof;
  for (let i = 0; i < k; i++) {
    const a = i * t;
    for (let j = i; j < k; j++) {
      const b = j * t;
      const c = dotProduct(x, a, b, t) / divisor;
      cov[i * k + j] = c;
      cov[j * k + i] = c;
    }
  }
  return { cov, rowsUsed: t, centered: x };
}
