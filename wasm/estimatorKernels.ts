// WebAssembly SIMD kernels of the estimator stage (AssemblyScript, compiled by
// scripts/build-wasm.js into dist/src/wasm/estimatorKernels.wasm and loaded by
// src/estimators/estimatorKernels.ts). Every function works on raw byte addresses in the imported
// linear memory, laid out by its caller; no AssemblyScript runtime or heap is used. Each kernel
// does the same IEEE operations in the same order as its TypeScript twin, entry by entry (an
// f64x2 holds two independent entries), so both give the same bits (tested).

/**
 * One cyclic coordinate-descent sweep on Spinu's risk-budgeting objective, the twin of ccdSweep
 * in src/numeric/riskParityDescent.ts: for i = 0..n−1, x_i ← the positive root of
 * σ_ii x_i² + c_i x_i − b_i = 0 with c_i = (Σx)_i − σ_ii x_i, then Σx += δ Σ_{i·} (two entries
 * of Σx per f64x2). `cov` is row-major n×n and symmetric; x, sx, b hold n f64 each. Returns the
 * relative spread of the risk contributions after the sweep ({@link spread}).
 */
export function ccdSweep(cov: usize, n: i32, x: usize, sx: usize, b: usize): f64 {
  const rowBytes = (<usize>n) << 3;
  for (let i: i32 = 0; i < n; i++) {
    const io = (<usize>i) << 3;
    const row = cov + (<usize>i) * rowBytes;
    const d = load<f64>(row + io);
    const xi = load<f64>(x + io);
    const bi = load<f64>(b + io);
    const c = load<f64>(sx + io) - d * xi;
    const root = Math.sqrt(c * c + 4 * d * bi);
    const next = c > 0 ? (2 * bi) / (c + root) : (root - c) / (2 * d);
    const delta = next - xi;
    if (delta == 0) continue;
    store<f64>(x + io, next);
    const dv = f64x2.splat(delta);
    let j: i32 = 0;
    for (; j + 1 < n; j += 2) {
      const jo = (<usize>j) << 3;
      v128.store(sx + jo, f64x2.add(v128.load(sx + jo), f64x2.mul(v128.load(row + jo), dv)));
    }
    if (j < n) {
      const jo = (<usize>j) << 3;
      store<f64>(sx + jo, load<f64>(sx + jo) + load<f64>(row + jo) * delta);
    }
  }
  return spread(n, x, sx, b);
}

/**
 * max_{i,j} |RC_i/b_i − RC_j/b_j| / xᵀ(Σx) with RC_i = x_i (Σx)_i, the twin of relativeSpread
 * (with dot for xᵀ(Σx), summed left to right) in src/numeric/riskParityDescent.ts.
 */
export function spread(n: i32, x: usize, sx: usize, b: usize): f64 {
  let quad: f64 = 0;
  for (let i: i32 = 0; i < n; i++) {
    const io = (<usize>i) << 3;
    quad += load<f64>(x + io) * load<f64>(sx + io);
  }
  let lo: f64 = Infinity;
  let hi: f64 = -Infinity;
  for (let i: i32 = 0; i < n; i++) {
    const io = (<usize>i) << 3;
    const r = (load<f64>(x + io) * load<f64>(sx + io)) / load<f64>(b + io);
    if (r < lo) lo = r;
    if (r > hi) hi = r;
  }
  return (hi - lo) / quad;
}

/**
 * out = A x for row-major n×n A, each entry summed left to right over j, four rows at a time:
 * the twin of matrixVector in src/numeric/matrixVector.ts.
 */
export function multiply(a: usize, n: i32, x: usize, out: usize): void {
  const rowBytes = (<usize>n) << 3;
  let i: i32 = 0;
  for (; i + 3 < n; i += 4) {
    const r0 = a + (<usize>i) * rowBytes;
    const r1 = r0 + rowBytes;
    const r2 = r1 + rowBytes;
    const r3 = r2 + rowBytes;
    let s0: f64 = 0;
    let s1: f64 = 0;
    let s2: f64 = 0;
    let s3: f64 = 0;
    for (let j: i32 = 0; j < n; j++) {
      const jo = (<usize>j) << 3;
      const xj = load<f64>(x + jo);
      s0 += load<f64>(r0 + jo) * xj;
      s1 += load<f64>(r1 + jo) * xj;
      s2 += load<f64>(r2 + jo) * xj;
      s3 += load<f64>(r3 + jo) * xj;
    }
    const io = (<usize>i) << 3;
    store<f64>(out + io, s0);
    store<f64>(out + io, s1, 8);
    store<f64>(out + io, s2, 16);
    store<f64>(out + io, s3, 24);
  }
  for (; i < n; i++) {
    const row = a + (<usize>i) * rowBytes;
    let s: f64 = 0;
    for (let j: i32 = 0; j < n; j++) {
      const jo = (<usize>j) << 3;
      s += load<f64>(row + jo) * load<f64>(x + jo);
    }
    store<f64>(out + ((<usize>i) << 3), s);
  }
}

