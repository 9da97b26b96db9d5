// The sweep fast path's WebAssembly SIMD kernels (AssemblyScript, compiled by
// scripts/build-wasm.js into dist/src/wasm/sweepKernels.wasm). They work on raw byte addresses in
// an imported SHARED linear memory laid out by src/sweep/sweepMemory.ts (the prepared panel, the
// row-major prices and one scratch region per thread), so every worker thread of a sweep reads the
// same panel. Each kernel does the same IEEE operations in the same order as its TypeScript twin
// (src/sweep/sweepDecisions.ts decideNative, src/sweep/sweepSimulate.ts), an f64x2 holding two
// assets, so both give the same bits (test/property/sweepKernels.property.test.ts).

/**
 * Native inverse-vol decisions (sweepDecisions.ts) of the rows r0..r1−1 where every asset is
 * priced (allPriced[row] = 1) and every asset's window count is the same; other rows are left
 * for the TypeScript decider (done[row] stays 0). m assets = the panel's columns in order.
 * count: i32, sum/sumSq: f64, row-major (N + 1) × m prefix rows; targets: f64 N × m; done: u8 N.
 */
export function decideRows(r0: i32, r1: i32, m: i32, lookback: i32, need: i32, fallbackEqual: i32, count: usize, sum: usize, sumSq: usize, allPriced: usize, targets: usize, done: usize): void {
  const tiny = f64x2.splat(1e-12);
  const zero = f64x2.splat(0);
  const oneV = f64x2.splat(1);
  const inf = f64x2.splat(Infinity);
  const m8 = (<usize>m) << 3;
  const m4 = (<usize>m) << 2;
  for (let row: i32 = r0; row < r1; row++) {
    if (load<u8>(done + <usize>row) == 1 || load<u8>(allPriced + <usize>row) != 1) continue;
    const first = row - lookback + 1 > 0 ? row - lookback + 1 : 0;
    const hiK = count + (<usize>(row + 1)) * m4;
    const loK = count + (<usize>first) * m4;
    const k0 = load<i32>(hiK) - load<i32>(loK);
    // Every asset's count equal to the first's (four at a time).
    const kv = i32x4.splat(k0);
    let eq = i32x4.splat(-1);
    let c: i32 = 0;
    for (; c + 3 < m; c += 4) {
      const o = (<usize>c) << 2;
      eq = v128.and(eq, i32x4.eq(i32x4.sub(v128.load(hiK + o), v128.load(loK + o)), kv));
    }
    let same = i32x4.all_true(eq);
    for (; c < m; c++) {
      const o = (<usize>c) << 2;
      if (load<i32>(hiK + o) - load<i32>(loK + o) != k0) same = false;
    }
    if (!same) continue;
    const out = targets + (<usize>row) * m8;
    if (k0 < need) {
      // No member usable: the fallback (equal over the m priced members) or cash.
      const w = fallbackEqual != 0 ? 1 / <f64>m : 0;
      for (let i: i32 = 0; i < m; i++) store<f64>(out + ((<usize>i) << 3), w);
      store<u8>(done + <usize>row, 1);
      continue;
    }
    const invK = f64x2.splat(1 / <f64>k0);
    const invK1 = f64x2.splat(1 / <f64>(k0 - 1));
    const hiS = (<usize>(row + 1)) * m8;
    const loS = (<usize>first) * m8;
    let tot = zero;
    let i: i32 = 0;
    for (; i + 1 < m; i += 2) {
      const o = (<usize>i) << 3;
      const s1 = f64x2.sub(v128.load(sum + hiS + o), v128.load(sum + loS + o));
      const s2 = f64x2.sub(v128.load(sumSq + hiS + o), v128.load(sumSq + loS + o));
      const centred = f64x2.sub(s2, f64x2.mul(f64x2.mul(s1, s1), invK));
      const inv = f64x2.div(oneV, f64x2.sqrt(f64x2.mul(centred, invK1)));
      const ok = v128.and(v128.and(f64x2.gt(centred, f64x2.mul(tiny, s2)), f64x2.gt(inv, zero)), f64x2.lt(inv, inf));
      const w = v128.and(inv, ok);
      v128.store(out + o, w);
      tot = f64x2.add(tot, w);
    }
    let t0 = f64x2.extract_lane(tot, 0);
    const t1 = f64x2.extract_lane(tot, 1);
    if (i < m) {
      const o = (<usize>i) << 3;
      const s1 = load<f64>(sum + hiS + o) - load<f64>(sum + loS + o);
      const s2 = load<f64>(sumSq + hiS + o) - load<f64>(sumSq + loS + o);
      const centred = s2 - s1 * s1 * (1 / <f64>k0);
      const inv = 1 / Math.sqrt(centred * (1 / <f64>(k0 - 1)));
      const w = centred > 1e-12 * s2 && inv > 0 && inv < Infinity ? inv : 0;
      store<f64>(out + o, w);
      t0 += w;
    }
    const total = t0 + t1;
    if (total == 0) {
      const w = fallbackEqual != 0 ? 1 / <f64>m : 0;
      for (let j: i32 = 0; j < m; j++) store<f64>(out + ((<usize>j) << 3), w);
    } else {
      const scale = f64x2.splat(1 / total);
      let j: i32 = 0;
      for (; j + 1 < m; j += 2) v128.store(out + ((<usize>j) << 3), f64x2.mul(v128.load(out + ((<usize>j) << 3)), scale));
      if (j < m) store<f64>(out + ((<usize>j) << 3), load<f64>(out + ((<usize>j) << 3)) * (1 / total));
    }
    store<u8>(done + <usize>row, 1);
  }
}

