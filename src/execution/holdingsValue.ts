/**
 * The value of the holdings on a row: cash + Σ_j u_j · p̃_j over the held assets, with p̃ the
 * forward-filled prices row-major (filledPrices.ts). Four partial sums, combined as
 * (s0 + s1) + (s2 + s3), in the same order by every function here, so a row valued through any
 * of them has the same value to the last bit.
 */

/** cash + Σ_j u_j · F[rowBase + col_j] over the held assets, in four partial sums. */
export function heldValue(F: Float64Array, rowBase: number, cols: Int32Array, units: Float64Array, h: number, cash: number): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let j = 0;
  for (; j + 3 < h; j += 4) {
    s0 += units[j]! * F[rowBase + cols[j]!]!;
    s1 += units[j + 1]! * F[rowBase + cols[j + 1]!]!;
    s2 += units[j + 2]! * F[rowBase + cols[j + 2]!]!;
    s3 += units[j + 3]! * F[rowBase + cols[j + 3]!]!;
  }
  for (; j < h; j++) s0 += units[j]! * F[rowBase + cols[j]!]!;
  return cash + (s0 + s1 + (s2 + s3));
}

/** cash + Σ_j u_j · F[from + j] over h consecutive entries, in four partial sums (as heldValue). */
export function denseValue(F: Float64Array, from: number, units: Float64Array, h: number, cash: number): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let j = 0;
  for (; j + 3 < h; j += 4) {
    s0 += units[j]! * F[from + j]!;
    s1 += units[j + 1]! * F[from + j + 1]!;
    s2 += units[j + 2]! * F[from + j + 2]!;
    s3 += units[j + 3]! * F[from + j + 3]!;
  }
  for (; j < h; j++) s0 += units[j]! * F[from + j]!;
  return cash + (s0 + s1 + (s2 + s3));
}

/** equity[r] = cash + Σ_j u_j · F[first + r · stride + j] for rows from..to−1 (as denseValue, row by row). */
export function denseRows(F: Float64Array, first: number, stride: number, units: Float64Array, h: number, cash: number, equity: Float64Array, cashSeries: Float64Array, from: number, to: number): void {
  for (let r = from; r < to; r++) {
    const at = first + r * stride;
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    let j = 0;
    for (; j + 3 < h; j += 4) {
      s0 += units[j]! * F[at + j]!;
      s1 += units[j + 1]! * F[at + j + 1]!;
      s2 += units[j + 2]! * F[at + j + 2]!;
      s3 += units[j + 3]! * F[at + j + 3]!;
    }
    for (; j < h; j++) s0 += units[j]! * F[at + j]!;
    equity[r] = cash + (s0 + s1 + (s2 + s3));
    cashSeries[r] = cash;
  }
}
