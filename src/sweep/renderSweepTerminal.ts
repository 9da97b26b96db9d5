/**
 * The sweep's terminal summary: the top variants by the ranking metric as a table, the
 * overfitting guard (variants tried, SR₀ and the deflated Sharpe ratio of the best variant),
 * warnings and the folder written. Pure: returns text.
 */
import pc from 'picocolors';
import { sweepFigure } from '../report/figures/figureCatalogue.js';
import { formatFigure } from '../report/figures/formatFigure.js';
import { textTable } from '../report/format.js';
import { variantValues, type GridParam } from './parseGrid.js';
import type { Shard } from './shardIndexes.js';
import type { SweepSummary } from './sweepSummary.js';
import { describeSweepPath, type SweepPath } from './sweepPath.js';
import { SWEEP_METRICS } from './variantMetrics.js';

/** The variants.csv columns of the top-variants table, in order; headers and formats from the figure catalogue. */
const COLUMNS = (['sharpe', 'sortino', 'cagr', 'annualizedVolatility', 'maxDrawdown', 'calmar', 'totalReturn', 'turnoverPerYear'] as const).map((key) => {
  const figure = sweepFigure(key);
  if (!figure) throw new Error(`renderSweepTerminal: no catalogue figure for the sweep column ${key}`);
  return { key, figure };
});

export interface SweepTerminalContext {
  readonly strategy: string;
  readonly grid: readonly GridParam[];
  readonly count: number;
  readonly shard: Shard | null;
  readonly dataDirectory: string;
  readonly synthetic: boolean;
  readonly folder: string | null;
  readonly color: boolean;
  /** Which path the variants ran on (manifest `path`), printed when given. */
  readonly path?: SweepPath;
}

export function renderSweepTerminal(summary: SweepSummary, ctx: SweepTerminalContext): string {
  const c = pc.createColors(ctx.color);
  const shape = ctx.grid.map((p) => p.values.length).join(' × ');
  const scope = ctx.shard ? `shard ${ctx.shard.index}/${ctx.shard.of}: ${summary.variants} of ${ctx.count} variants` : `${ctx.count} variants`;
  const lines: string[] = [];
  lines.push(c.bold(`sweep ${ctx.strategy}: ${scope} (${shape}) on ${ctx.dataDirectory}${ctx.synthetic ? ' (SYNTHETIC sample data)' : ''}, ranked by ${summary.rankBy}`));
  lines.push('');
  const head = ['rank', 'variant', ...ctx.grid.map((p) => p.path), ...COLUMNS.map((col) => col.figure.short ?? col.figure.label)];
  const rows = summary.top.map((r, i) => {
    const params = variantValues(ctx.grid, r.index).map(String);
    const cells = COLUMNS.map((col) => {
      const v = r.values[SWEEP_METRICS.indexOf(col.key)] ?? null;
      const text = formatFigure(col.figure, v);
      return col.key === summary.rankBy ? c.bold(text) : text;
    });
    return [String(i + 1), String(r.index), ...params, ...cells];
  });
  lines.push(textTable([head.map((h) => c.dim(h)), ...rows]));
  if (summary.top.length < summary.variants) lines.push(c.dim(`(top ${summary.top.length} of ${summary.variants}; every variant is in variants.csv)`));
  lines.push('');
  lines.push(overfittingLine(summary, ctx.shard !== null));
  if (ctx.path) lines.push(c.dim(describeSweepPath(ctx.path)));
  for (const w of summary.warnings) lines.push(c.yellow(`warning: ${w}`));
  if (ctx.folder) lines.push(`written: ${ctx.folder}`);
  return `${lines.join('\n')}\n`;
}

export function overfittingLine(summary: SweepSummary, shardOnly: boolean): string {
  const o = summary.overfitting;
  const tried = `overfitting guard: ${o.variantsTried} variant${o.variantsTried === 1 ? '' : 's'} tried${shardOnly ? ' in this shard (merge the shards for the whole grid)' : ''}`;
  if (!o.best) return `${tried}; no best variant.`;
  const sr0 = o.expectedMaxSharpe === null ? '–' : o.expectedMaxSharpe.toFixed(4);
  const sr = o.best.periodSharpe === null ? '–' : o.best.periodSharpe.toFixed(4);
  const dsr = o.deflatedSharpe === null ? '–' : o.deflatedSharpe.toFixed(3);
  return (
    `${tried}; best variant ${o.best.variant}: Sharpe ${sr} per period over ${o.best.periods ?? '–'} periods, ` +
    `expected maximum of ${o.trials} null trials SR0 = ${sr0}; deflated Sharpe ratio ${dsr} ` +
    '(probability that its true Sharpe ratio is above 0 once the selection is accounted for)'
  );
}