/**
 * cross[i·k + j] += Σ_{r<m} q_r,i · p_r,j for j ≥ i, the twin of addCrossProducts in
 * src/estimators/crossProducts.ts: `p` row-major (row r of the k series at p + 8(r·k)), and q its
 * rows signed, + for rows r < entering and − after (the sliding covariance adds the entering rows
 * and removes the leaving ones in one pass). Each entry's sum starts at 0, takes the rows in
 * order and is then added to cross, as in the twin. Four rows i by four columns j at a time
 * (eight f64x2 sums); some entries below the diagonal are written too, and never read.
 */
export function crossProducts(cross: usize, k: i32, p: usize, entering: i32, m: i32): void {
  const kb = (<usize>k) << 3;
  let i: i32 = 0;
  for (; i + 3 < k; i += 4) {
    const io = (<usize>i) << 3;
    let j: i32 = i;
    for (; j + 3 < k; j += 4) {
      const jo = (<usize>j) << 3;
      let a0 = f64x2.splat(0);
      let a1 = a0;
      let b0 = a0;
      let b1 = a0;
      let c0 = a0;
      let c1 = a0;
      let d0 = a0;
      let d1 = a0;
      // Entering rows added, leaving rows subtracted: s − y·p is s + (−y)·p exactly (IEEE).
      for (let r: i32 = 0; r < entering; r++) {
        const row = p + (<usize>r) * kb;
        const u0 = f64x2.splat(load<f64>(row + io));
        const u1 = f64x2.splat(load<f64>(row + io, 8));
        const u2 = f64x2.splat(load<f64>(row + io, 16));
        const u3 = f64x2.splat(load<f64>(row + io, 24));
        const v0 = v128.load(row + jo);
        const v1 = v128.load(row + jo, 16);
        a0 = f64x2.add(a0, f64x2.mul(u0, v0));
        a1 = f64x2.add(a1, f64x2.mul(u0, v1));
        b0 = f64x2.add(b0, f64x2.mul(u1, v0));
        b1 = f64x2.add(b1, f64x2.mul(u1, v1));
        c0 = f64x2.add(c0, f64x2.mul(u2, v0));
        c1 = f64x2.add(c1, f64x2.mul(u2, v1));
        d0 = f64x2.add(d0, f64x2.mul(u3, v0));
        d1 = f64x2.add(d1, f64x2.mul(u3, v1));
      }
      for (let r: i32 = entering; r < m; r++) {
        const row = p + (<usize>r) * kb;
        const u0 = f64x2.splat(load<f64>(row + io));
        const u1 = f64x2.splat(load<f64>(row + io, 8));
        const u2 = f64x2.splat(load<f64>(row + io, 16));
        const u3 = f64x2.splat(load<f64>(row + io, 24));
        const v0 = v128.load(row + jo);
        const v1 = v128.load(row + jo, 16);
        a0 = f64x2.sub(a0, f64x2.mul(u0, v0));
        a1 = f64x2.sub(a1, f64x2.mul(u0, v1));
        b0 = f64x2.sub(b0, f64x2.mul(u1, v0));
        b1 = f64x2.sub(b1, f64x2.mul(u1, v1));
        c0 = f64x2.sub(c0, f64x2.mul(u2, v0));
        c1 = f64x2.sub(c1, f64x2.mul(u2, v1));
        d0 = f64x2.sub(d0, f64x2.mul(u3, v0));
        d1 = f64x2.sub(d1, f64x2.mul(u3, v1));
      }
      const e = cross + (<usize>i) * kb + jo;
      v128.store(e, f64x2.add(v128.load(e), a0));
      v128.store(e, f64x2.add(v128.load(e, 16), a1), 16);
      v128.store(e + kb, f64x2.add(v128.load(e + kb), b0));
      v128.store(e + kb, f64x2.add(v128.load(e + kb, 16), b1), 16);
      v128.store(e + 2 * kb, f64x2.add(v128.load(e + 2 * kb), c0));
      v128.store(e + 2 * kb, f64x2.add(v128.load(e + 2 * kb, 16), c1), 16);
      v128.store(e + 3 * kb, f64x2.add(v128.load(e + 3 * kb), d0));
      v128.store(e + 3 * kb, f64x2.add(v128.load(e + 3 * kb, 16), d1), 16);
    }
    for (; j < k; j++) {
      const jo = (<usize>j) << 3;
      // Rows i, i+1 in one f64x2 and rows i+2, i+3 in another, against column j.
      let a = f64x2.splat(0);
      let b = a;
      for (let r: i32 = 0; r < entering; r++) {
        const row = p + (<usize>r) * kb;
        const w = f64x2.splat(load<f64>(row + jo));
        a = f64x2.add(a, f64x2.mul(v128.load(row + io), w));
        b = f64x2.add(b, f64x2.mul(v128.load(row + io, 16), w));
      }
      for (let r: i32 = entering; r < m; r++) {
        const row = p + (<usize>r) * kb;
        const w = f64x2.splat(load<f64>(row + jo));
        a = f64x2.sub(a, f64x2.mul(v128.load(row + io), w));
        b = f64x2.sub(b, f64x2.mul(v128.load(row + io, 16), w));
      }
      const e = cross + (<usize>i) * kb + jo;
      store<f64>(e, load<f64>(e) + f64x2.extract_lane(a, 0));
      store<f64>(e + kb, load<f64>(e + kb) + f64x2.extract_lane(a, 1));
      store<f64>(e + 2 * kb, load<f64>(e + 2 * kb) + f64x2.extract_lane(b, 0));
      store<f64>(e + 3 * kb, load<f64>(e + 3 * kb) + f64x2.extract_lane(b, 1));
    }
  }
  for (; i < k; i++) {
    const io = (<usize>i) << 3;
    let j: i32 = i;
    for (; j + 1 < k; j += 2) {
      const jo = (<usize>j) << 3;
      let a = f64x2.splat(0);
      for (let r: i32 = 0; r < entering; r++) {
        const row = p + (<usize>r) * kb;
        a = f64x2.add(a, f64x2.mul(f64x2.splat(load<f64>(row + io)), v128.load(row + jo)));
      }
      for (let r: i32 = entering; r < m; r++) {
        const row = p + (<usize>r) * kb;
        a = f64x2.sub(a, f64x2.mul(f64x2.splat(load<f64>(row + io)), v128.load(row + jo)));
      }
      const e = cross + (<usize>i) * kb + jo;
      v128.store(e, f64x2.add(v128.load(e), a));
    }
    if (j < k) {
      const jo = (<usize>j) << 3;
      let s: f64 = 0;
      for (let r: i32 = 0; r < entering; r++) {
        const row = p + (<usize>r) * kb;
        s += load<f64>(row + io) * load<f64>(row + jo);
      }
      for (let r: i32 = entering; r < m; r++) {
        const row = p + (<usize>r) * kb;
        s -= load<f64>(row + io) * load<f64>(row + jo);
      }
      const e = cross + (<usize>i) * kb + jo;
      store<f64>(e, load<f64>(e) + s);
    }
  }
}

