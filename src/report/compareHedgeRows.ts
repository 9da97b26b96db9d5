/**
 * Compare rows for the hedge check (report.hedges): for each hedge sleeve name found in any of
 * the reports, its correlation with the growth sleeves, its worst-5% correlation and its
 * down-capture (lower is better for all three: a hedge should not fall with growth). A report
 * without that hedge sleeve shows null. The rows only read the reports.
 */
import type { CompareMetric } from './compareMetrics.js';
import type { Report } from './reportTypes.js';

export function compareHedgeRows(reports: readonly Report[]): CompareMetric[] {
  const names = [...new Set(reports.flatMap((r) => (r.hedges ?? []).map((h) => h.sleeve)))];
  const fields = [
    ['correlation', 'correlation with growth'],
    ['tailCorrelation', 'worst-5% correlation'],
    ['downCapture', 'down-capture'],
  ] as const;
  return names.flatMap((name) =>
    fields.map(([field, label]) => ({
      key: `hedges.${name}.${field}`,
      label: `hedge ${name}: ${label}`,
      format: { unit: 'number', digits: 2 } as const,
      better: 'lower' as const,
      read: (r: Report) => {
        const v = r.hedges?.find((h) => h.sleeve === name)?.[field];
        return typeof v === 'number' && Number.isFinite(v) ? v : null;
      },
    })),
  );
}
