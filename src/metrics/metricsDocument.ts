/**
 * The metrics of a table of return series (the `sleeves metrics` document): pure.
 */
import { UserError } from '../core/errors.js';
import { computeMetrics } from './computeMetrics.js';
import { computeRelativeMetrics } from './computeRelativeMetrics.js';
import type { ConventionName } from './convention.js';
import { inferPeriodsPerYear } from './periodsPerYear.js';
import { emptyRecord } from '../core/reservedKeys.js';

export interface MetricsOptions {
  benchmark?: string;
  convention: ConventionName;
  periodsPerYear?: number;
  riskFree: number;
}

/** The `metrics --json` document. */
export interface MetricsDocument {
  convention: ConventionName;
  periodsPerYear: number;
  series: Record<string, Record<string, number | null>>;
  warnings: string[];
}

/** Index of a series' first value (its leading empty cells are NaN). */
export function firstValue(column: Float64Array): number {
  let k = 0;
  while (k < column.length && Number.isNaN(column[k] as number)) k++;
  return k;
}

/**
 * The metrics document (pure). Each series is measured from its own first value; relative
 * metrics use the periods where both the series and the benchmark have values. Warnings are
 * prefixed with the series name.
 */
export function metricsDocument(
  table: { dates: Int32Array; names: string[]; columns: Float64Array[] },
  options: MetricsOptions,
): MetricsDocument {
  const periodsPerYear = options.periodsPerYear ?? inferPeriodsPerYear(table.dates);
  const ctx = { periodsPerYear, convention: options.convention, riskFreeRate: options.riskFree, mar: 0 };
  const b = options.benchmark === undefined ? -1 : table.names.indexOf(options.benchmark);
  if (options.benchmark !== undefined && b < 0) {
    throw new UserError(`--benchmark: no column "${options.benchmark}"; the columns are ${table.names.join(', ')}`);
  }
  const series = emptyRecord<Record<string, number | null>>(); // keyed by the CSV's column names
  const warnings: string[] = [];
  table.names.forEach((name, c) => {
    const column = table.columns[c] as Float64Array;
    const single = computeMetrics(column.subarray(firstValue(column)), ctx);
    const metrics = { ...single.metrics };
    for (const w of single.warnings) warnings.push(`${name}: ${w}`);
    if (b >= 0 && c !== b) {
      const bench = table.columns[b] as Float64Array;
      const from = Math.max(firstValue(column), firstValue(bench));
      const relative = computeRelativeMetrics(column.subarray(from), bench.subarray(from), ctx);
      Object.assign(metrics, relative.metrics);
      for (const w of relative.warnings) warnings.push(`${name} vs ${options.benchmark}: ${w}`);
    }
    series[name] = metrics;
  });
  return { convention: options.convention, periodsPerYear, series, warnings };
}