/**
 * The sample covariance from the shifted co-moment sums, the twin of the loop at the end of
 * SlidingCovariance.update (src/estimators/slidingCovariance.ts): for j ≥ i,
 * out[i·k + j] = out[j·k + i] = (cross[i·k + j] − (sum_i / t) · sum_j) · (1/(t − 1)), two j per
 * f64x2. cross, out row-major k×k; sum k f64.
 */
export function covariance(cross: usize, sum: usize, k: i32, t: f64, out: usize): void {
  const kb = (<usize>k) << 3;
  const inverse = 1 / (t - 1);
  const inv = f64x2.splat(inverse);
  for (let i: i32 = 0; i < k; i++) {
    const io = (<usize>i) << 3;
    const si = load<f64>(sum + io) / t;
    const s = f64x2.splat(si);
    const rowC = cross + (<usize>i) * kb;
    const rowO = out + (<usize>i) * kb;
    let j: i32 = i;
    for (; j + 1 < k; j += 2) {
      const jo = (<usize>j) << 3;
      const c = f64x2.mul(f64x2.sub(v128.load(rowC + jo), f64x2.mul(s, v128.load(sum + jo))), inv);
      v128.store(rowO + jo, c);
      store<f64>(out + (<usize>j) * kb + io, f64x2.extract_lane(c, 0));
      store<f64>(out + (<usize>(j + 1)) * kb + io, f64x2.extract_lane(c, 1));
    }
    if (j < k) {
      const jo = (<usize>j) << 3;
      const c = (load<f64>(rowC + jo) - si * load<f64>(sum + jo)) * inverse;
      store<f64>(rowO + jo, c);
      store<f64>(out + (<usize>j) * kb + io, c);
    }
  }
}
