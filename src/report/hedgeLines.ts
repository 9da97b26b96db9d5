/**
 * The terminal lines of the report's `hedges` section: one row per hedge sleeve (correlation,
 * worst-5% correlation, down-capture, how many growth drawdowns and falling stress windows it
 * held up in) and the 2022 rate shock when the run covers it. Reads only the report.
 */
import { num, pct, textTable } from './format.js';
import type { Report } from './reportTypes.js';

export function hedgeLines(report: Report): string[] {
  const hedges = report.hedges ?? [];
  if (hedges.length === 0) return [];
  const first = hedges[0]!;
  const by = { role: 'role: growth', name: 'named as the AI/leaders sleeve', volatility: 'the most volatile sleeve' }[first.growthBy];
  const held = (kind: 'drawdown' | 'stress', h: (typeof hedges)[number]) => {
    const judged = h.episodes.filter((e) => e.kind === kind && e.verdict !== null);
    return `${judged.filter((e) => e.verdict === 'held').length}/${judged.length}`;
  };
  const lines = [`does the hedge hedge? against ${first.growth.join(' + ')} (${by}); sleeve returns on their own start-of-day weight`];
  lines.push(
    textTable([
      ['', 'corr', 'worst-5% corr', 'down-capture', 'held in drawdowns >10%', 'held in stress windows'],
      ...hedges.map((h) => [h.sleeve, num(h.correlation), num(h.tailCorrelation), num(h.downCapture), held('drawdown', h), held('stress', h)]),
    ]),
  );
  const shock = hedges.map((h) => ({ h, e: h.episodes.find((e) => e.kind === 'stress' && e.name === 'Rate shock') })).filter((x) => x.e);
  if (shock.length > 0) {
    const e0 = shock[0]!.e!;
    lines.push(`2022 rate shock (${e0.from} → ${e0.to}): growth ${pct(e0.growthReturn, 1)}; ${shock.map(({ h, e }) => `${h.sleeve} ${pct(e!.hedgeReturn, 1)} (${e!.verdict ?? 'n/a'})`).join(', ')}`);
  }
  return lines;
}
