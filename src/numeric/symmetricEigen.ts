/**
 * Eigen-decomposition of a real symmetric matrix by the cyclic Jacobi method.
 *
 * A = V Λ Vᵀ with V orthogonal. Each sweep visits every off-diagonal pair (p, q) and applies the
 * plane rotation that zeroes a_pq: with θ = (a_qq − a_pp) / (2 a_pq),
 * t = sign(θ) / (|θ| + √(θ² + 1)), c = 1 / √(t² + 1), s = t·c (Golub & Van Loan §8.5; Numerical
 * Recipes `jacobi`). Sweeps stop when the off-diagonal Frobenius norm falls below
 * 1e-15 · ‖A‖_F (or after 100 sweeps). Jacobi is slower than QR for large n but accurate to
 * full precision on small covariance matrices, which is all sleeves needs.
 *
 * Input: `a`, row-major n×n (only read, must be symmetric). Output: `values` sorted in
 * descending order and `vectors` row-major n×n whose column k (`vectors[i * n + k]`) is the unit
 * eigenvector of `values[k]`. A diagonal input needs no rotation, so its eigenvectors are the
 * unit axes.
 */
export function symmetricEigen(a: Float64Array, n: number): { values: Float64Array; vectors: Float64Array; sweeps: number } {
  if (a.length !== n * n) throw new RangeError(`symmetricEigen: expected ${n * n} entries, got ${a.length}`);
  const m = Float64Array.from(a);
  const v = new Float64Array(n * n);
  for (let i = 0; i < n; i++) v[i * n + i] = 1;
  let total = 0;
  for (let i = 0; i < n * n; i++) total += (m[i] as number) ** 2;
  const tolerance = 1e-15 * Math.sqrt(total);
  let sweeps = 0;
  while (sweeps < 100 && offDiagonalNorm(m, n) > tolerance) {
    sweeps++;
    for (let p = 0; p < n - 1; p++) {
      for (let q = p + 1; q < n; q++) rotate(m, v, n, p, q);
    }
  }
  return sortDescending(m, v, n, sweeps);
}

function offDiagonalNorm(m: Float64Array, n: number): number {
  let sum = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) sum += 2 * (m[i * n + j] as number) ** 2;
  }
  return Math.sqrt(sum);
}

/** One Jacobi rotation zeroing m[p][q], applied to m (both sides) and accumulated into v. */
function rotate(m: Float64Array, v: Float64Array, n: number, p: number, q: number): void {
  const apq = m[p * n + q] as number;
  if (apq === 0) return;
  const app = m[p * n + p] as number;
  const aqq = m[q * n + q] as number;
  const theta = (aqq - app) / (2 * apq);
  const t = (theta >= 0 ? 1 : -1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
  const c = 1 / Math.sqrt(t * t + 1);
  const s = t * c;
  for (let k = 0; k < n; k++) {
    // Columns p and q: M ← M J.
    const mkp = m[k * n + p] as number;
    const mkq = m[k * n + q] as number;
    m[k * n + p] = c * mkp - s * mkq;
    m[k * n + q] = s * mkp + c * mkq;
  }
  for (let k = 0; k < n; k++) {
    // Rows p and q: M ← Jᵀ M.
    const mpk = m[p * n + k] as number;
    const mqk = m[q * n + k] as number;
    m[p * n + k] = c * mpk - s * mqk;
    m[q * n + k] = s * mpk + c * mqk;
  }
  m[p * n + q] = 0;
  m[q * n + p] = 0;
  for (let k = 0; k < n; k++) {
    const vkp = v[k * n + p] as number;
    const vkq = v[k * n + q] as number;
    v[k * n + p] = c * vkp - s * vkq;
    v[k * n + q] = s * vkp + c * vkq;
  }
}

function sortDescending(m: Float64Array, v: Float64Array, n: number, sweeps: number) {
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => (m[j * n + j] as number) - (m[i * n + i] as number));
  const values = new Float64Array(n);
  const vectors = new Float64Array(n * n);
  order.forEach((src, k) => {
    values[k] = m[src * n + src] as number;
    for (let i = 0; i < n; i++) vectors[i * n + k] = v[i * n + src] as number;
  });
  return { values, vectors, sweeps };
}
