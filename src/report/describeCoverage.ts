/**
 * One line on the data coverage of a run for the terminal and the HTML header: each ticker not
 * priced on every row of the period, with its share and what was done where it had no price.
 * Null when every ticker is priced throughout (or the report predates coverage).
 */
import type { Report } from './reportTypes.js';

const TREATMENT: Record<string, string> = {
  cash: 'its weight held in cash until',
  redistribute: 'its weight shared by the others until',
  gaps: 'not traded in its gaps',
  commonPeriods: 'relative figures on common periods from',
};

export function describeCoverage(report: Pick<Report, 'data'>): string | null {
  const rows = (report.data.coverage ?? []).filter((c) => c.treatment !== 'complete');
  if (rows.length === 0) return null;
  return rows
    .map((c) => {
      const share = `${(100 * c.coverage).toFixed(1)}%`;
      const what = TREATMENT[c.treatment] ?? c.treatment;
      const since = c.treatment === 'gaps' ? '' : ` ${c.firstPrice ?? 'never'}`;
      return `${c.ticker}${c.role === 'benchmark' ? ' (benchmark)' : ''} ${share} (${what}${since})`;
    })
    .join(' · ');
}
