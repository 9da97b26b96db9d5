/** Summary of a daily series: the NaN entries (undefined days) are skipped. */
export interface SeriesSummary {
  mean: number | null;
  min: number | null;
  max: number | null;
  /** The value on the last row (null when that day is undefined, e.g. fully in cash). */
  last: number | null;
  /** Row of the maximum (first occurrence), −1 when none; not serialised by reports. */
  argMax: number;
  /** Row of the minimum (first occurrence), −1 when none. */
  argMin: number;
}

/** mean, min, max over the finite entries and the last row's value; nulls when none is finite. */
export function summarizeSeries(x: Float64Array): SeriesSummary {
  let sum = 0;
  let count = 0;
  let argMax = -1;
  let argMin = -1;
  let max = 0;
  let min = 0;
  for (let t = 0; t < x.length; t++) {
    const v = x[t] as number;
    if (v - v !== 0) continue; // not finite
    sum += v;
    count++;
    if (argMax < 0 || v > max) {
      argMax = t;
      max = v;
    }
    if (argMin < 0 || v < min) {
      argMin = t;
      min = v;
    }
  }
  const last = x.length > 0 && Number.isFinite(x[x.length - 1] as number) ? (x[x.length - 1] as number) : null;
  return {
    mean: count > 0 ? sum / count : null,
    min: argMin >= 0 ? (x[argMin] as number) : null,
    max: argMax >= 0 ? (x[argMax] as number) : null,
    last,
    argMax,
    argMin,
  };
}

/** The JSON form {mean, min, max, last}. */
export function summaryJson(s: SeriesSummary): { mean: number | null; min: number | null; max: number | null; last: number | null } {
  return { mean: s.mean, min: s.min, max: s.max, last: s.last };
}
