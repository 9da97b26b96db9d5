import type { BacktestResult } from '../engine/runBacktest.js';

/** The risk-free rate of Sharpe and Sortino, in one line, for every report (run and robust). */
export function riskFreeStatement(spec: BacktestResult['spec'], cash: BacktestResult['cash']): string {
  if (spec.reporting.riskFree === 'cash' && cash) return `cash, ${cash.description}; Sharpe, alpha and Sortino are measured in excess of it`;
  const { riskFreeRate, mar } = spec.reporting;
  return `${riskFreeRate * 100}% a year (reporting.riskFreeRate)${mar !== 0 ? `; Sortino target (mar) ${mar * 100}% a year` : ''}`;
}
