/**
 * People's names and display formats of the report's metric keys (CONVENTIONS.md). Keys not
 * listed here are shown under their own name as plain numbers.
 */
import { num, pct } from '../format.js';

export type MetricFormat = 'pct' | 'num' | 'int';

export const METRIC_LABELS: Record<string, { label: string; format: MetricFormat }> = {
  periods: { label: 'periods', format: 'int' },
  totalReturn: { label: 'total return', format: 'pct' },
  cagr: { label: 'CAGR', format: 'pct' },
  annualizedVolatility: { label: 'volatility (annualised)', format: 'pct' },
  sharpe: { label: 'Sharpe', format: 'num' },
  downsideDeviation: { label: 'downside deviation', format: 'pct' },
  sortino: { label: 'Sortino', format: 'num' },
  maxDrawdown: { label: 'max drawdown', format: 'pct' },
  calmar: { label: 'Calmar', format: 'num' },
  longestDrawdownPeriods: { label: 'longest drawdown (periods)', format: 'int' },
  var95: { label: 'VaR 95% (1 period)', format: 'pct' },
  cvar95: { label: 'CVaR 95% (1 period)', format: 'pct' },
  var99: { label: 'VaR 99% (1 period)', format: 'pct' },
  cvar99: { label: 'CVaR 99% (1 period)', format: 'pct' },
  skewness: { label: 'skewness', format: 'num' },
  excessKurtosis: { label: 'excess kurtosis', format: 'num' },
  meanReturn: { label: 'mean return (1 period)', format: 'pct' },
  bestPeriod: { label: 'best period', format: 'pct' },
  worstPeriod: { label: 'worst period', format: 'pct' },
  positivePeriodsShare: { label: 'positive periods', format: 'pct' },
  beta: { label: 'beta', format: 'num' },
  alpha: { label: 'alpha', format: 'pct' },
  correlation: { label: 'correlation', format: 'num' },
  trackingError: { label: 'tracking error', format: 'pct' },
  informationRatio: { label: 'information ratio', format: 'num' },
  upCapture: { label: 'up capture', format: 'num' },
  downCapture: { label: 'down capture', format: 'num' },
};

export function metricLabel(key: string): { label: string; format: MetricFormat } {
  return METRIC_LABELS[key] ?? { label: key, format: 'num' };
}

/** A value in its display format; null shows as an en dash. */
export function formatMetric(x: number | null | undefined, format: MetricFormat): string {
  if (format === 'pct') return pct(x);
  if (format === 'int') return x === null || x === undefined || !Number.isFinite(x) ? '–' : String(Math.round(x));
  return num(x);
}
