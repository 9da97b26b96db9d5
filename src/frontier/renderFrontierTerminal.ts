/**
 * The frontier in the terminal: how many mixes ran, the strategy as written, and the mixes
 * efficient in CAGR against volatility (lowest volatility first), with their max drawdown and
 * whether they are also efficient against drawdown. Reads only the report.
 */
import { num, pct, textTable } from '../report/format.js';
import type { FrontierMix, FrontierReport } from './runFrontier.js';

export function renderFrontierTerminal(r: FrontierReport): string {
  const mix = (w: Record<string, number>) => r.sleeves.map((s) => `${Math.round((w[s] ?? 0) * 1000) / 10}`).join('/');
  const efficient = r.mixes.filter((m) => m.efficient.volatility).sort((a, b) => (a.metrics.annualizedVolatility ?? 0) - (b.metrics.annualizedVolatility ?? 0));
  const row = (label: string, m: Pick<FrontierMix, 'metrics'>, dd: string) => [label, pct(m.metrics.cagr), pct(m.metrics.annualizedVolatility), num(m.metrics.sharpe), pct(m.metrics.maxDrawdown), dd];
  const w = r.asWritten.weights;
  const lines = [
    `sleeves frontier · ${r.strategy.name}  (${r.period.start} → ${r.period.end}, ${r.period.periods} periods)`,
    `${r.grid.mixes} mixes of ${r.sleeves.join(' / ')} in steps of ${r.grid.step} (each sleeve ${r.grid.min}..${r.grid.max}), with the file's within methods, rebalancing, costs and currency`,
    `${efficient.length} efficient against volatility, ${r.mixes.filter((m) => m.efficient.drawdown).length} against max drawdown`,
    '',
    textTable([
      [`mix (${r.sleeves.join('/')}, %)`, 'CAGR', 'vol', 'Sharpe', 'max DD', 'DD-efficient'],
      row(`as written${w ? ` (${mix(w)})` : ` (${r.strategy.across})`}`, r.asWritten, ''),
      ...efficient.map((m) => row(mix(m.weights), m, m.efficient.drawdown ? 'yes' : '')),
    ]),
  ];
  return `${lines.join('\n')}\n`;
}
