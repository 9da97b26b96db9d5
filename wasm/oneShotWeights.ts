// The one-shot route's inverse-vol weights from its block sums (engine/oneShotRoute.ts); see kernels.ts.

/**
 * Inverse-vol weights of D decisions of a one-shot run straight from the block sums (blockMoments'
 * outputs, K × m entries): decision d's window covers blocks k0[d]..k1[d]−1, whose count, Σr and
 * Σr² per asset are summed (two assets per f64x2), then, as plainWeights
 * (engine/plainDecisions.ts) decides it: a candidate is usable when eligible (m u8 at
 * eligible + d · m), with at least `need` returns, a centred sum above 1e-12 of Σr², and 1/σ
 * finite and > 0; the weights 1/σ over their sum into w + d · m · 8 (all 0 when none is usable),
 * and 1 or 0 (none usable) at status + d · 4.
 *
 * Not the prepared route's arithmetic (inverseVolPrefix), and not the same bits; what differs,
 * and the bound (u = 2^−53):
 * - 1/σ = √(k(k − 1) / (k·Σr² − (Σr)²)) for k returns: one division and one square root, where
 *   inverseVolPrefix does σ = √((Σr² − (Σr)²/k)/(k − 1)), then 1/σ (three divisions and a root).
 *   k(k − 1) is exact; k·Σr² − (Σr)² carries the same cancellation as the centred sum, relative
 *   error ≤ 2u·(k·Σr² + (Σr)²)/(k·Σr² − (Σr)²) + u (the prepared route's centred sum has the same
 *   factor); the division and the root add u and u/2 + half the radicand's: 1/σ is within
 *   (k·Σr² + (Σr)²)/(k·Σr² − (Σr)²)·u + 2u relative of the exact value of its inputs.
 * - The centred test k·Σr² − (Σr)² > 1e-12·k·Σr² is the same inequality multiplied by k > 0;
 *   only a window within rounding of the bound (σ² ≈ 1e-12 of the mean square: a price that all
 *   but stands still) may fall on the other side. A window of exactly equal returns gives 0 on
 *   both sides: not usable.
 * - The sum of the 1/σ is taken as two partial sums (even and odd candidates) added at the end,
 *   and each weight is 1/σ · (1/sum) (two roundings, not one): relative error ≤ (n + 1)·u over
 *   the candidates' n.
 * Every weight is thus within ~1e−15 relative of the prepared route's on well-conditioned
 * windows (tested to 1e−12 absolute on every decision).
 */
export function oneShotWeights(m: i32, D: i32, k0s: usize, k1s: usize, bc: usize, bs: usize, bq: usize, eligible: usize, need: i32, w: usize, status: usize): void {
  const mb = (<usize>m) << 3;
  const mi = (<usize>m) << 2;
  const zero = f64x2.splat(0);
  const one = f64x2.splat(1);
  const tiny = f64x2.splat(1e-12);
  const needs = i32x4.splat(need);
  for (let d: i32 = 0; d < D; d++) {
    const k0 = load<i32>(k0s + ((<usize>d) << 2));
    const k1 = load<i32>(k1s + ((<usize>d) << 2));
    const wd = w + (<usize>d) * mb;
    const ed = eligible + (<usize>d) * (<usize>m);
    let tot = zero;
    for (let a: i32 = 0; a < m; a += 2) {
      const ao = (<usize>a) << 3;
      const ai = (<usize>a) << 2;
      let s1 = zero;
      let s2 = zero;
      let k = i32x4.splat(0);
      for (let b = k0; b < k1; b++) {
        s1 = f64x2.add(s1, v128.load(bs + (<usize>b) * mb + ao));
        s2 = f64x2.add(s2, v128.load(bq + (<usize>b) * mb + ao));
        k = i32x4.add(k, v128.load64_zero(bc + (<usize>b) * mi + ai));
      }
      // Eligible (u8 == 1) with at least `need` returns, as an i64 mask per lane.
      const e = i32x4.extend_low_i16x8_u(i16x8.extend_low_i8x16_u(v128.load16_splat(ed + <usize>a)));
      const base = i64x2.extend_low_i32x4_s(v128.and(i32x4.eq(e, i32x4.splat(1)), i32x4.ge_s(k, needs)));
      const kk = f64x2.convert_low_i32x4_s(k);
      const ks2 = f64x2.mul(kk, s2);
      const cm = f64x2.sub(ks2, f64x2.mul(s1, s1));
      const inv = f64x2.sqrt(f64x2.div(f64x2.mul(kk, f64x2.sub(kk, one)), cm));
      const spread = f64x2.gt(cm, f64x2.mul(tiny, ks2));
      const finite = v128.and(f64x2.gt(inv, zero), f64x2.eq(f64x2.sub(inv, inv), zero));
      const wv = v128.and(inv, v128.and(base, v128.and(spread, finite)));
      if (a + 1 < m) {
        v128.store(wd + ao, wv);
        tot = f64x2.add(tot, wv);
      } else {
        // An odd last asset: its lanes read one entry past the row (the next row's first, or the
        // areas after the last row); only lane 0 is kept.
        const w0 = f64x2.replace_lane(wv, 1, 0);
        v128.store64_lane(wd + ao, w0, 0);
        tot = f64x2.add(tot, w0);
      }
    }
    const total = f64x2.extract_lane(tot, 0) + f64x2.extract_lane(tot, 1);
    store<i32>(status + ((<usize>d) << 2), total > 0 ? 1 : 0);
    if (!(total > 0)) continue;
    const rt = f64x2.splat(1 / total);
    let i: i32 = 0;
    for (; i + 1 < m; i += 2) v128.store(wd + ((<usize>i) << 3), f64x2.mul(v128.load(wd + ((<usize>i) << 3)), rt));
    if (i < m) store<f64>(wd + ((<usize>i) << 3), load<f64>(wd + ((<usize>i) << 3)) * f64x2.extract_lane(rt, 0));
  }
}
