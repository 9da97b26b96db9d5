/**
 * A figure's value in a report (`metrics.cagr`, `benchmark.relative.beta`,
 * `concentration.maxWeight.max`, `costs.total`): a finite number, or null when the report has
 * none (no benchmark, an older report without the figure, an undefined value).
 */
import type { Report } from '../reportTypes.js';
import type { Figure } from './figureTypes.js';

export function readFigure(report: Report, figure: Figure): number | null {
  switch (figure.scope) {
    case 'metrics':
      return finite(report.metrics[figure.name]);
    case 'relative':
      return finite(report.benchmark?.relative[figure.name]);
    case 'costs':
      return finite(report.costs[figure.name]);
    case 'concentration': {
      const [field, stat] = figure.name.split('.') as [string, string | undefined];
      const value = report.concentration[field];
      if (stat === undefined) return finite(value);
      return value !== null && typeof value === 'object' ? finite(Reflect.get(value, stat)) : null;
    }
    case 'sweep':
      return null;
  }
}

/** The benchmark's own value of a report.metrics figure (benchmark.metrics), or null. */
export function readBenchmarkFigure(report: Report, figure: Figure): number | null {
  return figure.scope === 'metrics' ? finite(report.benchmark?.metrics[figure.name]) : null;
}

/** The figure's label with K of "top-K" replaced by the report's K (concentration.topK), when known. */
export function labelIn(report: Report, figure: Figure): string {
  const k = report.concentration.topK;
  return typeof k === 'number' && figure.label.includes('top-K') ? figure.label.replace('top-K', `top-${k}`) : figure.label;
}

function finite(x: unknown): number | null {
  return typeof x === 'number' && Number.isFinite(x) ? x : null;
}
