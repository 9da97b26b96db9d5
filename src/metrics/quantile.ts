/**
 * The p-quantile with linear interpolation between order statistics: numpy's default and R's
 * `quantile(type = 7)`. With x sorted ascending (0-based), h = (n − 1)·p, lo = ⌊h⌋, f = h − lo:
 * Q(p) = (1 − f)·x[lo] + f·x[lo + 1] (written as R writes it). NaN when n = 0.
 */
export function quantileType7(r: Float64Array, p: number): number {
  if (r.length === 0) return Number.NaN;
  return quantileOfSorted(Float64Array.from(r).sort(), p);
}

/** quantileType7 of values already sorted ascending (sort once, read several quantiles). */
export function quantileOfSorted(x: Float64Array, p: number): number {
  const n = x.length;
  if (n === 0) return Number.NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const f = h - lo;
  const xlo = x[lo] as number;
  if (f === 0 || lo + 1 >= n) return xlo;
  const xhi = x[lo + 1] as number;
  if (xhi === xlo) return xlo;
  return (1 - f) * xlo + f * xhi;
}
