/**
 * Why a comparison may be unfair: the runs differ in period, periods per year, data (folder,
 * synthetic or not, or a file's sha256 for the same ticker), costs, lag, convention profile,
 * benchmark or risk-free rate. One sentence per difference, naming the runs. Pure.
 */
import type { Report } from './reportTypes.js';

export function compareFairness(reports: readonly Report[], labels: readonly string[]): string[] {
  const warnings: string[] = [];
  const differs = (what: string, value: (r: Report) => string, why: string) => {
    const values = reports.map(value);
    if (new Set(values).size > 1) {
      warnings.push(`${what} differs (${labels.map((l, i) => `${l}: ${values[i]}`).join('; ')}): ${why}`);
    }
  };
  differs('period', (r) => `${r.period.start} → ${r.period.end}`, 'returns and drawdowns cover different markets');
  differs('periods per year', (r) => String(r.period.periodsPerYear), 'annualised figures are not on the same scale');
  differs('data folder', (r) => r.data.directory, 'the runs may read different prices');
  differs('data kind', (r) => (r.data.synthetic ? 'synthetic sample' : 'market data'), 'synthetic prices are not market data');
  differs('costs', (r) => `${r.costs.bps} bps + ${r.costs.slippageBps} bps slippage`, 'costs lower the returns of one run more than the other');
  differs('lag', (r) => String(r.timing.lag), 'trading later or sooner after a decision changes the returns');
  differs('convention profile', (r) => r.convention.name, 'Sharpe, Sortino, alpha and the information ratio have different formulas');
  differs('benchmark', (r) => r.benchmark?.ticker ?? 'none', 'relative figures are measured against different series');
  // Reports written before the risk-free statement existed had a 0 rate unless riskFreeRate said otherwise.
  differs('risk-free rate', (r) => r.convention.riskFree ?? `${(r.strategy.spec.reporting?.riskFreeRate ?? 0) * 100}% a year (reporting.riskFreeRate)`, 'Sharpe, Sortino and alpha measure returns in excess of different rates');

  const hashes = new Map<string, Map<string, string[]>>();
  reports.forEach((r, i) => {
    for (const f of r.data.files) {
      const byHash = hashes.get(f.ticker) ?? new Map<string, string[]>();
      byHash.set(f.sha256, [...(byHash.get(f.sha256) ?? []), labels[i] ?? String(i)]);
      hashes.set(f.ticker, byHash);
    }
  });
  for (const [ticker, byHash] of hashes) {
    if (byHash.size > 1) {
      const groups = [...byHash.entries()].map(([h, ls]) => `${ls.join(', ')}: sha256 ${h.slice(0, 12) || '(none)'}`);
      warnings.push(`data file for ${ticker} differs (${groups.join('; ')}): the runs read different prices for it`);
    }
  }
  return warnings;
}
