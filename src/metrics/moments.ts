/**
 * Sample statistics over a Float64Array. All are two-pass (mean first, then centred sums).
 * A series whose values are all identical has variance exactly 0 (checked directly, so that
 * rounding in the mean cannot leave a spurious 1e-19 volatility).
 */

/** Arithmetic mean Σr / n (NaN when n = 0). */
export function mean(r: Float64Array): number {
  const n = r.length;
  if (n === 0) return Number.NaN;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += r[i] as number;
  return sum / n;
}

/** True when every value equals the first (an empty or one-value series counts as constant). */
export function isConstant(r: Float64Array): boolean {
  const first = r[0] as number;
  for (let i = 1; i < r.length; i++) if ((r[i] as number) !== first) return false;
  return true;
}

/** Sample standard deviation sd(r, n−1) = √(Σ(r − r̄)² / (n − 1)); NaN when n < 2. */
export function sampleStdDev(r: Float64Array): number {
  const n = r.length;
  if (n < 2) return Number.NaN;
  if (isConstant(r)) return 0;
  const m = mean(r);
  let ss = 0;
  for (let i = 0; i < n; i++) {
    const d = (r[i] as number) - m;
    ss += d * d;
  }
  return Math.sqrt(ss / (n - 1));
}

/** Population central moment m_k = Σ(r − r̄)^k / n. */
export function centralMoment(r: Float64Array, k: number): number {
  const n = r.length;
  if (n === 0) return Number.NaN;
  const m = mean(r);
  let sum = 0;
  // Integer powers by multiplication (the generic ** is a Math.pow call per element; it differs
  // from the product by at most an ulp per term).
  if (k === 2) for (let i = 0; i < n; i++) sum += ((r[i] as number) - m) * ((r[i] as number) - m);
  else if (k === 3) for (let i = 0; i < n; i++) {
    const d = (r[i] as number) - m;
    sum += d * d * d;
  }
  else if (k === 4) for (let i = 0; i < n; i++) {
    const d2 = ((r[i] as number) - m) * ((r[i] as number) - m);
    sum += d2 * d2;
  }
  else for (let i = 0; i < n; i++) sum += ((r[i] as number) - m) ** k;
  return sum / n;
}

/** Population (biased) skewness m3 / m2^1.5 (NaN when m2 = 0). */
export function skewness(r: Float64Array): number {
  if (r.length === 0 || isConstant(r)) return Number.NaN;
  return centralMoment(r, 3) / centralMoment(r, 2) ** 1.5;
}

/** Population excess kurtosis m4 / m2² − 3 (NaN when m2 = 0). */
export function excessKurtosis(r: Float64Array): number {
  if (r.length === 0 || isConstant(r)) return Number.NaN;
  return centralMoment(r, 4) / centralMoment(r, 2) ** 2 - 3;
}

/** Sample covariance Σ(x − x̄)(y − ȳ) / (n − 1) of two equally long series; NaN when n < 2. */
export function sampleCovariance2(x: Float64Array, y: Float64Array): number {
  const n = x.length;
  if (n < 2 || y.length !== n) return Number.NaN;
  const mx = mean(x);
  const my = mean(y);
  let sum = 0;
  for (let i = 0; i < n; i++) sum += ((x[i] as number) - mx) * ((y[i] as number) - my);
  return sum / (n - 1);
}

/** Element-wise difference x − y (or x − c when y is a number). */
export function subtract(x: Float64Array, y: Float64Array | number): Float64Array {
  const out = new Float64Array(x.length);
  if (typeof y === 'number') for (let i = 0; i < x.length; i++) out[i] = (x[i] as number) - y;
  else for (let i = 0; i < x.length; i++) out[i] = (x[i] as number) - (y[i] as number);
  return out;
}
