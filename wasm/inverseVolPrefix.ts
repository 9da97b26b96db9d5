// Plain inverse-vol decisions from prefix sums (engine/plainDecisions.ts); see kernels.ts.

/**
 * Inverse-vol weights of one decision from a prepared panel's prefix sums, for n consecutive
 * panel columns from c0 (engine/plainDecisions.ts: plainWeights on prefix differences, the same
 * operations in the same order): each window's count, Σr and Σr² as differences of prefix rows
 * `hi` and `lo` (row-major, nAssets entries a row), σ = √((Σr² − (Σr)²/m)/(m − 1)) two assets
 * per f64x2, then candidate by candidate: usable when eligible (n u8 at `eligible`), with at
 * least `need` returns and a centred sum above 1e-12 of Σr², 1/σ summed in candidate order, and
 * the weights 1/σ over the sum into w (n f64). Returns 1, or 0 when no candidate is usable.
 *
 * Branch-free: a candidate that is not usable gets +0, stored and added to the sum (the sum is
 * never −0, so adding +0 leaves its bits, as skipping it did).
 */
export function inverseVolPrefix(count: usize, sum: usize, sumSq: usize, nAssets: i32, c0: i32, n: i32, hi: i32, lo: i32, eligible: usize, need: i32, w: usize): i32 {
  return prefixDecision(count, sum, sumSq, nAssets, c0, n, hi, lo, eligible, need, w, 0, 0);
}

/**
 * inverseVolPrefix, with the counts taken from the candidates' priced spans when `first` is not 0
 * (n i32 at `first` and at `last`): for a column priced on every row of its span [f, l] and on no
 * other, the finite returns are rows f + 1..l, so the count over prefix rows < r is
 * c(r) = max(0, min(r − 1, l) − f), and a window's count c(hi) − c(lo): the same integers as
 * the prefix counts' difference (the caller checks that each column's total count is l − f), read
 * from two small arrays instead of two rows of the count prefix sums.
 */
