// The holdings' value over a stretch of rows without events, held entries anywhere in a row
// (simulate.ts); the partial sums of execution/holdingsValue.ts's heldValue for every row.

/**
 * Values of L consecutive rows from prices stored column-major (asset entry col, row r at
 * at + (col + r) · 8): the four partial sums of holdingsValue.ts per row (asset j into partial
 * j mod 4 below the last multiple of four, else into the first, in ascending j, as the row-by-row
 * sums add them), four rows per pass in two f64x2 per partial (eight registers), the rest two
 * rows and then one; then cash + ((s0 + s1) + (s2 + s3)) per row into out, and cash into cashOut.
 */
export function stretchValues(at: usize, heldCol: usize, heldUnits: usize, held: i32, cash: f64, L: i32, out: usize, cashOut: usize): void {
  const h4 = held & ~3;
  const zero = f64x2.splat(0);
  const c = f64x2.splat(cash);
  let r: i32 = 0;
  for (; r + 3 < L; r += 4) {
    const o = at + ((<usize>r) << 3);
    let A0 = zero;
    let A1 = zero;
    let A2 = zero;
    let A3 = zero;
    let C0 = zero;
    let C1 = zero;
    let C2 = zero;
    let C3 = zero;
    let j: i32 = 0;
    for (; j < h4; j += 4) {
      const u = heldUnits + ((<usize>j) << 3);
      const k = heldCol + ((<usize>j) << 2);
      const q0 = o + ((<usize>load<i32>(k)) << 3);
      const u0 = v128.load64_splat(u);
      A0 = f64x2.add(A0, f64x2.mul(u0, v128.load(q0)));
      C0 = f64x2.add(C0, f64x2.mul(u0, v128.load(q0, 16)));
      const q1 = o + ((<usize>load<i32>(k, 4)) << 3);
      const u1 = v128.load64_splat(u, 8);
      A1 = f64x2.add(A1, f64x2.mul(u1, v128.load(q1)));
      C1 = f64x2.add(C1, f64x2.mul(u1, v128.load(q1, 16)));
      const q2 = o + ((<usize>load<i32>(k, 8)) << 3);
      const u2 = v128.load64_splat(u, 16);
      A2 = f64x2.add(A2, f64x2.mul(u2, v128.load(q2)));
      C2 = f64x2.add(C2, f64x2.mul(u2, v128.load(q2, 16)));
      const q3 = o + ((<usize>load<i32>(k, 12)) << 3);
      const u3 = v128.load64_splat(u, 24);
      A3 = f64x2.add(A3, f64x2.mul(u3, v128.load(q3)));
      C3 = f64x2.add(C3, f64x2.mul(u3, v128.load(q3, 16)));
    }
    for (; j < held; j++) {
      const q = o + ((<usize>load<i32>(heldCol + ((<usize>j) << 2))) << 3);
      const u = v128.load64_splat(heldUnits + ((<usize>j) << 3));
      A0 = f64x2.add(A0, f64x2.mul(u, v128.load(q)));
      C0 = f64x2.add(C0, f64x2.mul(u, v128.load(q, 16)));
    }
    const w = (<usize>r) << 3;
    v128.store(out + w, f64x2.add(c, f64x2.add(f64x2.add(A0, A1), f64x2.add(A2, A3))));
    v128.store(out + w, f64x2.add(c, f64x2.add(f64x2.add(C0, C1), f64x2.add(C2, C3))), 16);
    v128.store(cashOut + w, c);
    v128.store(cashOut + w, c, 16);
  }
  for (; r + 1 < L; r += 2) {
    const o = at + ((<usize>r) << 3);
    let A0 = zero;
    let A1 = zero;
    let A2 = zero;
    let A3 = zero;
    let j: i32 = 0;
    for (; j < h4; j += 4) {
      const u = heldUnits + ((<usize>j) << 3);
      const k = heldCol + ((<usize>j) << 2);
      A0 = f64x2.add(A0, f64x2.mul(v128.load64_splat(u), v128.load(o + ((<usize>load<i32>(k)) << 3))));
      A1 = f64x2.add(A1, f64x2.mul(v128.load64_splat(u, 8), v128.load(o + ((<usize>load<i32>(k, 4)) << 3))));
      A2 = f64x2.add(A2, f64x2.mul(v128.load64_splat(u, 16), v128.load(o + ((<usize>load<i32>(k, 8)) << 3))));
      A3 = f64x2.add(A3, f64x2.mul(v128.load64_splat(u, 24), v128.load(o + ((<usize>load<i32>(k, 12)) << 3))));
    }
    for (; j < held; j++) A0 = f64x2.add(A0, f64x2.mul(v128.load64_splat(heldUnits + ((<usize>j) << 3)), v128.load(o + ((<usize>load<i32>(heldCol + ((<usize>j) << 2))) << 3))));
    const w = (<usize>r) << 3;
    v128.store(out + w, f64x2.add(c, f64x2.add(f64x2.add(A0, A1), f64x2.add(A2, A3))));
    v128.store(cashOut + w, c);
  }
  if (r < L) {
    const w = (<usize>r) << 3;
    store<f64>(out + w, gatheredValue(at + w, heldCol, heldUnits, held, cash));
    store<f64>(cashOut + w, cash);
  }
}

