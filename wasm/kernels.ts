// WebAssembly SIMD kernels (AssemblyScript, compiled by scripts/build-wasm.js into
// dist/src/wasm/kernels.wasm). Every function works on raw byte addresses in the imported linear
// memory, laid out by its caller (src/wasm/wasmKernels.ts); no AssemblyScript runtime or heap is
// used. Each kernel does the same IEEE operations in the same order as its TypeScript twin, lane
// by lane (an f64x2 holds two assets), so both give the same bits (tested).

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
const ROWS: i32 = 64;

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

/**
 * out[r − from] = cash + Σ_j u_j · F[first + r · stride + j] for rows from..to−1
 * (execution/holdingsValue.ts's denseRows): the partial sums (s0, s1) and (s2, s3) as two
 * vectors, the tail into s0, combined as (s0 + s1) + (s2 + s3). F, units and out are byte
 * addresses; first and stride count entries.
 */
export function denseRows(F: usize, first: i32, stride: i32, units: usize, h: i32, cash: f64, out: usize, from: i32, to: i32): void {
  const h4 = h & ~3;
  for (let r = from; r < to; r++) {
    const at = F + ((<usize>(first + r * stride)) << 3);
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
    store<f64>(out + ((<usize>(r - from)) << 3), cash + (s0 + f64x2.extract_lane(A, 1) + (f64x2.extract_lane(B, 0) + f64x2.extract_lane(B, 1))));
  }
}

/**
 * The number of rows with a price (> 0) in each of m columns of N rows (column-major f64 at
 * `vin`), into `out` (m i32): what a one-shot run counts its columns' holes from
 * (engine/oneShotRoute.ts). Two rows per f64x2 compare.
 */
export function pricedCounts(vin: usize, N: i32, m: i32, out: usize): void {
  const zero = f64x2.splat(0);
  const colBytes = (<usize>N) << 3;
  for (let a: i32 = 0; a < m; a++) {
    const col = vin + (<usize>a) * colBytes;
    let k = i64x2.splat(0);
    let t: i32 = 0;
    for (; t + 1 < N; t += 2) k = i64x2.sub(k, f64x2.gt(v128.load(col + ((<usize>t) << 3)), zero));
    let c = <i32>(i64x2.extract_lane(k, 0) + i64x2.extract_lane(k, 1));
    if (t < N && load<f64>(col + ((<usize>t) << 3)) > 0) c++;
    store<i32>(out + ((<usize>a) << 2), c);
  }
}

/**
 * Sums of each asset's simple returns over blocks of rows, for the window moments of a one-shot
 * run's decisions (engine/oneShotRoute.ts). Prices: m columns of N rows, column-major f64 at
 * `vin`. Blocks: `bounds` holds K + 1 ascending i32 rows b_0 < … < b_K; block k covers the
 * returns of rows b_k..b_{k+1}−1 (row 0 has none), r_t = x_t / x_{t−1} − 1, counted when finite
 * (r − r = 0). Out, block by block (entry k · m + a): the count (i32), Σr and Σr² (f64), plain
 * sums in row order. Two assets per f64x2; a return that does not count adds +0 (the sums are
 * never −0, so that is the same as skipping it, as the scalar lane for an odd last asset does).
 */
