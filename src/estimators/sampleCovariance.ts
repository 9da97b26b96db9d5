/**
 * Sample covariance (divisor n − 1) of k series over a window, two-pass (mean first, then
 * centred cross products) for numerical accuracy.
 *
 * Input is column-major: `returns[i * length + s]` is series i at window row s. Rows where any
 * of the k series is NaN are skipped for every pair (listwise deletion), so the result is always
 * positive semi-definite. Returns a row-major k×k Float64Array (symmetric), and the number of
 * complete rows used in `rowsUsed`. With fewer than 2 complete rows every entry is NaN.
 */
export function sampleCovariance(
  returns: Float64Array,
  k: number,
  length: number,
  out: Float64Array = new Float64Array(k * k),
): { cov: Float64Array; rowsUsed: number } {
  const complete = new Uint8Array(length);
  let rows = 0;
  for (let s = 0; s < length; s++) {
    let ok = 1;
    for (let i = 0; i < k; i++) {
      if (Number.isNaN(returns[i * length + s] as number)) {
        ok = 0;
        break;
      }
    }
    complete[s] = ok;
    rows += ok;
  }
  if (rows < 2) {
    out.fill(Number.NaN);
    return { cov: out, rowsUsed: rows };
  }
  const mean = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    let sum = 0;
    const base = i * length;
    for (let s = 0; s < length; s++) if (complete[s]) sum += returns[base + s] as number;
    mean[i] = sum / rows;
  }
  for (let i = 0; i < k; i++) {
    const bi = i * length;
    const mi = mean[i] as number;
    for (let j = i; j < k; j++) {
      const bj = j * length;
      const mj = mean[j] as number;
      let sum = 0;
      for (let s = 0; s < length; s++) {
        if (complete[s]) sum += ((returns[bi + s] as number) - mi) * ((returns[bj + s] as number) - mj);
      }
      const c = sum / (rows - 1);
      out[i * k + j] = c;
      out[j * k + i] = c;
    }
  }
  return { cov: out, rowsUsed: rows };
}
