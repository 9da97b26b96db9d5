/**
 * scenario.html: each sleeve's move and the portfolio's under both methods as bars side by
 * side, the asset table and the analogue windows. Reads only the report; every text is escaped.
 */
import { pct } from '../report/format.js';
import { chartFigure } from '../report/html/chartFigure.js';
import { escapeHtml } from '../report/html/escapeHtml.js';
import { htmlPage } from '../report/html/htmlPage.js';
import { dataValue, htmlTable } from '../report/html/htmlTable.js';
import { loadPlotKit, plotHtml } from '../report/html/plotKit.js';
import type { ScenarioReport } from './runScenario.js';

export async function renderScenarioHtml(r: ScenarioReport): Promise<string> {
  const kit = await loadPlotKit();
  const { Plot } = kit;
  const methods = ['conditional', 'historical'] as const;
  const groups = [...Object.keys(r.sleeveWeights).map((s) => `sleeve ${s}`), 'portfolio'];
  const rows = methods.flatMap((m) => [
    ...Object.keys(r.sleeveWeights).map((s) => ({ group: `sleeve ${s}`, method: m, value: r.methods[m].sleeveReturns[s] ?? null })),
    { group: 'portfolio', method: m, value: r.methods[m].portfolio },
  ]).filter((x): x is { group: string; method: (typeof methods)[number]; value: number } => x.value !== null);
  const svg = plotHtml(kit, {
    width: 720,
    height: 60 + 46 * groups.length,
    marginLeft: 130,
    marginRight: 60,
    style: { fontSize: '12px' },
    x: { grid: true, label: 'move under the shock', tickFormat: (d: number) => `${Math.round(d * 100)}%` },
    y: { domain: [...methods], axis: null },
    fy: { domain: groups, label: null },
    color: { domain: [...methods], range: ['#1f6fb2', '#c0392b'], legend: true },
    marks: [
      Plot.barX(rows, { x: 'value', y: 'method', fy: 'group', fill: 'method' }),
      Plot.ruleX([0], { stroke: '#555' }),
      Plot.text(rows, { x: 'value', y: 'method', fy: 'group', text: (d: { value: number }) => `${(d.value * 100).toFixed(1)}%`, textAnchor: 'start', dx: 4, fontSize: 11 }),
    ],
  });
  const cell = (x: number | null | undefined) => ({ text: pct(x, 1), attrs: dataValue(x) });
  const assets = htmlTable(
    ['asset', 'weight', 'conditional', 'historical'],
    Object.keys(r.weights).map((t) => [t, cell(r.weights[t]), cell(r.methods.conditional.assets[t]), cell(r.methods.historical.assets[t])]),
    'data-table="scenario-assets"',
  );
  const analogues = htmlTable(
    ['from (close)', 'to', 'distance', ...Object.keys(r.shock)],
    r.methods.historical.analogues.map((a) => [a.from, a.to, a.distance.toFixed(3), ...Object.keys(r.shock).map((t) => cell(a.moves[t]))]),
    'data-table="scenario-analogues"',
  );
  const shock = Object.entries(r.shock).map(([t, x]) => `${t} ${pct(x, 1)}`).join(', ');
  const body = [
    `<header><h1>Scenario · ${escapeHtml(r.strategy)}${r.scenario ? ` · ${escapeHtml(r.scenario)}` : ''}</h1>`,
    `<p class="lede">${escapeHtml(`${shock}; holdings at the close of ${r.asOf}. Conditional Gaussian on the last ${r.methods.conditional.window} daily returns (${r.methods.conditional.observations} used); historical: mean of ${r.methods.historical.analogues.length} non-overlapping ${r.methods.historical.horizon}-day windows.`)}</p></header>`,
    chartFigure('scenario-sleeves', 'Move of each sleeve and of the portfolio', 'Each sleeve\'s move is its contribution over its weight; the portfolio\'s counts cash at 0.', svg),
    assets,
    '<h2>Historical analogues</h2>',
    analogues,
    r.warnings.length > 0 ? `<h2>Warnings</h2><ul class="warnings">${r.warnings.map((w) => `<li>${escapeHtml(w)}</li>`).join('')}</ul>` : '',
    '<footer>sleeves scenario; definitions in docs/thesis-lab.md.</footer>',
  ];
  return htmlPage(`Scenario · ${r.strategy}`, body.join('\n'));
}
