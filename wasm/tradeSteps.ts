// The steps of a trade in the simulation loop (simulate.ts): execute, turnoverAt and tradeCost
// of execution/simulateKernel.ts, two assets per f64x2 where the operations are per asset, and
// every sum over the assets added one asset at a time in ascending order, as the loop adds it
// (so the same bits). Byte addresses of m f64 each (m i32 for columns).

/**
 * The row's prices of the m assets into px (px[a] = row[cols[a]]), their targets without a price
 * (not > 0) to cash (base[a] = 0), and the holdings' values before the trade: hv[a] = u_a = 0 ?
 * 0 : u_a · p_a. With the columns consecutive from colsFrom (≥ 0), the prices are read in place
 * and px is not written. Returns where the prices are (px, or the row's entry colsFrom).
 */
export function pricedHoldings(row: usize, cols: usize, colsFrom: i32, base: usize, px: usize, units: usize, hv: usize, m: i32): usize {
  const zero = f64x2.splat(0);
  const at = colsFrom >= 0 ? row + ((<usize>colsFrom) << 3) : px;
  let a: i32 = 0;
  for (; a + 1 < m; a += 2) {
    const o = (<usize>a) << 3;
    let p: v128;
    if (colsFrom >= 0) p = v128.load(at + o);
    else {
      const k = cols + ((<usize>a) << 2);
      p = f64x2.replace_lane(f64x2.splat(load<f64>(row + ((<usize>load<i32>(k)) << 3))), 1, load<f64>(row + ((<usize>load<i32>(k, 4)) << 3)));
      v128.store(px + o, p);
    }
    v128.store(base + o, v128.and(v128.load(base + o), f64x2.gt(p, zero)));
    const u = v128.load(units + o);
    v128.store(hv + o, v128.andnot(f64x2.mul(u, p), f64x2.eq(u, zero)));
  }
  if (a < m) {
    const o = (<usize>a) << 3;
    const p = load<f64>(row + ((<usize>load<i32>(cols + ((<usize>a) << 2))) << 3));
    if (colsFrom < 0) store<f64>(px + o, p);
    if (!(p > 0)) store<f64>(base + o, 0);
    const u = load<f64>(units + o);
    store<f64>(hv + o, u == 0 ? 0 : u * p);
  }
  return at;
}

/** Σ_a |base_a · v − hv_a|, added in ascending a. */
export function tradedSum(base: usize, hv: usize, v: f64, m: i32): f64 {
  const V = f64x2.splat(v);
  let sum: f64 = 0;
  let a: i32 = 0;
  for (; a + 1 < m; a += 2) {
    const o = (<usize>a) << 3;
    const d = f64x2.abs(f64x2.sub(f64x2.mul(v128.load(base + o), V), v128.load(hv + o)));
    sum += f64x2.extract_lane(d, 0);
    sum += f64x2.extract_lane(d, 1);
  }
  if (a < m) {
    const o = (<usize>a) << 3;
    sum += abs<f64>(load<f64>(base + o) * v - load<f64>(hv + o));
  }
  return sum;
}

/** Σ_a |base_a · post − hv_a| of the last newUnits with `traded` set. */
export let tradedOut: f64 = 0;

/**
 * The units after the trade at post-trade equity `post`: u_a = w_a = 0 ? 0 : (w_a · post) / p_a
 * (w = base, priced targets); returns the invested Σ_a w_a · post, added in ascending a. With
 * `traded`, also Σ_a |w_a · post − hv_a| in ascending a into tradedOut (the loop's turnover
 * without costs, in the same pass).
 */
export function newUnits(base: usize, px: usize, hv: usize, units: usize, post: f64, m: i32, traded: bool): f64 {
  const P = f64x2.splat(post);
  const zero = f64x2.splat(0);
  let invested: f64 = 0;
  let sum: f64 = 0;
  let a: i32 = 0;
  for (; a + 1 < m; a += 2) {
    const o = (<usize>a) << 3;
    const w = v128.load(base + o);
    const wp = f64x2.mul(w, P);
    if (traded) {
      const d = f64x2.abs(f64x2.sub(wp, v128.load(hv + o)));
      sum += f64x2.extract_lane(d, 0);
      sum += f64x2.extract_lane(d, 1);
    }
    v128.store(units + o, v128.andnot(f64x2.div(wp, v128.load(px + o)), f64x2.eq(w, zero)));
    invested += f64x2.extract_lane(wp, 0);
    invested += f64x2.extract_lane(wp, 1);
  }
  if (a < m) {
    const o = (<usize>a) << 3;
    const w = load<f64>(base + o);
    if (traded) sum += abs<f64>(w * post - load<f64>(hv + o));
    store<f64>(units + o, w == 0 ? 0 : (w * post) / load<f64>(px + o));
    invested += w * post;
  }
  tradedOut = sum;
  return invested;
}

/**
 * The held list: the entries (cols) and units of the assets with u ≠ 0, in asset order, into
 * heldCol and heldUnits; returns their number. Every asset held (the usual case, found two at a
 * time): both copied as they are.
 */
export function heldList(units: usize, cols: usize, m: i32, heldCol: usize, heldUnits: usize): i32 {
  const zero = f64x2.splat(0);
  let zeros = zero;
  let a: i32 = 0;
  for (; a + 1 < m; a += 2) zeros = v128.or(zeros, f64x2.eq(v128.load(units + ((<usize>a) << 3)), zero));
  if (!v128.any_true(zeros) && !(a < m && load<f64>(units + ((<usize>a) << 3)) == 0)) {
    memory.copy(heldUnits, units, (<usize>m) << 3);
    memory.copy(heldCol, cols, (<usize>m) << 2);
    return m;
  }
  let h: i32 = 0;
  for (a = 0; a < m; a++) {
    const u = load<f64>(units + ((<usize>a) << 3));
    // Written at slot h whatever u (h ≤ a < m); kept by moving on only when u ≠ 0.
    store<i32>(heldCol + ((<usize>h) << 2), load<i32>(cols + ((<usize>a) << 2)));
    store<f64>(heldUnits + ((<usize>h) << 3), u);
    h += i32(u != 0);
  }
  return h;
}

/** The first entry of h held entries when they are consecutive (heldCol[j] = heldCol[0] + j), else −1. */
export function consecutiveFrom(heldCol: usize, h: i32): i32 {
  if (h == 0) return -1;
  const from = load<i32>(heldCol);
  for (let j: i32 = 1; j < h; j++) if (load<i32>(heldCol + ((<usize>j) << 2)) != from + j) return -1;
  return from;
}
