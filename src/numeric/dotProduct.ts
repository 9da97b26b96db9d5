/**
 * Σ_{r<n} v[a + r] · v[b + r] with four interleaved accumulators, summed as s0 + s1 + (s2 + s3):
 * one summation order for every dot product of the covariance and Gram matrices, so both give
 * the same bits for the same data.
 */
export function dotProduct(v: Float64Array, a: number, b: number, n: number): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  const n4 = n - (n % 4);
  let r = 0;
  for (; r < n4; r += 4) {
    s0 += (v[a + r] as number) * (v[b + r] as number);
    s1 += (v[a + r + 1] as number) * (v[b + r + 1] as number);
    s2 += (v[a + r + 2] as number) * (v[b + r + 2] as number);
    s3 += (v[a + r + 3] as number) * (v[b + r + 3] as number);
  }
  for (; r < n; r++) s0 += (v[a + r] as number) * (v[b + r] as number);
  return s0 + s1 + (s2 + s3);
}
