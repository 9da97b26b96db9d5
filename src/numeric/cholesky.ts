/**
 * Cholesky factorisation A = L Lᵀ of a symmetric positive-definite n×n matrix, in place.
 *
 * Storage is row-major (`a[i * n + j]`); on success the lower triangle (j ≤ i) holds L and the
 * strict upper triangle is left untouched (callers must not read it). The factorisation fails
 * (returns false) when a pivot L_jj² falls to `relativeTolerance · max_i A_ii` or below, which
 * flags a singular or indefinite matrix instead of producing huge or NaN entries.
 */
export function choleskyFactor(a: Float64Array, n: number, relativeTolerance = 1e-12): boolean {
  let maxDiag = 0;
  for (let i = 0; i < n; i++) {
    const d = a[i * n + i] as number;
    if (!(d > 0) || !Number.isFinite(d)) return false;
    if (d > maxDiag) maxDiag = d;
  }
  const floor = relativeTolerance * maxDiag;
  for (let j = 0; j < n; j++) {
    const rj = j * n;
    let d = a[rj + j] as number;
    for (let k = 0; k < j; k++) {
      const l = a[rj + k] as number;
      d -= l * l;
    }
    if (!(d > floor)) return false;
    const ljj = Math.sqrt(d);
    a[rj + j] = ljj;
    for (let i = j + 1; i < n; i++) {
      const ri = i * n;
      let s = a[ri + j] as number;
      for (let k = 0; k < j; k++) s -= (a[ri + k] as number) * (a[rj + k] as number);
      a[ri + j] = s / ljj;
    }
  }
  return true;
}

/**
 * Solves L Lᵀ x = b in place (b becomes x), with L the lower triangle written by
 * {@link choleskyFactor}: forward substitution L y = b, then back substitution Lᵀ x = y.
 */
export function choleskySolve(l: Float64Array, n: number, b: Float64Array): void {
  for (let i = 0; i < n; i++) {
    const ri = i * n;
    let s = b[i] as number;
    for (let k = 0; k < i; k++) s -= (l[ri + k] as number) * (b[k] as number);
    b[i] = s / (l[ri + i] as number);
  }
  for (let i = n - 1; i >= 0; i--) {
    let s = b[i] as number;
    for (let k = i + 1; k < n; k++) s -= (l[k * n + i] as number) * (b[k] as number);
    b[i] = s / (l[i * n + i] as number);
  }
}