/**
 * Values of rows from..to−1 from prices stored row-major with the held entries anywhere in a
 * row (row r's entry col at F + (first + r · stride + col) · 8): two rows at a time, each in
 * four scalar partial sums of its own (the order of heldValue), into out[r − from].
 */
export function gatheredRows(F: usize, first: i32, stride: i32, heldCol: usize, heldUnits: usize, held: i32, cash: f64, out: usize, from: i32, to: i32): void {
  const h4 = held & ~3;
  const step = (<usize>stride) << 3;
  let r = from;
  for (; r + 1 < to; r += 2) {
    const p = F + ((<usize>(first + r * stride)) << 3);
    let s0: f64 = 0;
    let s1: f64 = 0;
    let s2: f64 = 0;
    let s3: f64 = 0;
    let t0: f64 = 0;
    let t1: f64 = 0;
    let t2: f64 = 0;
    let t3: f64 = 0;
    let j: i32 = 0;
    for (; j < h4; j += 4) {
      const u = heldUnits + ((<usize>j) << 3);
      const k = heldCol + ((<usize>j) << 2);
      const q0 = p + ((<usize>load<i32>(k)) << 3);
      const q1 = p + ((<usize>load<i32>(k, 4)) << 3);
      const q2 = p + ((<usize>load<i32>(k, 8)) << 3);
      const q3 = p + ((<usize>load<i32>(k, 12)) << 3);
      const u0 = load<f64>(u);
      const u1 = load<f64>(u, 8);
      const u2 = load<f64>(u, 16);
      const u3 = load<f64>(u, 24);
      s0 += u0 * load<f64>(q0);
      t0 += u0 * load<f64>(q0 + step);
      s1 += u1 * load<f64>(q1);
      t1 += u1 * load<f64>(q1 + step);
      s2 += u2 * load<f64>(q2);
      t2 += u2 * load<f64>(q2 + step);
      s3 += u3 * load<f64>(q3);
      t3 += u3 * load<f64>(q3 + step);
    }
    for (; j < held; j++) {
      const q = p + ((<usize>load<i32>(heldCol + ((<usize>j) << 2))) << 3);
      const u = load<f64>(heldUnits + ((<usize>j) << 3));
      s0 += u * load<f64>(q);
      t0 += u * load<f64>(q + step);
    }
    const w = out + ((<usize>(r - from)) << 3);
    store<f64>(w, cash + (s0 + s1 + (s2 + s3)));
    store<f64>(w, cash + (t0 + t1 + (t2 + t3)), 8);
  }
  if (r < to) store<f64>(out + ((<usize>(r - from)) << 3), gatheredValue(F + ((<usize>(first + r * stride)) << 3), heldCol, heldUnits, held, cash));
}

/** One row's value, its held entries gathered (row entry col at at + col · 8): heldValue's sums. */
export function gatheredValue(at: usize, heldCol: usize, heldUnits: usize, held: i32, cash: f64): f64 {
  let s0: f64 = 0;
  let s1: f64 = 0;
  let s2: f64 = 0;
  let s3: f64 = 0;
  let j: i32 = 0;
  for (; j + 3 < held; j += 4) {
    const o = (<usize>j) << 3;
    const c = heldCol + ((<usize>j) << 2);
    s0 += load<f64>(heldUnits + o) * load<f64>(at + ((<usize>load<i32>(c)) << 3));
    s1 += load<f64>(heldUnits + o, 8) * load<f64>(at + ((<usize>load<i32>(c, 4)) << 3));
    s2 += load<f64>(heldUnits + o, 16) * load<f64>(at + ((<usize>load<i32>(c, 8)) << 3));
    s3 += load<f64>(heldUnits + o, 24) * load<f64>(at + ((<usize>load<i32>(c, 12)) << 3));
  }
  for (; j < held; j++) s0 += load<f64>(heldUnits + ((<usize>j) << 3)) * load<f64>(at + ((<usize>load<i32>(heldCol + ((<usize>j) << 2))) << 3));
  return cash + (s0 + s1 + (s2 + s3));
}
