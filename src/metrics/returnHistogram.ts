import { normalCdf } from '../sweep/normalDistribution.js';
import { quantileOfSorted } from './quantile.js';

/** Counts of periodic returns in equal-width bins, and what a normal distribution would put there. */
export interface ReturnHistogram {
  /** k + 1 bin edges, ascending; bin i is [edges[i], edges[i+1]), the last bin also holds the maximum. */
  edges: number[];
  /** Returns in each bin (Σ counts = n). */
  counts: number[];
  /** n · (Φ((e_{i+1} − μ)/σ) − Φ((e_i − μ)/σ)): the count a normal with the sample mean and sd expects. */
  normal: number[];
  /** Sample mean μ and sd σ (n − 1) of the returns counted. */
  mean: number;
  sd: number;
  n: number;
}

/** Fewest and most bins drawn, whatever the Freedman–Diaconis width says. */
const MIN_BINS = 10;
const MAX_BINS = 80;

/**
 * Histogram of the finite returns with the Freedman–Diaconis width h = 2·IQR·n^(−1/3)
 * (Freedman & Diaconis 1981, "On the histogram as a density estimator", Z. Wahrscheinlichkeits-
 * theorie 57; IQR with R's type-7 quantiles), the bin count ⌈(max − min)/h⌉ kept within
 * [10, 80] and the width then set to (max − min)/k so the bins span the data exactly. The
 * normal overlay uses the exact probability of each bin, not the density at its middle.
 * Null when fewer than 2 returns or they are all equal.
 */
export function returnHistogram(returns: Float64Array): ReturnHistogram | null {
  const x = returns.filter((v) => Number.isFinite(v));
  const n = x.length;
  if (n < 2) return null;
  let lo = Infinity;
  let hi = -Infinity;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const v = x[i] as number;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
    sum += v;
  }
  if (hi === lo) return null;
  const mean = sum / n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += ((x[i] as number) - mean) ** 2;
  const sd = Math.sqrt(ss / (n - 1));
  const sorted = Float64Array.from(x).sort();
  const iqr = quantileOfSorted(sorted, 0.75) - quantileOfSorted(sorted, 0.25);
  const fd = iqr > 0 ? Math.ceil((hi - lo) / (2 * iqr * Math.cbrt(1 / n))) : MIN_BINS;
  const k = Math.min(MAX_BINS, Math.max(MIN_BINS, fd));
  const width = (hi - lo) / k;
  const edges = Array.from({ length: k + 1 }, (_, i) => (i === k ? hi : lo + i * width));
  const counts = new Array<number>(k).fill(0);
  for (let i = 0; i < n; i++) {
    const v = x[i] as number;
    // The division can land one bin off at an edge; the comparisons settle it by the edges themselves.
    let bin = Math.min(k - 1, Math.floor((v - lo) / width));
    while (bin > 0 && v < edges[bin]!) bin--;
    while (bin < k - 1 && v >= edges[bin + 1]!) bin++;
    counts[bin]! += 1;
  }
  const normal = counts.map((_, i) => n * (normalCdf((edges[i + 1]! - mean) / sd) - normalCdf((edges[i]! - mean) / sd)));
  return { edges, counts, normal, mean, sd, n };
}
