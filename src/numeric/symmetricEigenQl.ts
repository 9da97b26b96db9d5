/**
 * Eigen-decomposition of a real symmetric matrix by Householder tridiagonalisation followed by
 * the implicit QL algorithm with Wilkinson-type shifts: the EISPACK routines `tred2` and `tql2`
 * (Bowdler, Martin, Reinsch & Wilkinson, "The QR and QL algorithms for symmetric matrices",
 * Numer. Math. 11 (1968), Handbook for Automatic Computation vol. II, contributions II/2 and
 * II/3), in the form of the public-domain JAMA port (Hicks, Moler et al., `EigenvalueDecomposition`).
 * About 9n³ flops with eigenvectors and 3n³ without, against ~6–10 cyclic Jacobi sweeps of 4n³
 * each (numeric/symmetricEigen.ts, kept as the reference it is tested against).
 *
 * `eigenProjection` returns, instead of the eigenvectors, the projections e_kᵀw of one vector w
 * on them: the QL rotations are applied to the row vector wᵀQ rather than to Q (Q is the
 * Householder basis), which is what Meucci's effective bets need, at O(n²) per QL sweep instead
 * of O(n³).
 *
 * Input row-major n×n, only read (must be symmetric). Values are sorted in descending order.
 */
export interface EigenProjection {
  values: Float64Array;
  /** projections[k] = e_kᵀw for the eigenvector e_k of values[k]. */
  projections: Float64Array;
}

const EPS = 2 ** -52;

/** Full decomposition: vectors row-major n×n, column k (`vectors[i * n + k]`) the unit eigenvector of values[k]. */
export function symmetricEigenQl(a: Float64Array, n: number): { values: Float64Array; vectors: Float64Array } {
  const { d, e, v } = tridiagonalize(a, n);
  // Row i of the n×n matrix v is rotated by the QL steps exactly as wᵀQ is in eigenProjection.
  implicitQl(d, e, v, n, n);
  const order = descendingOrder(d);
  const values = new Float64Array(n);
  const vectors = new Float64Array(n * n);
  for (let k = 0; k < n; k++) {
    const src = order[k] as number;
    values[k] = d[src] as number;
    for (let i = 0; i < n; i++) vectors[i * n + k] = v[i * n + src] as number;
  }
  return { values, vectors };
}

/** Eigenvalues (descending) and the projections e_kᵀw of `w` on the matching eigenvectors. */
export function eigenProjection(a: Float64Array, n: number, w: Float64Array): EigenProjection {
  const { d, e, v } = tridiagonalize(a, n);
  const row = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const wi = w[i] as number;
    if (wi === 0) continue;
    const base = i * n;
    for (let j = 0; j < n; j++) row[j] = (row[j] as number) + wi * (v[base + j] as number);
  }
  implicitQl(d, e, row, 1, n);
  const order = descendingOrder(d);
  const values = new Float64Array(n);
  const projections = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    values[k] = d[order[k] as number] as number;
    projections[k] = row[order[k] as number] as number;
  }
  return { values, projections };
}

function descendingOrder(d: Float64Array): number[] {
  return Array.from({ length: d.length }, (_, i) => i).sort((i, j) => (d[j] as number) - (d[i] as number));
}

/**
 * tred2: A = Q T Qᵀ with T tridiagonal (diagonal d, sub-diagonal e[1..n−1]) and Q accumulated
 * row-major in v.
 */
function tridiagonalize(a: Float64Array, n: number): { d: Float64Array; e: Float64Array; v: Float64Array } {
  if (a.length !== n * n) throw new RangeError(`symmetricEigenQl: expected ${n * n} entries, got ${a.length}`);
  const v = Float64Array.from(a);
  const d = new Float64Array(n);
  const e = new Float64Array(n);
  if (n === 0) return { d, e, v };
  for (let j = 0; j < n; j++) d[j] = v[(n - 1) * n + j] as number;
  for (let i = n - 1; i > 0; i--) householderStep(v, d, e, n, i);
  accumulate(v, d, n);
  for (let j = 0; j < n; j++) {
    d[j] = v[(n - 1) * n + j] as number;
    v[(n - 1) * n + j] = 0;
  }
  v[(n - 1) * n + n - 1] = 1;
  e[0] = 0;
  return { d, e, v };
}

