/**
 * Row selection for charts of long daily series (tables are never downsampled).
 *
 * `strideRows(n, max)`: every k-th row with k = ceil(n / max), plus the last row, so at most
 * max + 1 points. `extremeRows(values, max)`: the rows split into buckets of k = ceil(n / max)
 * consecutive rows and the row of the largest value kept from each bucket, plus the first and
 * last rows; used for the underwater curve so that no trough is lost.
 */
export function strideRows(n: number, max: number): number[] {
  if (n <= max) return Array.from({ length: n }, (_, i) => i);
  const step = Math.ceil(n / max);
  const rows: number[] = [];
  for (let i = 0; i < n; i += step) rows.push(i);
  if (rows[rows.length - 1] !== n - 1) rows.push(n - 1);
  return rows;
}

export function extremeRows(values: readonly number[], max: number): number[] {
  const n = values.length;
  if (n <= max) return Array.from({ length: n }, (_, i) => i);
  const step = Math.ceil(n / max);
  const rows: number[] = [0];
  for (let start = 0; start < n; start += step) {
    let best = start;
    for (let i = start + 1; i < Math.min(n, start + step); i++) if ((values[i] as number) > (values[best] as number)) best = i;
    if (best !== rows[rows.length - 1]) rows.push(best);
  }
  if (rows[rows.length - 1] !== n - 1) rows.push(n - 1);
  return rows;
}

/** The largest number of points a daily line or area chart draws. */
export const MAX_CHART_POINTS = 1200;
