// The holdings' value over rows without events (execution/holdingsValue.ts); see kernels.ts.

/**
 * out[r − from] = cash + Σ_j u_j · F[first + r · stride + j] for rows from..to−1
 * (execution/holdingsValue.ts's denseRows), row by row (denseValue). F, units and out are byte
 * addresses; first and stride count entries. One row after the other on purpose: the rows are
 * then read in address order, which the hardware prefetcher follows at memory speed when the
 * prices are cold; interleaving two or four rows (more add chains in flight) is faster warm but
 * slower cold (measured).
 */
export function denseRows(F: usize, first: i32, stride: i32, units: usize, h: i32, cash: f64, out: usize, from: i32, to: i32): void {
  for (let r = from; r < to; r++) store<f64>(out + ((<usize>(r - from)) << 3), denseValue(F + ((<usize>(first + r * stride)) << 3), units, h, cash));
}

/**
 * cash + Σ_j u_j · at[j] over h consecutive entries (holdingsValue.ts's denseValue): the partial
 * sums (s0, s1) and (s2, s3) as two vectors, the tail into s0, combined as (s0 + s1) + (s2 + s3).
 */
// @ts-ignore: decorator
@inline
export function denseValue(at: usize, units: usize, h: i32, cash: f64): f64 {
  const h4 = h & ~3;
  let A = f64x2.splat(0);
  let B = f64x2.splat(0);
  let j: i32 = 0;
  for (; j < h4; j += 4) {
    const o = (<usize>j) << 3;
    A = f64x2.add(A, f64x2.mul(v128.load(units + o), v128.load(at + o)));
    B = f64x2.add(B, f64x2.mul(v128.load(units + o, 16), v128.load(at + o, 16)));
  }
  let s0 = f64x2.extract_lane(A, 0);
  for (; j < h; j++) {
    const o = (<usize>j) << 3;
    s0 += load<f64>(units + o) * load<f64>(at + o);
  }
  return cash + (s0 + f64x2.extract_lane(A, 1) + (f64x2.extract_lane(B, 0) + f64x2.extract_lane(B, 1)));
}
