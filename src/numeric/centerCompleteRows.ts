/**
 * The first stage of a window covariance: incomplete rows (any NaN among the k series) are
 * dropped (listwise deletion) and each series' complete rows are demeaned into one contiguous
 * row-per-series block, centered[i · T + r] for the r-th complete row of series i.
 * Input column-major: `returns[i * length + s]`. With no complete row the block is empty.
 */
export function centerCompleteRows(returns: Float64Array, k: number, length: number): { centered: Float64Array; rowsUsed: number } {
  const rows: number[] = [];
  for (let s = 0; s < length; s++) {
    let ok = true;
    for (let i = 0; i < k; i++) {
      if (Number.isNaN(returns[i * length + s] as number)) {
        ok = false;
        break;
      }
    }
    if (ok) rows.push(s);
  }
  const t = rows.length;
  const x = new Float64Array(k * t);
  if (t < 1) return { centered: x, rowsUsed: t };
  for (let i = 0; i < k; i++) {
    const base = i * length;
    const xb = i * t;
    if (t === length) x.set(returns.subarray(base, base + length), xb);
    else for (let r = 0; r < t; r++) x[xb + r] = returns[base + (rows[r] as number)] as number;
    let sum = 0;
    for (let r = 0; r < t; r++) sum += x[xb + r] as number;
    const mean = sum / t;
    for (let r = 0; r < t; r++) x[xb + r] = (x[xb + r] as number) - mean;
  }
  return { centered: x, rowsUsed: t };
}
