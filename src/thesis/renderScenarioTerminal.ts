/** The terminal summary of a scenario (reads only the report): by sleeve and portfolio, then by asset. */
import { pct, textTable } from '../report/format.js';
import type { ScenarioReport } from './runScenario.js';

export function renderScenarioTerminal(r: ScenarioReport): string {
  const c = r.methods.conditional;
  const h = r.methods.historical;
  const shock = Object.entries(r.shock).map(([t, x]) => `${t} ${pct(x, 1)}`).join(', ');
  const out = [
    `sleeves scenario · ${r.strategy}${r.scenario ? ` · ${r.scenario}` : ''}: ${shock}, holdings at the close of ${r.asOf}`,
    `conditional Gaussian on the last ${c.window} daily returns (${c.observations} used) · historical: mean of ${h.analogues.length} closest non-overlapping ${h.horizon}-day windows`,
    '',
  ];
  const sleeveWeight = (name: string) => r.sleeveWeights[name];
  out.push(
    textTable([
      ['', 'weight', 'conditional', '(contribution)', 'historical', '(contribution)'],
      ...Object.keys(c.sleeves).map((s) => [`sleeve ${s}`, pct(sleeveWeight(s), 1), pct(c.sleeveReturns[s], 1), pct(c.sleeves[s], 2), pct(h.sleeveReturns[s], 1), pct(h.sleeves[s], 2)]),
      ['portfolio', pct(1 - r.cash, 1), pct(c.portfolio, 2), '', pct(h.portfolio, 2), ''],
    ]),
  );
  out.push('', textTable([['asset', 'weight', 'conditional', 'historical'], ...Object.keys(r.weights).map((t) => [t, pct(r.weights[t], 1), pct(c.assets[t], 1), pct(h.assets[t], 1)])]));
  if (h.analogues.length > 0) out.push('', `analogues: ${h.analogues.map((a) => `${a.from} → ${a.to}`).join('; ')}`);
  if (r.warnings.length > 0) out.push('', `warnings (${r.warnings.length}):`, ...r.warnings.map((w) => `  - ${w}`));
  return `${out.join('\n')}\n`;
}
