// The prepared panel's pass (engine/prefixWasm.ts); see kernels.ts.

/**
 * One block of rows t0..t0+B−1 (t0 ≥ 1) of the prepared panel's pass (engine/prefixEight.ts),
 * for assets a0..a1−1, two at a time (f64x2 lanes; an odd last asset alone): r = x / p − 1, the
 * last price > 0, and when r is finite the TwoSum-compensated Σr and Σr² (Knuth) with the count.
 * In: prices column-major `vin` (B per asset, from a0) and the running state per asset (`st`: 6 × m
 * f64 — Σr, its error, Σr², its error, last price > 0, previous price — and `kst`: m i32
 * counts), updated in place. Out, row-major B × m: filled prices of rows t0.., and count, Σr,
 * Σr² of prefix rows t0 + 1...
 */
/** Rows per block of prefixBlock's pass. */
export const ROWS: i32 = 64;

export function prefixBlock(vin: usize, B: i32, m: i32, a0: i32, a1: i32, st: usize, kst: usize, count: usize, sum: usize, sumSq: usize, filled: usize): void {
  const zero = f64x2.splat(0);
  const one = f64x2.splat(1);
  const mb = (<usize>m) << 3;
  const colBytes = (<usize>B) << 3;
  // Rows in blocks of ROWS: a block's output rows stay in cache while each pair of assets
  // writes its lanes of them (a cache line holds eight assets), and the running state is
  // carried through `st`/`kst` from block to block.
  for (let t0: i32 = 0; t0 < B; t0 += ROWS) {
  const t1 = min(B, t0 + ROWS);
  let a: i32 = a0;
  for (; a + 1 < a1; a += 2) {
    const ao = (<usize>a) << 3;
    const ai = (<usize>a) << 2;
    let s = v128.load(st + ao);
    let e = v128.load(st + mb + ao);
    let q = v128.load(st + 2 * mb + ao);
    let f = v128.load(st + 3 * mb + ao);
    let l = v128.load(st + 4 * mb + ao);
    let p = v128.load(st + 5 * mb + ao);
    let k = i32x4.replace_lane(i32x4.splat(load<i32>(kst + ai)), 1, load<i32>(kst + ai, 4));
    const c0 = vin + (<usize>(a - a0)) * colBytes;
    const c1 = c0 + colBytes;
    for (let t: i32 = t0; t < t1; t++) {
      const off = (<usize>t) << 3;
      const x = f64x2.replace_lane(f64x2.splat(load<f64>(c0 + off)), 1, load<f64>(c1 + off));
      const r = f64x2.sub(f64x2.div(x, p), one);
      p = x;
      l = v128.bitselect(x, l, f64x2.gt(x, zero));
      const ok = f64x2.eq(f64x2.sub(r, r), zero);
      let u = f64x2.add(s, r);
      let v = f64x2.sub(u, s);
      e = v128.bitselect(f64x2.add(e, f64x2.add(f64x2.sub(s, f64x2.sub(u, v)), f64x2.sub(r, v))), e, ok);
      s = v128.bitselect(u, s, ok);
      const w = f64x2.mul(r, r);
      u = f64x2.add(q, w);
      v = f64x2.sub(u, q);
      f = v128.bitselect(f64x2.add(f, f64x2.add(f64x2.sub(q, f64x2.sub(u, v)), f64x2.sub(w, v))), f, ok);
      q = v128.bitselect(u, q, ok);
      k = i32x4.sub(k, i32x4.shuffle(ok, ok, 0, 2, 0, 2));
      const row = (<usize>t) * mb + ao;
      v128.store(filled + row, l);
      v128.store(sum + row, f64x2.add(s, e));
      v128.store(sumSq + row, f64x2.add(q, f));
      v128.store64_lane(count + ((<usize>t) * (<usize>m) << 2) + ai, k, 0);
    }
    v128.store(st + ao, s);
    v128.store(st + mb + ao, e);
    v128.store(st + 2 * mb + ao, q);
    v128.store(st + 3 * mb + ao, f);
    v128.store(st + 4 * mb + ao, l);
    v128.store(st + 5 * mb + ao, p);
    v128.store64_lane(kst + ai, k, 0);
  }
  if (a < a1) {
    const ao = (<usize>a) << 3;
    const ai = (<usize>a) << 2;
    let s = load<f64>(st + ao);
    let e = load<f64>(st + mb + ao);
    let q = load<f64>(st + 2 * mb + ao);
    let f = load<f64>(st + 3 * mb + ao);
    let l = load<f64>(st + 4 * mb + ao);
    let p = load<f64>(st + 5 * mb + ao);
    let k = load<i32>(kst + ai);
    const c0 = vin + (<usize>(a - a0)) * colBytes;
    for (let t: i32 = t0; t < t1; t++) {
      const x = load<f64>(c0 + ((<usize>t) << 3));
      const r = x / p - 1;
      p = x;
      if (x > 0) l = x;
      if (r - r == 0) {
        let u = s + r;
        let v = u - s;
        e += s - (u - v) + (r - v);
        s = u;
        const w = r * r;
        u = q + w;
        v = u - q;
        f += q - (u - v) + (w - v);
        q = u;
        k++;
      }
      const row = (<usize>t) * mb + ao;
      store<f64>(filled + row, l);
      store<f64>(sum + row, s + e);
      store<f64>(sumSq + row, q + f);
      store<i32>(count + ((<usize>t) * (<usize>m) << 2) + ai, k);
    }
    store<f64>(st + ao, s);
    store<f64>(st + mb + ao, e);
    store<f64>(st + 2 * mb + ao, q);
    store<f64>(st + 3 * mb + ao, f);
    store<f64>(st + 4 * mb + ao, l);
    store<f64>(st + 5 * mb + ao, p);
    store<i32>(kst + ai, k);
  }
  }
}
