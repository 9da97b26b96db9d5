import { quantileType7 } from '../metrics/quantile.js';

/** The percentiles the robustness lab reports for a distribution. */
export const DISTRIBUTION_PERCENTILES = [5, 25, 50, 75, 95] as const;

export interface Distribution {
  /** Values that were defined (nulls are left out and counted in `undefinedCount`). */
  readonly count: number;
  readonly undefinedCount: number;
  /** Percentile (as a number 0..100, stored as a string key "5", "25"…) → value, null when count = 0. */
  readonly percentiles: Record<string, number | null>;
  readonly mean: number | null;
}

/**
 * Percentiles of the defined values with linear interpolation between order statistics (numpy's
 * default, R's type 7: see metrics/quantile.ts).
 */
export function distribution(values: readonly (number | null)[], percentiles: readonly number[] = DISTRIBUTION_PERCENTILES): Distribution {
  const defined = Float64Array.from(values.filter((v): v is number => v !== null && Number.isFinite(v)));
  const out: Record<string, number | null> = {};
  for (const p of percentiles) out[String(p)] = defined.length > 0 ? quantileType7(defined, p / 100) : null;
  let sum = 0;
  for (const v of defined) sum += v;
  return { count: defined.length, undefinedCount: values.length - defined.length, percentiles: out, mean: defined.length > 0 ? sum / defined.length : null };
}
