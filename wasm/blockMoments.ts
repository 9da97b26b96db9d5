// The one-shot route's sums of returns over blocks of rows (engine/oneShotRoute.ts); see kernels.ts.

/**
 * Sums of each asset's simple returns over blocks of rows, for the window moments of a one-shot
 * run's decisions (engine/oneShotRoute.ts). Prices: m columns of N rows, column-major f64 at
 * `vin`. Blocks: `bounds` holds K + 1 ascending i32 rows b_0 < … < b_K; block k covers the
 * returns of rows b_k..b_{k+1}−1 (row 0 has none), r_t = x_t / x_{t−1} − 1, counted when finite
 * (r − r = 0). Out, block by block (entry k · m + a): the count (i32), Σr and Σr² (f64), plain
 * sums in row order. Two assets per f64x2, four per loop; a return that does not count adds +0
 * (the sums are never −0, so that is the same as skipping it, as the scalar lane for an odd last
 * asset does).
 */
export function blockMoments(vin: usize, N: i32, m: i32, bounds: usize, K: i32, count: usize, sum: usize, sumSq: usize): void {
  const zero = f64x2.splat(0);
  const one = f64x2.splat(1);
  const colBytes = (<usize>N) << 3;
  const mb = (<usize>m) << 3;
  let a: i32 = 0;
  // Four assets at a time, as two independent f64x2 chains (the same operations per lane as the
  // pairs below): two divisions in flight per row, and each block's loop paid once for four.
  for (; a + 3 < m; a += 4) {
    const c0 = vin + (<usize>a) * colBytes;
    const c1 = c0 + colBytes;
    const c2 = c1 + colBytes;
    const c3 = c2 + colBytes;
    const ao = (<usize>a) << 3;
    const ai = (<usize>a) << 2;
    for (let k: i32 = 0; k < K; k++) {
      let t0 = load<i32>(bounds + ((<usize>k) << 2));
      const t1 = load<i32>(bounds + ((<usize>k) << 2), 4);
      if (t0 < 1) t0 = 1;
      let s = zero;
      let q = zero;
      let n = i64x2.splat(0);
      let s2 = zero;
      let q2 = zero;
      let n2 = i64x2.splat(0);
      if (t0 < t1) {
        let off = (<usize>(t0 - 1)) << 3;
        let p = rowPair(c0, c1, off);
        let p2 = rowPair(c2, c3, off);
        for (let t: i32 = t0; t < t1; t++) {
          off = (<usize>t) << 3;
          const x = rowPair(c0, c1, off);
          const x2 = rowPair(c2, c3, off);
          const r = f64x2.sub(f64x2.div(x, p), one);
          const r2 = f64x2.sub(f64x2.div(x2, p2), one);
          p = x;
          p2 = x2;
          const ok = f64x2.eq(f64x2.sub(r, r), zero);
          const ok2 = f64x2.eq(f64x2.sub(r2, r2), zero);
          const rk = v128.and(r, ok);
          const rk2 = v128.and(r2, ok2);
          s = f64x2.add(s, rk);
          q = f64x2.add(q, f64x2.mul(rk, rk));
          n = i64x2.sub(n, ok);
          s2 = f64x2.add(s2, rk2);
          q2 = f64x2.add(q2, f64x2.mul(rk2, rk2));
          n2 = i64x2.sub(n2, ok2);
        }
      }
      const at = (<usize>k) * mb + ao;
      v128.store(sum + at, s);
      v128.store(sum + at, s2, 16);
      v128.store(sumSq + at, q);
      v128.store(sumSq + at, q2, 16);
      v128.store(count + (<usize>k) * ((<usize>m) << 2) + ai, i32x4.shuffle(n, n2, 0, 2, 4, 6));
    }
  }
  for (; a + 1 < m; a += 2) {
    const c0 = vin + (<usize>a) * colBytes;
    const c1 = c0 + colBytes;
    const ao = (<usize>a) << 3;
    const ai = (<usize>a) << 2;
    for (let k: i32 = 0; k < K; k++) {
      let t0 = load<i32>(bounds + ((<usize>k) << 2));
      const t1 = load<i32>(bounds + ((<usize>k) << 2), 4);
      if (t0 < 1) t0 = 1;
      let s = zero;
      let q = zero;
      let n = i64x2.splat(0);
      if (t0 < t1) {
        let off = (<usize>(t0 - 1)) << 3;
        let p = rowPair(c0, c1, off);
        for (let t: i32 = t0; t < t1; t++) {
          off = (<usize>t) << 3;
          const x = rowPair(c0, c1, off);
          const r = f64x2.sub(f64x2.div(x, p), one);
          p = x;
          const ok = f64x2.eq(f64x2.sub(r, r), zero);
          const rk = v128.and(r, ok);
          s = f64x2.add(s, rk);
          q = f64x2.add(q, f64x2.mul(rk, rk));
          n = i64x2.sub(n, ok);
        }
      }
      const at = (<usize>k) * mb + ao;
      v128.store(sum + at, s);
      v128.store(sumSq + at, q);
      const ci = count + (<usize>k) * ((<usize>m) << 2) + ai;
      store<i32>(ci, <i32>i64x2.extract_lane(n, 0));
      store<i32>(ci, <i32>i64x2.extract_lane(n, 1), 4);
    }
  }
  if (a < m) {
    const c0 = vin + (<usize>a) * colBytes;
    for (let k: i32 = 0; k < K; k++) {
      let t0 = load<i32>(bounds + ((<usize>k) << 2));
      const t1 = load<i32>(bounds + ((<usize>k) << 2), 4);
      if (t0 < 1) t0 = 1;
      let s: f64 = 0;
      let q: f64 = 0;
      let n: i32 = 0;
      if (t0 < t1) {
        let p = load<f64>(c0 + ((<usize>(t0 - 1)) << 3));
        for (let t: i32 = t0; t < t1; t++) {
          const x = load<f64>(c0 + ((<usize>t) << 3));
          const r = x / p - 1;
          p = x;
          if (r - r == 0) {
            s += r;
            q += r * r;
            n++;
          }
        }
      }
      const at = (<usize>k) * mb + ((<usize>a) << 3);
      store<f64>(sum + at, s);
      store<f64>(sumSq + at, q);
      store<i32>(count + (<usize>k) * ((<usize>m) << 2) + ((<usize>a) << 2), n);
    }
  }
}

/** Entries at byte offset `off` of two columns (f64x2). */
// @ts-ignore: decorator
@inline
function rowPair(c0: usize, c1: usize, off: usize): v128 {
  return f64x2.replace_lane(f64x2.splat(load<f64>(c0 + off)), 1, load<f64>(c1 + off));
}
