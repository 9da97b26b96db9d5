/**
 * The blocked cross-product kernel of the sliding covariance (estimators/slidingCovariance.ts):
 * an update of the upper triangle of a k×k matrix by QᵀP for two column-major blocks of m rows.
 */
/**
 * cross[i·k + j] += Σ_{r<m} q[i·m + r] · p[j·m + r] for j ≥ i, two rows by four columns at a
 * time (six loads feed eight products, about 3× faster than one dot product per entry here);
 * entries below the diagonal that a diagonal block also writes are never read.
 */
export function addCrossProducts(cross: Float64Array, k: number, q: Float64Array, p: Float64Array, m: number): void {
  let i = 0;
  for (; i + 1 < k; i += 2) {
    const a0 = i * m;
    const a1 = a0 + m;
    let j = i;
    for (; j + 3 < k; j += 4) {
      const b0 = j * m;
      const b1 = b0 + m;
      const b2 = b1 + m;
      const b3 = b2 + m;
      let s00 = 0;
      let s01 = 0;
      let s02 = 0;
      let s03 = 0;
      let s10 = 0;
      let s11 = 0;
      let s12 = 0;
      let s13 = 0;
      for (let r = 0; r < m; r++) {
        const u0 = q[a0 + r]!;
        const u1 = q[a1 + r]!;
        const v0 = p[b0 + r]!;
        const v1 = p[b1 + r]!;
        const v2 = p[b2 + r]!;
        const v3 = p[b3 + r]!;
        s00 += u0 * v0;
        s01 += u0 * v1;
        s02 += u0 * v2;
        s03 += u0 * v3;
        s10 += u1 * v0;
        s11 += u1 * v1;
        s12 += u1 * v2;
        s13 += u1 * v3;
      }
      const c0 = i * k + j;
      const c1 = c0 + k;
      cross[c0] = cross[c0]! + s00;
      cross[c0 + 1] = cross[c0 + 1]! + s01;
      cross[c0 + 2] = cross[c0 + 2]! + s02;
      cross[c0 + 3] = cross[c0 + 3]! + s03;
      cross[c1] = cross[c1]! + s10;
      cross[c1 + 1] = cross[c1 + 1]! + s11;
      cross[c1 + 2] = cross[c1 + 2]! + s12;
      cross[c1 + 3] = cross[c1 + 3]! + s13;
    }
    for (; j < k; j++) {
      const b0 = j * m;
      let s00 = 0;
      let s10 = 0;
      for (let r = 0; r < m; r++) {
        const v0 = p[b0 + r]!;
        s00 += q[a0 + r]! * v0;
        s10 += q[a1 + r]! * v0;
      }
      cross[i * k + j] = cross[i * k + j]! + s00;
      cross[(i + 1) * k + j] = cross[(i + 1) * k + j]! + s10;
    }
  }
  if (i < k) {
    const a0 = i * m;
    let s = 0;
    for (let r = 0; r < m; r++) s += q[a0 + r]! * p[a0 + r]!;
    cross[i * k + i] = cross[i * k + i]! + s;
  }
}
