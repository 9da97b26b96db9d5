/**
 * A figure's value in a report, read by its path (`metrics.cagr`, `benchmark.relative.beta`,
 * `concentration.maxWeight.max`, `costs.total`): a finite number, or null when the report has
 * none (no benchmark, an older report without the figure, an undefined value).
 */
import type { Report } from '../reportTypes.js';
import type { Figure } from './figureTypes.js';

export function readFigure(report: Report, figure: Figure | string): number | null {
  const key = typeof figure === 'string' ? figure : figure.key;
  let node: unknown = report;
  for (const part of key.split('.')) {
    if (node === null || typeof node !== 'object') return null;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'number' && Number.isFinite(node) ? node : null;
}

/** The benchmark's own value of a report.metrics figure (benchmark.metrics), or null. */
export function readBenchmarkFigure(report: Report, figure: Figure): number | null {
  if (figure.scope !== 'metrics' || !report.benchmark) return null;
  const v = report.benchmark.metrics[figure.name];
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/** The figure's label with K of "top-K" replaced by the report's K (concentration.topK), when known. */
export function labelIn(report: Report, figure: Figure): string {
  const k = report.concentration.topK;
  return typeof k === 'number' && figure.label.includes('top-K') ? figure.label.replace('top-K', `top-${k}`) : figure.label;
}
