/**
 * The prepared panel's pass over eight assets at once (preparePanel.ts): for assets a..a+7, row
 * by row, the simple return r = p_t / p_{t−1} − 1, the running count of finite returns and the
 * TwoSum-compensated running Σr and Σr² (stored as prefix sums over rows < t + 1, row-major),
 * and the forward-filled price. Eight lanes, each the same few lines for one asset, kept in
 * local variables: each row then writes a whole cache line of every output (8 × 8 bytes), and
 * the eight running sums are independent chains the CPU overlaps. Lane j's arithmetic is exactly
 * the pair pass's for one asset, so both give the same bits. A return counts when finite
 * (r − r === 0: neither NaN nor ±∞, as after a zero price), as the allocators' own window
 * checks count it.
 */
import type { PanelBuffers } from './preparePanel.js';

export function prefixEight(values: Float64Array, N: number, m: number, a: number, out: PanelBuffers): void {
  const { count, sum, sumSq, filled } = out;
  const b0 = (a + 0) * N;
  const b1 = (a + 1) * N;
  const b2 = (a + 2) * N;
  const b3 = (a + 3) * N;
  const b4 = (a + 4) * N;
  const b5 = (a + 5) * N;
  const b6 = (a + 6) * N;
  const b7 = (a + 7) * N;
  let s0 = 0, e0 = 0, q0 = 0, f0 = 0, k0 = 0; // prettier-ignore
  let s1 = 0, e1 = 0, q1 = 0, f1 = 0, k1 = 0; // prettier-ignore
  let s2 = 0, e2 = 0, q2 = 0, f2 = 0, k2 = 0; // prettier-ignore
  let s3 = 0, e3 = 0, q3 = 0, f3 = 0, k3 = 0; // prettier-ignore
  let s4 = 0, e4 = 0, q4 = 0, f4 = 0, k4 = 0; // prettier-ignore
  let s5 = 0, e5 = 0, q5 = 0, f5 = 0, k5 = 0; // prettier-ignore
  let s6 = 0, e6 = 0, q6 = 0, f6 = 0, k6 = 0; // prettier-ignore
  let s7 = 0, e7 = 0, q7 = 0, f7 = 0, k7 = 0; // prettier-ignore
  let p0 = values[b0]!;
  let p1 = values[b1]!;
  let p2 = values[b2]!;
  let p3 = values[b3]!;
  let p4 = values[b4]!;
  let p5 = values[b5]!;
  let p6 = values[b6]!;
  let p7 = values[b7]!;
  let l0 = p0 > 0 ? p0 : Number.NaN;
  let l1 = p1 > 0 ? p1 : Number.NaN;
  let l2 = p2 > 0 ? p2 : Number.NaN;
  let l3 = p3 > 0 ? p3 : Number.NaN;
  let l4 = p4 > 0 ? p4 : Number.NaN;
  let l5 = p5 > 0 ? p5 : Number.NaN;
  let l6 = p6 > 0 ? p6 : Number.NaN;
  let l7 = p7 > 0 ? p7 : Number.NaN;
  for (let j = 0; j < 8; j++) {
    count[a + j] = count[m + a + j] = 0;
    sum[a + j] = sum[m + a + j] = 0;
    sumSq[a + j] = sumSq[m + a + j] = 0;
  }
  filled[a + 0] = l0;
  filled[a + 1] = l1;
  filled[a + 2] = l2;
  filled[a + 3] = l3;
  filled[a + 4] = l4;
  filled[a + 5] = l5;
  filled[a + 6] = l6;
  filled[a + 7] = l7;
  for (let t = 1; t < N; t++) {
    const row = t * m + a;
    const at = row + m;
    let x: number, r: number, u: number, v: number, w: number; // prettier-ignore
    // lane 0
    x = values[b0 + t]!;
    r = x / p0 - 1;
    p0 = x;
    if (x > 0) l0 = x;
    filled[row + 0] = l0;
    if (r - r === 0) {
      u = s0 + r;
      v = u - s0;
      e0 += s0 - (u - v) + (r - v);
      s0 = u;
      w = r * r;
      u = q0 + w;
      v = u - q0;
      f0 += q0 - (u - v) + (w - v);
      q0 = u;
      k0++;
    }
    count[at + 0] = k0;
    sum[at + 0] = s0 + e0;
    sumSq[at + 0] = q0 + f0;
    // lane 1
    x = values[b1 + t]!;
    r = x / p1 - 1;
    p1 = x;
    if (x > 0) l1 = x;
    filled[row + 1] = l1;
    if (r - r === 0) {
      u = s1 + r;
      v = u - s1;
      e1 += s1 - (u - v) + (r - v);
      s1 = u;
      w = r * r;
      u = q1 + w;
      v = u - q1;
      f1 += q1 - (u - v) + (w - v);
      q1 = u;
      k1++;
    }
    count[at + 1] = k1;
    sum[at + 1] = s1 + e1;
    sumSq[at + 1] = q1 + f1;
    // lane 2
    x = values[b2 + t]!;
    r = x / p2 - 1;
    p2 = x;
    if (x > 0) l2 = x;
    filled[row + 2] = l2;
    if (r - r === 0) {
      u = s2 + r;
      v = u - s2;
      e2 += s2 - (u - v) + (r - v);
      s2 = u;
      w = r * r;
      u = q2 + w;
      v = u - q2;
      f2 += q2 - (u - v) + (w - v);
      q2 = u;
      k2++;
    }
    count[at + 2] = k2;
    sum[at + 2] = s2 + e2;
    sumSq[at + 2] = q2 + f2;
    // lane 3
    x = values[b3 + t]!;
    r = x / p3 - 1;
    p3 = x;
    if (x > 0) l3 = x;
    filled[row + 3] = l3;
    if (r - r === 0) {
      u = s3 + r;
      v = u - s3;
      e3 += s3 - (u - v) + (r - v);
      s3 = u;
      w = r * r;
      u = q3 + w;
      v = u - q3;
      f3 += q3 - (u - v) + (w - v);
      q3 = u;
      k3++;
    }
    count[at + 3] = k3;
    sum[at + 3] = s3 + e3;
    sumSq[at + 3] = q3 + f3;
    // lane 4
    x = values[b4 + t]!;
    r = x / p4 - 1;
    p4 = x;
    if (x > 0) l4 = x;
    filled[row + 4] = l4;
    if (r - r === 0) {
      u = s4 + r;
      v = u - s4;
      e4 += s4 - (u - v) + (r - v);
      s4 = u;
      w = r * r;
      u = q4 + w;
      v = u - q4;
      f4 += q4 - (u - v) + (w - v);
      q4 = u;
      k4++;
    }
    count[at + 4] = k4;
    sum[at + 4] = s4 + e4;
    sumSq[at + 4] = q4 + f4;
    // lane 5
    x = values[b5 + t]!;
    r = x / p5 - 1;
    p5 = x;
    if (x > 0) l5 = x;
    filled[row + 5] = l5;
    if (r - r === 0) {
      u = s5 + r;
      v = u - s5;
      e5 += s5 - (u - v) + (r - v);
      s5 = u;
      w = r * r;
      u = q5 + w;
      v = u - q5;
      f5 += q5 - (u - v) + (w - v);
      q5 = u;
      k5++;
    }
    count[at + 5] = k5;
    sum[at + 5] = s5 + e5;
    sumSq[at + 5] = q5 + f5;
    // lane 6
    x = values[b6 + t]!;
    r = x / p6 - 1;
    p6 = x;
    if (x > 0) l6 = x;
    filled[row + 6] = l6;
    if (r - r === 0) {
      u = s6 + r;
      v = u - s6;
      e6 += s6 - (u - v) + (r - v);
      s6 = u;
      w = r * r;
      u = q6 + w;
      v = u - q6;
      f6 += q6 - (u - v) + (w - v);
      q6 = u;
      k6++;
    }
    count[at + 6] = k6;
    sum[at + 6] = s6 + e6;
    sumSq[at + 6] = q6 + f6;
    // lane 7
    x = values[b7 + t]!;
    r = x / p7 - 1;
    p7 = x;
    if (x > 0) l7 = x;
    filled[row + 7] = l7;
    if (r - r === 0) {
      u = s7 + r;
      v = u - s7;
      e7 += s7 - (u - v) + (r - v);
      s7 = u;
      w = r * r;
      u = q7 + w;
      v = u - q7;
      f7 += q7 - (u - v) + (w - v);
      q7 = u;
      k7++;
    }
    count[at + 7] = k7;
    sum[at + 7] = s7 + e7;
    sumSq[at + 7] = q7 + f7;
  }
}
