/**
 * People's names and display formats of the report's metric keys, read from the figure
 * catalogue (src/report/figures/figureCatalogue.ts) for the HTML tables. A key the catalogue
 * does not know (a report of a newer engine) is shown under its own name as a plain number.
 */
import { metricFigure } from '../figures/figureCatalogue.js';
import { formatValue, type MetricFormat } from '../figures/formatFigure.js';
import type { FigureFormat } from '../figures/figureTypes.js';

export type { MetricFormat };

const UNKNOWN: FigureFormat = { unit: 'number', digits: 2 };

/** The label and format of a report.metrics or benchmark.relative key. */
export function metricLabel(key: string): { label: string; format: FigureFormat } {
  const f = metricFigure(key);
  return f ? { label: f.label, format: f.format } : { label: key, format: UNKNOWN };
}

/** A value in its display format; null shows as an en dash. */
export function formatMetric(x: number | null | undefined, format: MetricFormat): string {
  return formatValue(x, format);
}
