/**
 * The rows of a comparison: the catalogue's figures with the `compare` view
 * (src/report/figures/figureCatalogue.ts), each with the report path it reads, its label,
 * format and better direction. The rows only read the report; they compute nothing.
 */
import { figuresIn } from './figures/figureCatalogue.js';
import type { MetricFormat } from './figures/formatFigure.js';
import type { Better } from './figures/figureTypes.js';
import { readFigure } from './figures/readFigure.js';
import type { Report } from './reportTypes.js';

export type { Better };

export interface CompareMetric {
  /** Stable machine key, the report path it reads (e.g. `metrics.cagr`). */
  key: string;
  label: string;
  format: MetricFormat;
  better: Better;
  read: (report: Report) => number | null;
}

export const COMPARE_METRICS: readonly CompareMetric[] = figuresIn('compare').map((f) => ({
  key: f.key,
  label: f.label,
  format: f.format,
  better: f.better,
  read: (r: Report) => readFigure(r, f),
}));
