/**
 * The standard normal distribution: cumulative distribution Φ and its inverse Φ⁻¹.
 * Pure, no dependencies; accurate to about 1e-15 (absolute) over the range the sweep uses.
 */

const LOG_SQRT_2PI = 0.91893853320467274178; // ln √(2π)

/**
 * Φ(x) = ½ + φ(x) · Σ_{k≥0} x^{2k+1} / (1·3·5···(2k+1)), with φ(x) = e^{−x²/2} / √(2π)
 * (Marsaglia 2004, "Evaluating the Normal Distribution", J. Stat. Software 11(4)). Every term
 * has the sign of x, so the sum has no cancellation; beyond |x| > 37, Φ is 0 or 1 in doubles.
 */
export function normalCdf(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  if (x < -37) return 0;
  if (x > 37) return 1;
  const q = x * x;
  let s = x;
  let t = 0;
  let b = x;
  for (let i = 1; s !== t; ) {
    t = s;
    i += 2;
    b *= q / i;
    s = t + b;
  }
  return 0.5 + s * Math.exp(-0.5 * q - LOG_SQRT_2PI);
}

const A = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
const B = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
const C = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
const D = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
const P_LOW = 0.02425;

/**
 * Φ⁻¹(p): P. J. Acklam's rational approximation (relative error < 1.15e-9), then one Halley
 * step x ← x − u / (1 + x·u/2) with u = (Φ(x) − p)·√(2π)·e^{x²/2}, which brings it to
 * machine precision. Φ⁻¹(0) = −∞ and Φ⁻¹(1) = +∞; outside [0, 1] it is NaN.
 */
export function normalQuantile(p: number): number {
  if (!(p >= 0 && p <= 1)) return Number.NaN;
  if (p === 0) return Number.NEGATIVE_INFINITY;
  if (p === 1) return Number.POSITIVE_INFINITY;
  let x: number;
  if (p < P_LOW) x = tail(Math.sqrt(-2 * Math.log(p)));
  else if (p > 1 - P_LOW) x = -tail(Math.sqrt(-2 * Math.log(1 - p)));
  else {
    const q = p - 0.5;
    const r = q * q;
    x = ((((((A[0]! * r + A[1]!) * r + A[2]!) * r + A[3]!) * r + A[4]!) * r + A[5]!) * q) /
      (((((B[0]! * r + B[1]!) * r + B[2]!) * r + B[3]!) * r + B[4]!) * r + 1);
  }
  const e = normalCdf(x) - p;
  const u = e * Math.sqrt(2 * Math.PI) * Math.exp((x * x) / 2);
  return x - u / (1 + (x * u) / 2);
}

function tail(q: number): number {
  return (((((C[0]! * q + C[1]!) * q + C[2]!) * q + C[3]!) * q + C[4]!) * q + C[5]!) / ((((D[0]! * q + D[1]!) * q + D[2]!) * q + D[3]!) * q + 1);
}
