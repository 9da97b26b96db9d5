/** The terminal summary of a hindsight report (reads only the report). */
import { num, pct, textTable } from '../report/format.js';
import type { HindsightReport } from './runHindsight.js';

export function renderHindsightTerminal(r: HindsightReport): string {
  const out: string[] = [];
  out.push(`sleeves hindsight · ${r.strategy} · sleeve ${r.sleeve}  (${r.period.start} → ${r.period.end})`);
  out.push(`point in time: ${r.rule.description}${r.selectedOn ? `; members as written selected on ${r.selectedOn}` : ''}`);
  out.push('');
  const row = (label: string, key: keyof HindsightReport['premium'], f: (x: number | null) => string) => [label, f(r.asWritten.metrics[key]), f(r.pointInTime.metrics[key]), f(r.premium[key])];
  out.push(
    textTable([
      ['', 'as written', 'point in time', 'premium (a − b)'],
      row('total return', 'totalReturn', (x) => pct(x, 1)),
      row('CAGR', 'cagr', (x) => pct(x)),
      row('volatility', 'annualizedVolatility', (x) => pct(x)),
      row('Sharpe', 'sharpe', (x) => num(x)),
      row('max drawdown', 'maxDrawdown', (x) => pct(x, 1)),
    ]),
  );
  out.push('', `members as written: ${r.asWritten.members.join(', ')}`, 'point-in-time members:');
  for (const m of r.pointInTime.members) out.push(`  ${m.date}  ${m.tickers.join(', ') || '(none)'}`);
  if (r.notYetQualified.length > 0) {
    out.push(`not picked at ${r.pointInTime.members[0]?.date ?? 'the start'}: ${r.notYetQualified.map((q) => `${q.ticker} (${q.firstSelected ? `first picked ${q.firstSelected}` : 'never picked'})`).join(', ')}`);
  }
  if (r.warnings.length > 0) out.push('', `warnings (${r.warnings.length}):`, ...r.warnings.map((w) => `  - ${w}`));
  return `${out.join('\n')}\n`;
}