/** Σ_a units_a · fill[base + a] in four interleaved partial sums (sweepSimulate.ts holdingsValue). */
// @ts-ignore: decorator
@inline
function holdingsValue(units: usize, row: usize, m: i32): f64 {
  let s01 = f64x2.splat(0);
  let s23 = f64x2.splat(0);
  let a: i32 = 0;
  for (; a + 3 < m; a += 4) {
    const o = (<usize>a) << 3;
    s01 = f64x2.add(s01, f64x2.mul(v128.load(units + o), v128.load(row + o)));
    s23 = f64x2.add(s23, f64x2.mul(v128.load(units + o + 16), v128.load(row + o + 16)));
  }
  let s0 = f64x2.extract_lane(s01, 0);
  for (; a < m; a++) s0 += load<f64>(units + ((<usize>a) << 3)) * load<f64>(row + ((<usize>a) << 3));
  return s0 + f64x2.extract_lane(s01, 1) + (f64x2.extract_lane(s23, 0) + f64x2.extract_lane(s23, 1));
}

/**
 * One variant (sweepSimulate.ts): returns into `returns` (n f64, row 0 is 0) and Σ turnover of the
 * non-initial trades as the result. calendar: u8 per period row; cashRet: f64 per period row, or 0
 * for none; pending: 2 × (lag + 1) i32; units: m f64; state: 2 f64. Every decision the calendar
 * takes (rows lo + t with calendar[t] = 1 and t + lag < n) is in targets already.
 */
export function simulate(lo: i32, n: i32, m: i32, fill: usize, recip: usize, calendar: usize, lag: i32, costRate: f64, minTurnover: f64, cashRet: usize, targets: usize, units: usize, returns: usize, pending: usize, state: usize): f64 {
  const slots = lag + 1;
  const pendingDecision = pending + ((<usize>slots) << 2);
  const m8 = (<usize>m) << 3;
  for (let a: i32 = 0; a < m; a++) store<f64>(units + ((<usize>a) << 3), 0);
  for (let s: i32 = 0; s < slots; s++) store<i32>(pending + ((<usize>s) << 2), -1);
  let cash: f64 = 1;
  let prev: f64 = 1;
  let trades: i32 = 0;
  let turnoverSum: f64 = 0;
  // t % slots and (t + lag) % slots, kept as running counters (no division per row).
  let slotIndex: i32 = 0;
  for (let t: i32 = 0; t < n; t++) {
    const base = (<usize>(lo + t)) * m8;
    if (cashRet != 0 && t > 0) cash *= 1 + load<f64>(cashRet + ((<usize>t) << 3));
    let value = cash + holdingsValue(units, fill + base, m);
    const cur = slotIndex;
    slotIndex = cur + 1 == slots ? 0 : cur + 1;
    const slot = (<usize>cur) << 2;
    let off: isize = -1;
    let initial = false;
    if (lag > 0 && load<i32>(pending + slot) >= 0) {
      off = <isize>load<i32>(pending + slot);
      initial = load<i32>(pendingDecision + slot) == 0;
      store<i32>(pending + slot, -1);
    }
    if (load<u8>(calendar + <usize>t) == 1 && t + lag < n) {
      const decided = (lo + t) * m;
      if (lag == 0) {
        off = <isize>decided;
        initial = t == 0;
      } else {
        // (t + lag) % slots = (t + slots − 1) % slots: the slot before this row's, cyclically.
        const target = (<usize>(cur == 0 ? slots - 1 : cur - 1)) << 2;
        store<i32>(pending + target, decided);
        store<i32>(pendingDecision + target, t);
      }
    }
    if (off >= 0) {
      const tg = targets + ((<usize>off) << 3);
      const f = fill + base;
      if (!(minTurnover > 0 && trades > 0 && turnoverOf(units, f, tg, m, value) < minTurnover)) {
        value = costRate == 0 ? tradeFree(units, f, recip + base, tg, m, value, state) : tradeWithCost(units, f, recip + base, tg, m, value, costRate, state);
        cash = load<f64>(state);
        if (!initial) turnoverSum += load<f64>(state, 8);
        trades++;
      }
    }
    store<f64>(returns + ((<usize>t) << 3), t == 0 ? 0 : t == 1 ? value - 1 : value / prev - 1);
    prev = value;
  }
  return turnoverSum;
}