// @ts-ignore: decorator
@inline
function prefixDecision(count: usize, sum: usize, sumSq: usize, nAssets: i32, c0: i32, n: i32, hi: i32, lo: i32, eligible: usize, need: i32, w: usize, first: usize, last: usize): i32 {
  const hiF = (<usize>(hi * nAssets + c0)) << 3;
  const loF = (<usize>(lo * nAssets + c0)) << 3;
  const hiI = (<usize>(hi * nAssets + c0)) << 2;
  const loI = (<usize>(lo * nAssets + c0)) << 2;
  const needs = i32x4.splat(need);
  let total: f64 = 0;
  let a: i32 = 0;
  for (; a + 1 < n; a += 2) {
    const o = (<usize>a) << 3;
    const oi = (<usize>a) << 2;
    const k = first != 0 ? spanCounts(first + oi, last + oi, hi, lo) : i32x4.sub(v128.load64_zero(count + hiI + oi), v128.load64_zero(count + loI + oi));
    const s1 = f64x2.sub(v128.load(sum + hiF + o), v128.load(sum + loF + o));
    const s2 = f64x2.sub(v128.load(sumSq + hiF + o), v128.load(sumSq + loF + o));
    // Eligible (u8 == 1) and at least `need` returns, as an i64 mask per lane.
    const e = i32x4.extend_low_i16x8_u(i16x8.extend_low_i8x16_u(v128.load16_splat(eligible + <usize>a)));
    const base = i64x2.extend_low_i32x4_s(v128.and(i32x4.eq(e, i32x4.splat(1)), i32x4.ge_s(k, needs)));
    const wv = pairWeight(k, s1, s2, base);
    v128.store(w + o, wv);
    total = total + f64x2.extract_lane(wv, 0);
    total = total + f64x2.extract_lane(wv, 1);
  }
  if (a < n) {
    const o = (<usize>a) << 3;
    const oi = (<usize>a) << 2;
    const m = first != 0 ? i32x4.extract_lane(spanCounts(first + oi, last + oi, hi, lo), 0) : load<i32>(count + hiI + oi) - load<i32>(count + loI + oi);
    const s1 = load<f64>(sum + hiF + o) - load<f64>(sum + loF + o);
    const s2 = load<f64>(sumSq + hiF + o) - load<f64>(sumSq + loF + o);
    const centred = s2 - (s1 * s1) / <f64>m;
    const sd = sqrt<f64>(centred / <f64>(m - 1));
    const inv = 1 / sd;
    const ok = load<u8>(eligible + <usize>a) == 1 && m >= need && centred > 1e-12 * s2 && sd > 0 && sd - sd == 0;
    const wv = ok ? inv : 0;
    store<f64>(w + o, wv);
    total = total + wv;
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

/**
 * Window counts of two candidates (low two i32 lanes; the tail's second lane is never used) from
 * their priced spans f and l: c(hi) − c(lo) with c(r) = max(0, min(r − 1, l) − f).
 */
// @ts-ignore: decorator
@inline
function spanCounts(first: usize, last: usize, hi: i32, lo: i32): v128 {
  const f = v128.load64_zero(first);
  const l = v128.load64_zero(last);
  const zero = i32x4.splat(0);
  const ch = i32x4.max_s(zero, i32x4.sub(i32x4.min_s(i32x4.splat(hi - 1), l), f));
  const cl = i32x4.max_s(zero, i32x4.sub(i32x4.min_s(i32x4.splat(lo - 1), l), f));
  return i32x4.sub(ch, cl);
}

/**
 * 1/σ of two candidates (f64x2 lanes) from their counts k (i32x4, low two lanes), Σr and Σr², or
 * +0 where `base` (i64 mask: eligible with enough returns) is clear or σ is not usable (centred
 * sum at most 1e-12 of Σr², or σ not finite and > 0): the scalar tests of plainWeights, lane by lane.
 */
// @ts-ignore: decorator
@inline
function pairWeight(k: v128, s1: v128, s2: v128, base: v128): v128 {
  const one = f64x2.splat(1);
  const mm = f64x2.convert_low_i32x4_s(k);
  const centred = f64x2.sub(s2, f64x2.div(f64x2.mul(s1, s1), mm));
  const sd = f64x2.sqrt(f64x2.div(centred, f64x2.sub(mm, one)));
  const inv = f64x2.div(one, sd);
  const spread = f64x2.gt(centred, f64x2.mul(f64x2.splat(1e-12), s2));
  const finite = v128.and(f64x2.gt(sd, f64x2.splat(0)), f64x2.eq(f64x2.sub(sd, sd), f64x2.splat(0)));
  return v128.and(inv, v128.and(base, v128.and(spread, finite)));
}

/**
 * inverseVolPrefix for D decisions in one call: decision d's prefix rows his[d] and los[d]
 * (i32), eligibility n u8 at eligible + d · n, weights n f64 at w + d · n · 8, and 1 or 0 (none
 * usable) at status + d · 4; with `first` not 0, the counts from the priced spans (n i32 at
 * `first` and `last`, prefixDecision) and no count row is read. The prefix rows of decisions a few weeks apart lie on pages of their
 * own (≈ 6 per decision), whose address translations are cold after other work: a first pass
 * reads one word of each page the rows reach, all independent loads (many translations and
 * misses in flight at once, where each decision's own loads came a few at a time between its
 * divisions), so the second pass finds them translated and in cache. Returns what the first pass
 * read, combined (so that its loads are not dropped); callers ignore it.
 */
export function inverseVolPrefixRows(count: usize, sum: usize, sumSq: usize, nAssets: i32, c0: i32, n: i32, D: i32, his: usize, los: usize, eligible: usize, need: i32, w: usize, status: usize, first: usize, last: usize): i32 {
  let touched: i32 = 0;
  const fBytes = (<usize>n) << 3;
  const iBytes = (<usize>n) << 2;
  for (let d: i32 = 0; d < D; d++) {
    const k = (<usize>d) << 2;
    const hiF = (<usize>(load<i32>(his + k) * nAssets + c0)) << 3;
    const loF = (<usize>(load<i32>(los + k) * nAssets + c0)) << 3;
    if (n <= 0) break;
    touched ^= touchPages(sum + hiF, fBytes) ^ touchPages(sum + loF, fBytes) ^ touchPages(sumSq + hiF, fBytes) ^ touchPages(sumSq + loF, fBytes);
    if (first == 0) touched ^= touchPages(count + (hiF >> 1), iBytes) ^ touchPages(count + (loF >> 1), iBytes);
  }
  for (let d: i32 = 0; d < D; d++) {
    const k = (<usize>d) << 2;
    const ok = prefixDecision(count, sum, sumSq, nAssets, c0, n, load<i32>(his + k), load<i32>(los + k), eligible + (<usize>d) * (<usize>n), need, w + (((<usize>d) * (<usize>n)) << 3), first, last);
    store<i32>(status + k, ok);
  }
  return touched;
}

/** One word of every 4 KB page the `bytes` (> 0, a multiple of 4) from `at` reach, and their last word, xor-ed. */
// @ts-ignore: decorator
@inline
function touchPages(at: usize, bytes: usize): i32 {
  let x: i32 = 0;
  const end = at + bytes - 4;
  for (let p = at; p < end; p += 4096) x ^= load<i32>(p);
  return x ^ load<i32>(end);
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
