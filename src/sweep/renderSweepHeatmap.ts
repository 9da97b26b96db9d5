/**
 * A self-contained HTML page with a heat map of a two-parameter sweep: rows are the first grid
 * parameter's values, columns the second's, each cell coloured by the ranking metric (linear
 * between the worst and the best value; darker is better) and labelled with it. Inline SVG,
 * hand-written; every text is escaped. Undefined cells are grey with an en dash.
 */
import { sweepFigure } from '../report/figures/figureCatalogue.js';
import { formatFigure } from '../report/figures/formatFigure.js';
import { escapeHtml } from '../report/html/escapeHtml.js';
import type { GridParam } from './parseGrid.js';
import { isLowerBetter, type SweepSummary } from './sweepSummary.js';

const CELL_W = 84;
const CELL_H = 34;
const LEFT = 140;
const TOP = 84;

export function renderSweepHeatmap(strategy: string, grid: readonly GridParam[], summary: SweepSummary, synthetic: boolean): string {
  const [rowsP, colsP] = [grid[0]!, grid[1]!];
  const heat = summary.heat ?? [];
  const finite = heat.filter((v): v is number => v !== null);
  const lo = finite.length ? Math.min(...finite) : 0;
  const hi = finite.length ? Math.max(...finite) : 0;
  const lowerBetter = isLowerBetter(summary.rankBy);
  const figure = sweepFigure(summary.rankBy);
  const label = (v: number | null): string => (figure ? formatFigure(figure, v) : String(v ?? '–'));
  const width = LEFT + colsP.values.length * CELL_W + 20;
  const height = TOP + rowsP.values.length * CELL_H + 20;
  const parts: string[] = [];
  parts.push(`<text x="${LEFT + (colsP.values.length * CELL_W) / 2}" y="20" text-anchor="middle" font-weight="bold">${escapeHtml(colsP.path)} →</text>`);
  // The row parameter's name sits on its own line above the column values, left of the grid.
  parts.push(`<text x="10" y="${TOP - 34}" font-weight="bold">${escapeHtml(rowsP.path)} ↓</text>`);
  colsP.values.forEach((v, j) => parts.push(`<text x="${LEFT + j * CELL_W + CELL_W / 2}" y="${TOP - 10}" text-anchor="middle">${escapeHtml(String(v))}</text>`));
  rowsP.values.forEach((rv, i) => {
    parts.push(`<text x="${LEFT - 8}" y="${TOP + i * CELL_H + CELL_H / 2 + 5}" text-anchor="end">${escapeHtml(String(rv))}</text>`);
    colsP.values.forEach((cv, j) => {
      const v = heat[i * colsP.values.length + j] ?? null;
      const goodness = v === null ? null : hi > lo ? (lowerBetter ? (hi - v) / (hi - lo) : (v - lo) / (hi - lo)) : 1;
      const fill = goodness === null ? '#dddddd' : blue(goodness);
      const ink = goodness !== null && goodness > 0.55 ? '#ffffff' : '#111111';
      const x = LEFT + j * CELL_W;
      const y = TOP + i * CELL_H;
      const title = `${rowsP.path}=${String(rv)}, ${colsP.path}=${String(cv)}: ${summary.rankBy} ${label(v)}`;
      parts.push(
        `<g><title>${escapeHtml(title)}</title><rect x="${x}" y="${y}" width="${CELL_W - 2}" height="${CELL_H - 2}" fill="${fill}"/>` +
          `<text x="${x + CELL_W / 2 - 1}" y="${y + CELL_H / 2 + 4}" text-anchor="middle" fill="${ink}">${escapeHtml(label(v))}</text></g>`,
      );
    });
  });
  const title = `${strategy}: ${summary.rankBy} by ${rowsP.path} × ${colsP.path}`;
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<title>${escapeHtml(title)}</title>`,
    '<style>body{font:14px system-ui,sans-serif;margin:24px;color:#111}svg text{font:12px system-ui,sans-serif}p{max-width:60em}</style>',
    '</head><body>',
    `<h1>${escapeHtml(title)}</h1>`,
    synthetic ? '<p><strong>SYNTHETIC sample data</strong> (generated, not market data).</p>' : '',
    `<p>${escapeHtml(`${summary.variants} variants; darker is better (${lowerBetter ? 'lower' : 'higher'} ${summary.rankBy}). Deflated Sharpe ratio of the best variant: ${summary.overfitting.deflatedSharpe === null ? '–' : summary.overfitting.deflatedSharpe.toFixed(3)} over ${summary.overfitting.trials} trials.`)}</p>`,
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeHtml(title)}">`,
    ...parts,
    '</svg>',
    '</body></html>',
    '',
  ].join('\n');
}

/** A sequential blue from #eef4fb (0) to #08306b (1). */
function blue(t: number): string {
  const a = [0xee, 0xf4, 0xfb];
  const b = [0x08, 0x30, 0x6b];
  return `#${a.map((x, k) => Math.round(x + (b[k]! - x) * t).toString(16).padStart(2, '0')).join('')}`;
}
