/**
 * The report: the one canonical, versioned JSON document a run produces. Renderers read only
 * this. Numbers that cannot be computed are null, with the reason in `warnings`. The types are
 * derived from the schema (reportSchema.ts), the one definition of the report's fields.
 */
import type * as z from 'zod';
import type { reportSchema, reportSeriesSchema } from './reportSchema.js';

export type Report = z.infer<typeof reportSchema>;

/** Daily series, present with --include-series (and always written to the run folder CSVs). */
export type ReportSeries = z.infer<typeof reportSeriesSchema>;

export type MetricValues = Report['metrics'];

export type { SeriesSummaryJson as SeriesSummary } from '../metrics/concentrationSummary.js';