// The trades in f64x2 lanes: two assets at a time, the sums of the even and of the odd assets
// kept apart (the odd last asset of an odd m goes to the even sum) and added at the end, as
// sweepSimulate.ts adds them.

/** Σ_a |w_a·value − units_a·p_a| over the assets priced on the row (targets on unpriced assets count as 0). */
function tradedAt(units: usize, f: usize, tg: usize, m: i32, value: f64): f64 {
  const zero = f64x2.splat(0);
  const v = f64x2.splat(value);
  let acc = zero;
  let a: i32 = 0;
  for (; a + 1 < m; a += 2) {
    const o = (<usize>a) << 3;
    const p = v128.load(f + o);
    const w = v128.and(v128.load(tg + o), f64x2.gt(p, zero));
    acc = f64x2.add(acc, f64x2.abs(f64x2.sub(f64x2.mul(w, v), f64x2.mul(v128.load(units + o), p))));
  }
  let t0 = f64x2.extract_lane(acc, 0);
  if (a < m) {
    const o = (<usize>a) << 3;
    const p = load<f64>(f + o);
    const w = p > 0 ? load<f64>(tg + o) : 0;
    t0 += Math.abs(w * value - load<f64>(units + o) * p);
  }
  return t0 + f64x2.extract_lane(acc, 1);
}

function turnoverOf(units: usize, f: usize, tg: usize, m: i32, value: f64): f64 {
  return tradedAt(units, f, tg, m, value) / (2 * value);
}

function tradeFree(units: usize, f: usize, rc: usize, tg: usize, m: i32, value: f64, state: usize): f64 {
  const zero = f64x2.splat(0);
  const v = f64x2.splat(value);
  let traded = zero;
  let invested = zero;
  let a: i32 = 0;
  for (; a + 1 < m; a += 2) {
    const o = (<usize>a) << 3;
    const p = v128.load(f + o);
    const target = f64x2.mul(v128.and(v128.load(tg + o), f64x2.gt(p, zero)), v);
    traded = f64x2.add(traded, f64x2.abs(f64x2.sub(target, f64x2.mul(v128.load(units + o), p))));
    v128.store(units + o, f64x2.mul(target, v128.load(rc + o)));
    invested = f64x2.add(invested, target);
  }
  let t0 = f64x2.extract_lane(traded, 0);
  let i0 = f64x2.extract_lane(invested, 0);
  if (a < m) {
    const o = (<usize>a) << 3;
    const p = load<f64>(f + o);
    const target = (p > 0 ? load<f64>(tg + o) : 0) * value;
    t0 += Math.abs(target - load<f64>(units + o) * p);
    store<f64>(units + o, target * load<f64>(rc + o));
    i0 += target;
  }
  store<f64>(state, value - (i0 + f64x2.extract_lane(invested, 1)));
  store<f64>(state, (t0 + f64x2.extract_lane(traded, 1)) / (2 * value), 8);
  return value;
}

function tradeWithCost(units: usize, f: usize, rc: usize, tg: usize, m: i32, value: f64, costRate: f64, state: usize): f64 {
  const zero = f64x2.splat(0);
  let cost: f64 = 0;
  let traded: f64 = 0;
  for (let iter = 0; iter < 50; iter++) {
    traded = tradedAt(units, f, tg, m, value - cost);
    const next = costRate * traded;
    const done = Math.abs(next - cost) <= 1e-16 * value;
    cost = next;
    if (done) break;
  }
  const post = value - cost;
  const pv = f64x2.splat(post);
  let invested = zero;
  let a: i32 = 0;
  for (; a + 1 < m; a += 2) {
    const o = (<usize>a) << 3;
    const p = v128.load(f + o);
    const target = f64x2.mul(v128.and(v128.load(tg + o), f64x2.gt(p, zero)), pv);
    v128.store(units + o, f64x2.mul(target, v128.load(rc + o)));
    invested = f64x2.add(invested, target);
  }
  let i0 = f64x2.extract_lane(invested, 0);
  if (a < m) {
    const o = (<usize>a) << 3;
    const p = load<f64>(f + o);
    const target = (p > 0 ? load<f64>(tg + o) : 0) * post;
    store<f64>(units + o, target * load<f64>(rc + o));
    i0 += target;
  }
  store<f64>(state, post - (i0 + f64x2.extract_lane(invested, 1)));
  store<f64>(state, traded / (2 * value), 8);
  return post;
}
