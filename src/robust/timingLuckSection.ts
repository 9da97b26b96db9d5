/**
 * Rebalance timing luck in the robustness outputs: terminal lines, and the robust.html section
 * (a chart of CAGR and max drawdown by offset, the as-written offset marked, and the table).
 * Reads only the report.
 */
import { num, pct, textTable } from '../report/format.js';
import { chartFigure } from '../report/html/chartFigure.js';
import { dataValue, htmlTable } from '../report/html/htmlTable.js';
import { plotHtml, type PlotKit } from '../report/html/plotKit.js';
import type { Spread, TimingLuck } from './timingLuck.js';

export function timingLuckLines(luck: TimingLuck): string[] {
  const row = (label: string, s: Spread, f: (x: number | null) => string) => [label, f(luck.offsets[0]?.[label === 'CAGR' ? 'cagr' : label === 'Sharpe' ? 'sharpe' : 'maxDrawdown'] ?? null), f(s.min), f(s.median), f(s.max), f(s.gap), f(s.stdev)];
  return [
    `Rebalance timing luck  (${luck.schedule}, ${luck.offsets.length} offsets; Hoffstein, Sibears & Faber 2019)`,
    textTable([
      ['', 'offset 0', 'min', 'median', 'max', 'max − min', 'stdev'],
      row('CAGR', luck.spread.cagr, (x) => pct(x)),
      row('Sharpe', luck.spread.sharpe, (x) => num(x)),
      row('max drawdown', luck.spread.maxDrawdown, (x) => pct(x, 1)),
    ]),
  ];
}

export function timingLuckHtml(kit: PlotKit, luck: TimingLuck): string {
  const cell = (x: number | null, f: (x: number | null) => string) => ({ text: f(x), attrs: dataValue(x) });
  const table = htmlTable(
    ['offset (trading days)', 'first decision', 'CAGR', 'Sharpe', 'max drawdown'],
    luck.offsets.map((r) => [String(r.offset), r.firstDecision ?? '–', cell(r.cagr, (x) => pct(x)), cell(r.sharpe, (x) => num(x)), cell(r.maxDrawdown, (x) => pct(x, 1))]),
    'data-table="timing-luck"',
  );
  const { Plot } = kit;
  const rows = luck.offsets.flatMap((r) => [
    { offset: r.offset, figure: 'CAGR', value: r.cagr, written: r.offset === 0 },
    { offset: r.offset, figure: 'max drawdown (negative)', value: r.maxDrawdown === null ? null : -r.maxDrawdown, written: r.offset === 0 },
  ]).filter((r) => r.value !== null);
  const svg = plotHtml(kit, {
    width: 720,
    height: 300,
    marginLeft: 60,
    style: { fontSize: '12px' },
    x: { label: 'decision moved k trading days after the rule’s day', grid: true },
    y: { label: 'annual return / drawdown', tickFormat: (d: number) => `${Math.round(d * 100)}%`, grid: true },
    color: { legend: true, domain: ['CAGR', 'max drawdown (negative)'], range: ['#2e7d32', '#c0392b'] },
    marks: [
      Plot.ruleY([0], { stroke: '#555' }),
      Plot.lineY(rows, { x: 'offset', y: 'value', stroke: 'figure' }),
      Plot.dot(rows, { x: 'offset', y: 'value', fill: 'figure', r: (d: { written: boolean }) => (d.written ? 6 : 3) }),
    ],
  });
  const c = luck.spread.cagr;
  return [
    '<section id="timing-luck"><h2>Rebalance timing luck</h2>',
    `<p>The same strategy (${luck.schedule}) with its calendar decisions moved 0–${luck.offsets.length - 1} trading days: CAGR from <strong>${pct(c.min)}</strong> to <strong>${pct(c.max)}</strong> (gap ${pct(c.gap)}, standard deviation ${pct(c.stdev)}).</p>`,
    chartFigure('timing-luck', 'CAGR and max drawdown by rebalance offset', `${luck.method}. The large dot is the strategy as written (offset 0).`, svg),
    table,
    '</section>',
  ].join('\n');
}
