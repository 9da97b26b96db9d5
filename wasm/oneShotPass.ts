// The one-shot route's passes over a run's own prices (engine/oneShotRoute.ts); see kernels.ts.

import { ROWS } from './prefixBlock';

/**
 * The number of rows with a price (> 0) in each of m columns of N rows (column-major f64 at
 * `vin`), and each column's first and last row with a price (N and −1 when it has none): counts
 * m i32 at `out`, first rows at out + 4m, last rows at out + 8m — what a one-shot run counts its
 * columns' holes from (engine/oneShotRoute.ts). Counts eight rows per step, two per f64x2
 * compare, in two counters.
 */
export function pricedSpans(vin: usize, N: i32, m: i32, out: usize): void {
  const colBytes = (<usize>N) << 3;
  const mi = (<usize>m) << 2;
  for (let a: i32 = 0; a < m; a++) {
    const col = vin + (<usize>a) * colBytes;
    const at = out + ((<usize>a) << 2);
    store<i32>(at, countPriced(col, N));
    let f: i32 = 0;
    while (f < N && !(load<f64>(col + ((<usize>f) << 3)) > 0)) f++;
    let l: i32 = N - 1;
    while (l >= 0 && !(load<f64>(col + ((<usize>l) << 3)) > 0)) l--;
    store<i32>(at + mi, f);
    store<i32>(at + 2 * mi, l);
  }
}

/** Rows with a price (> 0) of one column of N rows at `col`. */
// @ts-ignore: decorator
@inline
function countPriced(col: usize, N: i32): i32 {
  const zero = f64x2.splat(0);
  let k0 = i64x2.splat(0);
  let k1 = i64x2.splat(0);
  let t: i32 = 0;
  for (; t + 7 < N; t += 8) {
    const p = col + ((<usize>t) << 3);
    k0 = i64x2.sub(k0, f64x2.gt(v128.load(p), zero));
    k1 = i64x2.sub(k1, f64x2.gt(v128.load(p, 16), zero));
    k0 = i64x2.sub(k0, f64x2.gt(v128.load(p, 32), zero));
    k1 = i64x2.sub(k1, f64x2.gt(v128.load(p, 48), zero));
  }
  const k = i64x2.add(k0, k1);
  let c = <i32>(i64x2.extract_lane(k, 0) + i64x2.extract_lane(k, 1));
  for (; t < N; t++) if (load<f64>(col + ((<usize>t) << 3)) > 0) c++;
  return c;
}

/**
 * Forward-filled prices of m columns (N rows each, column-major f64 at `vin`) for rows lo..hi−1,
 * row-major: out[(t − lo) · m + a] is column a's last price > 0 on or before row t (NaN before
 * its first), as engine/preparePanel.ts's `filled`. `st` is scratch for m f64 (the carried last
 * price). Rows in blocks of ROWS, so that a block's output rows stay in cache while each pair of
 * columns writes its lanes of them.
 */
export function filledRows(vin: usize, N: i32, m: i32, lo: i32, hi: i32, st: usize, out: usize): void {
  const zero = f64x2.splat(0);
  const colBytes = (<usize>N) << 3;
  const mb = (<usize>m) << 3;
  for (let a: i32 = 0; a < m; a++) {
    const col = vin + (<usize>a) * colBytes;
    let l: f64 = NaN;
    for (let t: i32 = 0; t < lo; t++) {
      const x = load<f64>(col + ((<usize>t) << 3));
      if (x > 0) l = x;
    }
    store<f64>(st + ((<usize>a) << 3), l);
  }
  for (let t0: i32 = lo; t0 < hi; t0 += ROWS) {
    const t1 = min(hi, t0 + ROWS);
    let a: i32 = 0;
    for (; a + 1 < m; a += 2) {
      const c0 = vin + (<usize>a) * colBytes;
      const c1 = c0 + colBytes;
      const ao = (<usize>a) << 3;
      let l = v128.load(st + ao);
      for (let t: i32 = t0; t < t1; t++) {
        const off = (<usize>t) << 3;
        const x = f64x2.replace_lane(f64x2.splat(load<f64>(c0 + off)), 1, load<f64>(c1 + off));
        l = v128.bitselect(x, l, f64x2.gt(x, zero));
        v128.store(out + (<usize>(t - lo)) * mb + ao, l);
      }
      v128.store(st + ao, l);
    }
    if (a < m) {
      const c0 = vin + (<usize>a) * colBytes;
      const ao = (<usize>a) << 3;
      let l = load<f64>(st + ao);
      for (let t: i32 = t0; t < t1; t++) {
        const x = load<f64>(c0 + ((<usize>t) << 3));
        if (x > 0) l = x;
        store<f64>(out + (<usize>(t - lo)) * mb + ao, l);
      }
      store<f64>(st + ao, l);
    }
  }
}

/**
 * Eligibility at D decisions (engine/oneShotRoute.ts): out[d · m + a] = 1 when column a (N f64
 * per column at `prices`) has a price (> 0) on row lo + rows[d], else 0.
 */
export function pricedAt(prices: usize, N: i32, m: i32, lo: i32, rows: usize, D: i32, out: usize): void {
  const colBytes = (<usize>N) << 3;
  for (let d: i32 = 0; d < D; d++) {
    const r = (<usize>(lo + load<i32>(rows + ((<usize>d) << 2)))) << 3;
    const o = out + (<usize>d) * (<usize>m);
    for (let a: i32 = 0; a < m; a++) store<u8>(o + <usize>a, load<f64>(prices + (<usize>a) * colBytes + r) > 0 ? 1 : 0);
  }
}
