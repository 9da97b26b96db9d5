/**
 * The terminal lines of the report's attribution: linked contributions by sleeve (they add up
 * to the total return), Brinson–Fachler effects against the stated reference (they add up to
 * the active return) and the factor regression. Reads only the report; empty for reports of
 * engines before these figures.
 */
import { num, pct, textTable } from './format.js';
import type { Report } from './reportTypes.js';

const signedPct = (x: number | null | undefined, digits = 1) => (x === null || x === undefined ? '–' : `${x >= 0 ? '+' : '−'}${pct(Math.abs(x), digits)}`);

export function attributionLines(report: Report): string[] {
  const lines: string[] = [];
  const c = report.contributions;
  if (c) {
    const parts = Object.entries(c.sleeves).map(([name, x]) => `${name} ${signedPct(x)}`);
    if (c.cash !== 0) parts.push(`cash ${signedPct(c.cash)}`);
    parts.push(`costs ${signedPct(c.costs, 2)}`);
    lines.push(`contributions to the total return ${pct(c.total, 1)} (Cariño-linked, they add up): ${parts.join(' · ')}`);
  }
  const a = report.attribution;
  if (a) {
    const cash = a.cash.allocation + a.cash.selection + a.cash.interaction;
    const effects = Object.values(a.sleeves).reduce((sum, e) => sum + e.allocation + e.selection + e.interaction, 0);
    lines.push(`attribution (Brinson–Fachler, Cariño-linked) against ${a.reference}`);
    lines.push(`  strategy ${pct(a.portfolioReturn, 1)}, reference ${pct(a.referenceReturn, 1)}: active ${signedPct(a.active)} = sleeve effects ${signedPct(effects)}${cash !== 0 ? ` + cash ${signedPct(cash)}` : ''} + costs ${signedPct(a.costs, 2)}`);
    const rows = Object.entries(a.sleeves).map(([name, e]) => [`  ${name}`, signedPct(e.allocation), signedPct(e.selection), signedPct(e.interaction)]);
    lines.push(textTable([['', 'allocation', 'selection', 'interaction'], ...rows]));
  }
  const f = report.factors;
  if (f) {
    const betas = f.tickers.map((t) => `${t} ${num(f.betas[t])} (t ${num(f.tStats[t], 1)})`).join(' · ');
    lines.push(`factor betas ${betas}; alpha ${signedPct(f.alpha, 2)}/year (t ${num(f.alphaTStat ?? null, 1)}), R² ${num(f.rSquared)}, ${f.periods} periods`);
  }
  return lines;
}