/** One Householder reflection of tred2, annihilating row i left of the sub-diagonal. */
function householderStep(v: Float64Array, d: Float64Array, e: Float64Array, n: number, i: number): void {
  let scale = 0;
  let h = 0;
  for (let k = 0; k < i; k++) scale += Math.abs(d[k] as number);
  if (scale === 0) {
    e[i] = d[i - 1] as number;
    for (let j = 0; j < i; j++) {
      d[j] = v[(i - 1) * n + j] as number;
      v[i * n + j] = 0;
      v[j * n + i] = 0;
    }
    d[i] = h;
    return;
  }
  for (let k = 0; k < i; k++) {
    d[k] = (d[k] as number) / scale;
    h += (d[k] as number) * (d[k] as number);
  }
  let f = d[i - 1] as number;
  let g = Math.sqrt(h);
  if (f > 0) g = -g;
  e[i] = scale * g;
  h -= f * g;
  d[i - 1] = f - g;
  for (let j = 0; j < i; j++) e[j] = 0;
  for (let j = 0; j < i; j++) {
    f = d[j] as number;
    v[j * n + i] = f;
    g = (e[j] as number) + (v[j * n + j] as number) * f;
    for (let k = j + 1; k <= i - 1; k++) {
      const vkj = v[k * n + j] as number;
      g += vkj * (d[k] as number);
      e[k] = (e[k] as number) + vkj * f;
    }
    e[j] = g;
  }
  f = 0;
  for (let j = 0; j < i; j++) {
    e[j] = (e[j] as number) / h;
    f += (e[j] as number) * (d[j] as number);
  }
  const hh = f / (h + h);
  for (let j = 0; j < i; j++) e[j] = (e[j] as number) - hh * (d[j] as number);
  for (let j = 0; j < i; j++) {
    f = d[j] as number;
    g = e[j] as number;
    for (let k = j; k <= i - 1; k++) v[k * n + j] = (v[k * n + j] as number) - (f * (e[k] as number) + g * (d[k] as number));
    d[j] = v[(i - 1) * n + j] as number;
    v[i * n + j] = 0;
  }
  d[i] = h;
}

/** tred2's back-accumulation of the Householder reflections into Q. */
function accumulate(v: Float64Array, d: Float64Array, n: number): void {
  for (let i = 0; i < n - 1; i++) {
    v[(n - 1) * n + i] = v[i * n + i] as number;
    v[i * n + i] = 1;
    const h = d[i + 1] as number;
    if (h !== 0) {
      for (let k = 0; k <= i; k++) d[k] = (v[k * n + i + 1] as number) / h;
      for (let j = 0; j <= i; j++) {
        let g = 0;
        for (let k = 0; k <= i; k++) g += (v[k * n + i + 1] as number) * (v[k * n + j] as number);
        for (let k = 0; k <= i; k++) v[k * n + j] = (v[k * n + j] as number) - g * (d[k] as number);
      }
    }
    for (let k = 0; k <= i; k++) v[k * n + i + 1] = 0;
  }
}

function hypot(a: number, b: number): number {
  const x = Math.abs(a);
  const y = Math.abs(b);
  if (x > y) return x * Math.sqrt(1 + (y / x) * (y / x));
  return y === 0 ? 0 : y * Math.sqrt(1 + (x / y) * (x / y));
}

/**
 * tql2: the implicit QL iteration on the tridiagonal (d, e), leaving the eigenvalues in d; every
 * plane rotation on columns (i, i+1) is applied to each of the `rows` rows of z (row-major, n columns).
 */
function implicitQl(d: Float64Array, e: Float64Array, z: Float64Array, rows: number, n: number): void {
  for (let i = 1; i < n; i++) e[i - 1] = e[i] as number;
  if (n > 0) e[n - 1] = 0;
  let f = 0;
  let tst1 = 0;
  for (let l = 0; l < n; l++) {
    tst1 = Math.max(tst1, Math.abs(d[l] as number) + Math.abs(e[l] as number));
    let m = l;
    while (m < n - 1 && Math.abs(e[m] as number) > EPS * tst1) m++;
    if (m > l) {
      let iter = 0;
      do {
        f += qlStep(d, e, z, rows, n, l, m);
        iter++;
      } while (Math.abs(e[l] as number) > EPS * tst1 && iter < 60);
    }
    d[l] = (d[l] as number) + f;
    e[l] = 0;
  }
}

/** One implicit shifted QL sweep over rows l..m; returns the shift added to d[l+2..]. */
function qlStep(d: Float64Array, e: Float64Array, z: Float64Array, rows: number, n: number, l: number, m: number): number {
  let g = d[l] as number;
  let p = ((d[l + 1] as number) - g) / (2 * (e[l] as number));
  let r = hypot(p, 1);
  if (p < 0) r = -r;
  d[l] = (e[l] as number) / (p + r);
  d[l + 1] = (e[l] as number) * (p + r);
  const dl1 = d[l + 1] as number;
  let h = g - (d[l] as number);
  for (let i = l + 2; i < n; i++) d[i] = (d[i] as number) - h;
  const shift = h;
  p = d[m] as number;
  let c = 1;
  let c2 = c;
  let c3 = c;
  const el1 = e[l + 1] as number;
  let s = 0;
  let s2 = 0;
  for (let i = m - 1; i >= l; i--) {
    c3 = c2;
    c2 = c;
    s2 = s;
    g = c * (e[i] as number);
    h = c * p;
    r = hypot(p, e[i] as number);
    e[i + 1] = s * r;
    s = (e[i] as number) / r;
    c = p / r;
    p = c * (d[i] as number) - s * g;
    d[i + 1] = h + s * (c * g + s * (d[i] as number));
    for (let k = 0; k < rows; k++) {
      const base = k * n;
      const zi1 = z[base + i + 1] as number;
      const zi = z[base + i] as number;
      z[base + i + 1] = s * zi + c * zi1;
      z[base + i] = c * zi - s * zi1;
    }
  }
  p = (-s * s2 * c3 * el1 * (e[l] as number)) / dl1;
  e[l] = s * p;
  d[l] = c * p;
  return shift;
}
