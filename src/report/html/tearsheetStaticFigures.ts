/**
 * The tearsheet's static figures (SVG written in Node, <title> tooltips): end-of-year returns
 * vs the benchmark, the monthly heat map with a yearly column, and the return histogram with
 * its normal overlay. `suffix` makes ids unique when several runs share a page.
 */
import type { ReturnHistogram } from '../../metrics/returnHistogram.js';
import type { Report } from '../reportTypes.js';
import { chartFigure, missingChart } from './chartFigure.js';
import { eoyBars } from './eoyBars.js';
import { monthlyHeatmap } from './monthlyHeatmap.js';
import { returnHistogramChart } from './returnHistogramChart.js';

export function eoyFigure(report: Report, o: { suffix?: string; width?: number; height?: number } = {}): string {
  const id = `eoy${o.suffix ?? ''}`;
  const title = report.benchmark ? `End-of-year returns vs ${report.benchmark.ticker}` : 'End-of-year returns';
  if (report.tables.yearly.length === 0) return missingChart(id, title, 'No calendar year in the period.');
  const first = report.tables.yearly[0]!.year;
  const last = report.tables.yearly[report.tables.yearly.length - 1]!.year;
  const caption = `Compounded return of each calendar year (${first} from ${report.period.start}, ${last} to ${report.period.end}; partial years as far as the period goes): green above zero, red below${report.benchmark ? `; grey: ${report.benchmark.ticker} on the same days` : ''}.`;
  return chartFigure(id, title, caption, eoyBars(report.tables.yearly, report.benchmark?.ticker ?? null, { ...(o.width ? { width: o.width } : {}), ...(o.height ? { height: o.height } : {}) }));
}

export function monthlyHeatmapFigure(report: Report): string {
  return chartFigure(
    'monthly-heatmap',
    'Monthly returns (%)',
    'Each cell is the compounded return of that calendar month; the Year column compounds the year (colours set by the months, stronger years take the end colour).',
    monthlyHeatmap(report.tables.monthly, report.tables.yearly),
  );
}

export function histogramFigure(h: ReturnHistogram, report: Report): string {
  const caption = `${h.n} periodic returns in ${h.counts.length} equal bins (Freedman–Diaconis width, 10 to 80 bins); the line is the count a normal distribution with the same mean (${(h.mean * 100).toFixed(3)}%) and standard deviation (${(h.sd * 100).toFixed(3)}%) expects per bin. Skewness and excess kurtosis are in the table above (${report.convention.name} profile).`;
  return chartFigure('histogram', 'Distribution of returns', caption, returnHistogramChart(h));
}
