/**
 * out = A x for row-major n×n A, each entry the left-to-right sum over j; four rows at a time
 * (four independent sums, the same bits as one row at a time). Shared by the risk-parity
 * solvers (numeric/solveRiskParity.ts, numeric/riskParityDescent.ts, whose kernel twin is
 * wasm/estimatorKernels.ts multiply) and the min-variance QP's gradient.
 */
export function matrixVector(a: Float64Array, n: number, x: Float64Array, out: Float64Array): void {
  let i = 0;
  for (; i + 3 < n; i += 4) {
    const r0 = i * n;
    const r1 = r0 + n;
    const r2 = r1 + n;
    const r3 = r2 + n;
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    for (let j = 0; j < n; j++) {
      const xj = x[j]!;
      s0 += a[r0 + j]! * xj;
      s1 += a[r1 + j]! * xj;
      s2 += a[r2 + j]! * xj;
      s3 += a[r3 + j]! * xj;
    }
    out[i] = s0;
    out[i + 1] = s1;
    out[i + 2] = s2;
    out[i + 3] = s3;
  }
  for (; i < n; i++) {
    const row = i * n;
    let s = 0;
    for (let j = 0; j < n; j++) s += a[row + j]! * x[j]!;
    out[i] = s;
  }
}