export function blockMoments(vin: usize, N: i32, m: i32, bounds: usize, K: i32, count: usize, sum: usize, sumSq: usize): void {
  const zero = f64x2.splat(0);
  const one = f64x2.splat(1);
  const colBytes = (<usize>N) << 3;
  const mb = (<usize>m) << 3;
  let a: i32 = 0;
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
        let p = f64x2.replace_lane(f64x2.splat(load<f64>(c0 + off)), 1, load<f64>(c1 + off));
        for (let t: i32 = t0; t < t1; t++) {
          off = (<usize>t) << 3;
          const x = f64x2.replace_lane(f64x2.splat(load<f64>(c0 + off)), 1, load<f64>(c1 + off));
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
 * Window moments of D decisions from block sums (blockMoments' outputs, K × m): decision d's
 * window covers blocks k0[d]..k1[d]−1, and its count, Σr and Σr² per asset (entry d · m + a) are
 * the first block's plus each further block's in order. Two assets per f64x2 (the same additions
 * lane by lane); i32 counts one at a time.
 */
export function windowMoments(m: i32, D: i32, k0s: usize, k1s: usize, bc: usize, bs: usize, bq: usize, oc: usize, os: usize, oq: usize): void {
  const mb = (<usize>m) << 3;
  const mi = (<usize>m) << 2;
  for (let d: i32 = 0; d < D; d++) {
    const k0 = load<i32>(k0s + ((<usize>d) << 2));
    const k1 = load<i32>(k1s + ((<usize>d) << 2));
    const od = (<usize>d) * mb;
    const oi = (<usize>d) * mi;
    let a: i32 = 0;
    for (; a + 1 < m; a += 2) {
      const ao = (<usize>a) << 3;
      let s = v128.load(bs + (<usize>k0) * mb + ao);
      let q = v128.load(bq + (<usize>k0) * mb + ao);
      for (let k = k0 + 1; k < k1; k++) {
        s = f64x2.add(s, v128.load(bs + (<usize>k) * mb + ao));
        q = f64x2.add(q, v128.load(bq + (<usize>k) * mb + ao));
      }
      v128.store(os + od + ao, s);
      v128.store(oq + od + ao, q);
    }
    if (a < m) {
      const ao = (<usize>a) << 3;
      let s = load<f64>(bs + (<usize>k0) * mb + ao);
      let q = load<f64>(bq + (<usize>k0) * mb + ao);
      for (let k = k0 + 1; k < k1; k++) {
        s += load<f64>(bs + (<usize>k) * mb + ao);
        q += load<f64>(bq + (<usize>k) * mb + ao);
      }
      store<f64>(os + od + ao, s);
      store<f64>(oq + od + ao, q);
    }
    for (a = 0; a < m; a++) {
      const ai = (<usize>a) << 2;
      let c = load<i32>(bc + (<usize>k0) * mi + ai);
      for (let k = k0 + 1; k < k1; k++) c += load<i32>(bc + (<usize>k) * mi + ai);
      store<i32>(oc + oi + ai, c);
    }
  }
}

/**
 * The simulation kernel's loop (execution/simulateKernel.ts) for a run without drift bands, cash
 * returns or recorded weights, with every decision's targets given in advance (D × m f64 at
 * `targets`, in row order: the decisions of the calendar rows t with t + lag < n). The same IEEE
 * operations in the same order as the TypeScript loop and its steps (value, execute, tradeCost,
 * turnoverAt), so the same bits (tested).
 * F: filled prices, row-major (period row t at entry (fOffset + t) · fStride + cols[a]).
 * Scratch `s` (simScratchBytes): units, held entries and units, the row's prices, the pending
 * targets ((lag + 1) × m) and their slots' flags, decisions and rules.
 * Out: equity and cash (n f64), the trades (row, decision row, rule as i32; turnover and cost as
 * f64, room for D), the skipped count at `skipped` (i32); returns the number of trades.
 */
export function simulate(F: usize, fStride: i32, fOffset: i32, cols: usize, m: i32, n: i32, calendar: usize, lag: i32, costRate: f64, minTurnover: f64, targets: usize, s: usize, equity: usize, cashOut: usize, tRow: usize, tDecision: usize, tRule: usize, tTurnover: usize, tCost: usize, skipped: usize): i32 {
  const mb = (<usize>m) << 3;
  const slots = lag + 1;
  const units = s;
  const heldUnits = units + mb;
  const px = heldUnits + mb;
  const pending = px + mb;
  const heldCol = pending + (<usize>slots) * mb;
  const flag = heldCol + ((<usize>m) << 2);
  const decision = flag + ((<usize>slots) << 2);
  const rule = decision + ((<usize>slots) << 2);
  const acc = rule + ((<usize>slots) << 2);
  for (let a: i32 = 0; a < m; a++) store<f64>(units + ((<usize>a) << 3), 0);
  for (let k: i32 = 0; k < slots; k++) store<i32>(flag + ((<usize>k) << 2), 0);
  let held: i32 = 0;
  // The held entries' first entry in a row when they are consecutive (−1: gather them).
  let heldFrom: i32 = -1;
  let cash: f64 = 1;
  let count: i32 = 0;
  let skips: i32 = 0;
  let d: i32 = 0;
  let slot: i32 = 0;
  for (let t: i32 = 0; t < n; t++) {
    // Prices column-major (fStride 1): a stretch of rows without a decision or a due trade is
    // valued asset by asset over its rows (stretchValues), the same sums as row by row.
    if (fStride == 1 && held > 0 && load<u8>(calendar + <usize>t) != 1 && !(lag > 0 && load<i32>(flag + ((<usize>slot) << 2)) == 1)) {
      let e = t + 1;
      while (e < n && e - t < STRETCH && load<u8>(calendar + <usize>e) != 1 && !(lag > 0 && load<i32>(flag + ((<usize>(e % slots)) << 2)) == 1)) e++;
      stretchValues(F + ((<usize>(fOffset + t)) << 3), heldCol, heldUnits, held, cash, acc, e - t, equity + ((<usize>t) << 3), cashOut + ((<usize>t) << 3));
      slot = e % slots;
      t = e - 1;
      continue;
    }
    const rowAt = F + ((<usize>((fOffset + t) * fStride)) << 3);
    // Value: cash + Σ_j u_j p̃_j in four partial sums (holdingsValue.ts): over a contiguous
    // stretch of the row as denseRows does it (two f64x2), else gathered one by one.
    let s0: f64 = 0;
    let s1: f64 = 0;
    let s2: f64 = 0;
    let s3: f64 = 0;
    let j: i32 = 0;
    if (heldFrom >= 0) {
      const at = rowAt + ((<usize>heldFrom) << 3);
      let A = f64x2.splat(0);
      let B = f64x2.splat(0);
      for (; j + 3 < held; j += 4) {
        const o = (<usize>j) << 3;
        A = f64x2.add(A, f64x2.mul(v128.load(heldUnits + o), v128.load(at + o)));
        B = f64x2.add(B, f64x2.mul(v128.load(heldUnits + o, 16), v128.load(at + o, 16)));
      }
      s0 = f64x2.extract_lane(A, 0);
      s1 = f64x2.extract_lane(A, 1);
      s2 = f64x2.extract_lane(B, 0);
      s3 = f64x2.extract_lane(B, 1);
      for (; j < held; j++) s0 += load<f64>(heldUnits + ((<usize>j) << 3)) * load<f64>(at + ((<usize>j) << 3));
    }
    for (; j + 3 < held; j += 4) {
      const o = (<usize>j) << 3;
      const c = heldCol + ((<usize>j) << 2);
      s0 += load<f64>(heldUnits + o) * load<f64>(rowAt + ((<usize>load<i32>(c)) << 3));
      s1 += load<f64>(heldUnits + o, 8) * load<f64>(rowAt + ((<usize>load<i32>(c, 4)) << 3));
      s2 += load<f64>(heldUnits + o, 16) * load<f64>(rowAt + ((<usize>load<i32>(c, 8)) << 3));
      s3 += load<f64>(heldUnits + o, 24) * load<f64>(rowAt + ((<usize>load<i32>(c, 12)) << 3));
    }
    for (; j < held; j++) s0 += load<f64>(heldUnits + ((<usize>j) << 3)) * load<f64>(rowAt + ((<usize>load<i32>(heldCol + ((<usize>j) << 2))) << 3));
    let value = cash + (s0 + s1 + (s2 + s3));
    let due = -1;
    if (lag > 0 && load<i32>(flag + ((<usize>slot) << 2)) == 1) due = slot;
    let ruleNow = -1;
    if (load<u8>(calendar + <usize>t) == 1) ruleNow = t == 0 ? 0 : 1;
    for (let pass: i32 = 0; pass < 2; pass++) {
      if (pass == 1) {
        // The decision of this close (after a due trade; traded at once when lag is 0).
        if (ruleNow < 0 || t + lag >= n) break;
        const target = (t + lag) % slots;
        memory.copy(pending + (<usize>target) * mb, targets + (<usize>d) * mb, mb);
        d++;
        store<i32>(flag + ((<usize>target) << 2), 1);
        store<i32>(decision + ((<usize>target) << 2), t);
        store<i32>(rule + ((<usize>target) << 2), ruleNow);
        if (lag != 0) break;
        due = target;
      }
      if (due < 0) continue;
      // execute(t, due, value)
      const base = pending + (<usize>due) * mb;
      for (let a: i32 = 0; a < m; a++) store<f64>(px + ((<usize>a) << 3), load<f64>(rowAt + ((<usize>load<i32>(cols + ((<usize>a) << 2))) << 3)));
      store<i32>(flag + ((<usize>due) << 2), 0);
      const free = costRate == 0 && !(minTurnover > 0 && count > 0);
      let cost: f64 = 0;
      let traded: f64 = 0;
      let skip = false;
      if (!free) {
        for (let a: i32 = 0; a < m; a++) if (!(load<f64>(px + ((<usize>a) << 3)) > 0)) store<f64>(base + ((<usize>a) << 3), 0);
        if (minTurnover > 0 && count > 0) {
          let tr: f64 = 0;
          for (let a: i32 = 0; a < m; a++) {
            const o = (<usize>a) << 3;
            const u = load<f64>(units + o);
            tr += abs<f64>(load<f64>(base + o) * value - (u == 0 ? 0 : u * load<f64>(px + o)));
          }
          if (tr / (2 * value) < minTurnover) {
            skips++;
            skip = true;
          }
        }
        if (!skip) {
          for (let iter: i32 = 0; iter < 50; iter++) {
            const post = value - cost;
            let sum: f64 = 0;
            for (let a: i32 = 0; a < m; a++) {
              const o = (<usize>a) << 3;
              const u = load<f64>(units + o);
              const h = u == 0 ? 0 : u * load<f64>(px + o);
              sum += abs<f64>(load<f64>(base + o) * post - h);
            }
            traded = sum;
            const next = costRate * sum;
            const done = abs<f64>(next - cost) <= 1e-16 * value;
            cost = next;
            if (done) break;
          }
        }
      }
      if (skip) continue;
      const post = value - cost;
      let invested: f64 = 0;
      let sum: f64 = 0;
      let h: i32 = 0;
      let from: i32 = -1;
      for (let a: i32 = 0; a < m; a++) {
        const o = (<usize>a) << 3;
        const price = load<f64>(px + o);
        const w = price > 0 ? load<f64>(base + o) : 0;
        if (free) {
          const before = load<f64>(units + o);
          sum += abs<f64>(w * post - (before == 0 ? 0 : before * price));
        }
        const u = w == 0 ? 0 : (w * post) / price;
        store<f64>(units + o, u);
        invested += w * post;
        if (u != 0) {
          const col = load<i32>(cols + ((<usize>a) << 2));
          if (h == 0) from = col;
          else if (from >= 0 && col != from + h) from = -1;
          store<i32>(heldCol + ((<usize>h) << 2), col);
          store<f64>(heldUnits + ((<usize>h) << 3), u);
          h++;
        }
      }
      if (free) traded = sum;
      held = h;
      heldFrom = from;
      cash = post - invested;
      const k = <usize>count;
      store<i32>(tRow + (k << 2), t);
      store<i32>(tDecision + (k << 2), load<i32>(decision + ((<usize>due) << 2)));
      store<i32>(tRule + (k << 2), load<i32>(rule + ((<usize>due) << 2)));
      store<f64>(tTurnover + (k << 3), traded / (2 * value));
      store<f64>(tCost + (k << 3), cost);
      count++;
      value = post;
      due = -1;
    }
    store<f64>(equity + ((<usize>t) << 3), value);
    store<f64>(cashOut + ((<usize>t) << 3), cash);
    slot = slot + 1 == slots ? 0 : slot + 1;
  }
  store<i32>(skipped, skips);
  return count;
}

/**
 * Inverse-vol weights of one decision from a prepared panel's prefix sums, for n consecutive
 * panel columns from c0 (engine/plainDecisions.ts: plainWeights on prefix differences, the same
 * operations in the same order): each window's count, Σr and Σr² as differences of prefix rows
 * `hi` and `lo` (row-major, nAssets entries a row), σ = √((Σr² − (Σr)²/m)/(m − 1)) two assets
 * per f64x2, then candidate by candidate: usable when eligible (n u8 at `eligible`), with at
 * least `need` returns and a centred sum above 1e-12 of Σr², 1/σ summed in candidate order, and
 * the weights 1/σ over the sum into w (n f64). Returns 1, or 0 when no candidate is usable.
 */
export function inverseVolPrefix(count: usize, sum: usize, sumSq: usize, nAssets: i32, c0: i32, n: i32, hi: i32, lo: i32, eligible: usize, need: i32, w: usize): i32 {
  const one = f64x2.splat(1);
  const hiF = (<usize>(hi * nAssets + c0)) << 3;
  const loF = (<usize>(lo * nAssets + c0)) << 3;
  const hiI = (<usize>(hi * nAssets + c0)) << 2;
  const loI = (<usize>(lo * nAssets + c0)) << 2;
  let total: f64 = 0;
  let a: i32 = 0;
  for (; a + 1 < n; a += 2) {
    const o = (<usize>a) << 3;
    const oi = (<usize>a) << 2;
    const k = i32x4.sub(v128.load64_zero(count + hiI + oi), v128.load64_zero(count + loI + oi));
    const mm = f64x2.convert_low_i32x4_s(k);
    const s1 = f64x2.sub(v128.load(sum + hiF + o), v128.load(sum + loF + o));
    const s2 = f64x2.sub(v128.load(sumSq + hiF + o), v128.load(sumSq + loF + o));
    const centred = f64x2.sub(s2, f64x2.div(f64x2.mul(s1, s1), mm));
    const sd = f64x2.sqrt(f64x2.div(centred, f64x2.sub(mm, one)));
    const inv = f64x2.div(one, sd);
    total = laneWeight(total, load<u8>(eligible + <usize>a), i32x4.extract_lane(k, 0), need, f64x2.extract_lane(centred, 0), f64x2.extract_lane(s2, 0), f64x2.extract_lane(sd, 0), f64x2.extract_lane(inv, 0), w + o);
    total = laneWeight(total, load<u8>(eligible + <usize>(a + 1)), i32x4.extract_lane(k, 1), need, f64x2.extract_lane(centred, 1), f64x2.extract_lane(s2, 1), f64x2.extract_lane(sd, 1), f64x2.extract_lane(inv, 1), w + o + 8);
  }
  if (a < n) {
    const o = (<usize>a) << 3;
    const oi = (<usize>a) << 2;
    const m = load<i32>(count + hiI + oi) - load<i32>(count + loI + oi);
    const s1 = load<f64>(sum + hiF + o) - load<f64>(sum + loF + o);
    const s2 = load<f64>(sumSq + hiF + o) - load<f64>(sumSq + loF + o);
    const centred = s2 - (s1 * s1) / <f64>m;
    const sd = sqrt<f64>(centred / <f64>(m - 1));
    total = laneWeight(total, load<u8>(eligible + <usize>a), m, need, centred, s2, sd, 1 / sd, w + o);
  }
  if (total == 0) return 0;
  for (let i: i32 = 0; i < n; i++) {
    const o = (<usize>i) << 3;
    store<f64>(w + o, load<f64>(w + o) / total);
  }
  return 1;
}

/** One candidate of inverseVolPrefix: its 1/σ into `at` (0 when not usable), and the running sum. */
// @ts-ignore: decorator
@inline
function laneWeight(total: f64, eligible: u8, m: i32, need: i32, centred: f64, s2: f64, sdv: f64, inv: f64, at: usize): f64 {
  store<f64>(at, 0);
  if (eligible != 1 || m < need) return total;
  const sd = centred > 1e-12 * s2 ? sdv : 0;
  if (!(sd > 0) || !isFinite<f64>(sd)) return total;
  store<f64>(at, inv);
  return total + inv;
}

/**
 * inverseVolPrefix for D decisions in one call (their loads overlap): decision d's prefix rows
 * his[d] and los[d] (i32), eligibility n u8 at eligible + d · n, weights n f64 at w + d · n · 8,
 * and 1 or 0 (none usable) at status + d · 4.
 */
export function inverseVolPrefixRows(count: usize, sum: usize, sumSq: usize, nAssets: i32, c0: i32, n: i32, D: i32, his: usize, los: usize, eligible: usize, need: i32, w: usize, status: usize): void {
  for (let d: i32 = 0; d < D; d++) {
    const k = (<usize>d) << 2;
    const ok = inverseVolPrefix(count, sum, sumSq, nAssets, c0, n, load<i32>(his + k), load<i32>(los + k), eligible + (<usize>d) * (<usize>n), need, w + (((<usize>d) * (<usize>n)) << 3));
    store<i32>(status + k, ok);
  }
}

/** Rows per stretch of simulate's column-major valuation (its accumulators: 4 × STRETCH f64). */
const STRETCH: i32 = 256;

/**
 * Values of L consecutive rows from prices stored column-major (asset entry col, row r at
 * at + (col + r) · 8): the four partial sums of holdingsValue.ts per row, built asset by asset
 * (asset j into partial j mod 4 below the last multiple of four, else into the first, in
 * ascending j, as the row-by-row sums add them), two rows per f64x2; then
 * cash + ((s0 + s1) + (s2 + s3)) per row into out, and cash into cashOut.
 */
function stretchValues(at: usize, heldCol: usize, heldUnits: usize, held: i32, cash: f64, acc: usize, L: i32, out: usize, cashOut: usize): void {
  const part = (<usize>STRETCH) << 3;
  for (let k: usize = 0; k < 4; k++) memory.fill(acc + k * part, 0, (<usize>L) << 3);
  const h4 = held & ~3;
  for (let j: i32 = 0; j < held; j++) {
    const u = load<f64>(heldUnits + ((<usize>j) << 3));
    const uu = f64x2.splat(u);
    const src = at + ((<usize>load<i32>(heldCol + ((<usize>j) << 2))) << 3);
    const dst = acc + (j < h4 ? <usize>(j & 3) : 0) * part;
    let r: i32 = 0;
    for (; r + 1 < L; r += 2) {
      const o = (<usize>r) << 3;
      v128.store(dst + o, f64x2.add(v128.load(dst + o), f64x2.mul(uu, v128.load(src + o))));
    }
    if (r < L) {
      const o = (<usize>r) << 3;
      store<f64>(dst + o, load<f64>(dst + o) + u * load<f64>(src + o));
    }
  }
  for (let r: i32 = 0; r < L; r++) {
    const o = (<usize>r) << 3;
    store<f64>(out + o, cash + (load<f64>(acc + o) + load<f64>(acc + part + o) + (load<f64>(acc + 2 * part + o) + load<f64>(acc + 3 * part + o))));
    store<f64>(cashOut + o, cash);
  }
}

/**
 * The rows a run without drift bands decides on (execution/simulateWasm.ts): every row t with
 * calendar[t] = 1 (n u8) and t + lag < n, ascending, into `rows` (i32); returns their number.
 */
export function decisionRows(calendar: usize, n: i32, lag: i32, rows: usize): i32 {
  let d: i32 = 0;
  for (let t: i32 = 0; t + lag < n; t++) {
    if (load<u8>(calendar + <usize>t) == 1) {
      store<i32>(rows + ((<usize>d) << 2), t);
      d++;
    }
  }
  return d;
}

/**
 * A ledger's returns from its equity (n f64; execution/simulateKernel.ts): row 0 is 0, row 1
 * equity[1] − 1 (from the initial capital 1), later rows equity[r] / equity[r − 1] − 1.
 */
export function periodReturns(equity: usize, n: i32, out: usize): void {
  if (n > 0) store<f64>(out, 0);
  if (n > 1) store<f64>(out + 8, load<f64>(equity + 8) - 1);
  for (let r: i32 = 2; r < n; r++) {
    const o = (<usize>r) << 3;
    store<f64>(out + o, load<f64>(equity + o) / load<f64>(equity + o - 8) - 1);
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
