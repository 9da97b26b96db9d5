// Plain inverse-vol decisions from prefix sums or window moments (engine/plainDecisions.ts); see kernels.ts.

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
  // w_i / total, two at a time (each lane the same IEEE division).
  const tt = f64x2.splat(total);
  let i: i32 = 0;
  for (; i + 1 < n; i += 2) {
    const o = (<usize>i) << 3;
    v128.store(w + o, f64x2.div(v128.load(w + o), tt));
  }
  if (i < n) {
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

/**
 * Eligibility of n columns at D decisions from their priced spans (engine/plainDecisions.ts):
 * out[d · n + i] = 1 when first[i] ≤ rows[d] ≤ last[i] (i32 each), else 0. Exact for a column
 * with a price on every row of its span; the caller rewrites the others from their prices.
 */
export function spanEligibility(first: usize, last: usize, n: i32, rows: usize, D: i32, out: usize): void {
  for (let d: i32 = 0; d < D; d++) {
    const r = load<i32>(rows + ((<usize>d) << 2));
    const o = out + (<usize>d) * (<usize>n);
    for (let i: i32 = 0; i < n; i++) {
      const k = (<usize>i) << 2;
      store<u8>(o + <usize>i, load<i32>(first + k) <= r && r <= load<i32>(last + k) ? 1 : 0);
    }
  }
}
