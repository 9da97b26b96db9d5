/**
 * The rows of a comparison: which report figure each row reads, how it is shown, and which
 * direction is better (higher for returns and risk-adjusted ratios, lower for drawdowns,
 * volatility, turnover and costs; null when neither is better, as for beta or concentration).
 * The rows only read the report; they compute nothing.
 */
import type { MetricFormat } from './html/metricLabels.js';
import type { Report } from './reportTypes.js';

export type Better = 'higher' | 'lower' | null;

export interface CompareMetric {
  /** Stable machine key, the report path it reads (e.g. `metrics.cagr`). */
  key: string;
  label: string;
  format: MetricFormat;
  better: Better;
  read: (report: Report) => number | null;
}

const metric = (key: string, label: string, format: MetricFormat, better: Better): CompareMetric => ({
  key: `metrics.${key}`,
  label,
  format,
  better,
  read: (r) => finite(r.metrics[key]),
});

const relative = (key: string, label: string, format: MetricFormat, better: Better): CompareMetric => ({
  key: `benchmark.relative.${key}`,
  label,
  format,
  better,
  read: (r) => finite(r.benchmark?.relative[key]),
});

const concentration = (key: string, field: string | null, label: string, format: MetricFormat): CompareMetric => ({
  key: field === null ? `concentration.${key}` : `concentration.${key}.${field}`,
  label,
  format,
  better: null,
  read: (r) => {
    const v = r.concentration[key];
    if (field === null) return finite(v);
    return v !== null && typeof v === 'object' ? finite((v as Record<string, unknown>)[field]) : null;
  },
});

export const COMPARE_METRICS: readonly CompareMetric[] = [
  metric('totalReturn', 'total return', 'pct', 'higher'),
  metric('cagr', 'CAGR', 'pct', 'higher'),
  metric('annualizedVolatility', 'volatility', 'pct', 'lower'),
  metric('sharpe', 'Sharpe', 'num', 'higher'),
  metric('sortino', 'Sortino', 'num', 'higher'),
  metric('calmar', 'Calmar', 'num', 'higher'),
  metric('maxDrawdown', 'max drawdown', 'pct', 'lower'),
  metric('longestDrawdownPeriods', 'longest drawdown (periods)', 'int', 'lower'),
  metric('var95', 'VaR 95% (1 period)', 'pct', 'higher'),
  metric('cvar95', 'CVaR 95% (1 period)', 'pct', 'higher'),
  relative('beta', 'beta', 'num', null),
  relative('alpha', 'alpha', 'pct', 'higher'),
  relative('trackingError', 'tracking error', 'pct', null),
  relative('informationRatio', 'information ratio', 'num', 'higher'),
  concentration('effectiveHoldings', 'mean', 'effective holdings (mean)', 'num'),
  concentration('effectiveBets', 'mean', 'effective bets (mean)', 'num'),
  concentration('maxWeight', 'max', 'largest weight (max)', 'pct'),
  concentration('hhi', 'mean', 'HHI (mean)', 'num'),
  concentration('topContributorsShare', null, 'top contributors share', 'pct'),
  {
    key: 'costs.annualizedTurnover',
    label: 'turnover per year',
    format: 'pct',
    better: 'lower',
    read: (r) => finite(r.costs.annualizedTurnover),
  },
  { key: 'costs.total', label: 'costs (of initial equity)', format: 'pct', better: 'lower', read: (r) => finite(r.costs.total) },
  { key: 'costs.cagrDrag', label: 'cost drag on CAGR', format: 'pct', better: 'lower', read: (r) => finite(r.costs.cagrDrag) },
];

function finite(x: unknown): number | null {
  return typeof x === 'number' && Number.isFinite(x) ? x : null;
}
