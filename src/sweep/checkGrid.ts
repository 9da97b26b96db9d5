/**
 * Validates every variant of a sweep before any work starts, and gathers what loading the
 * shared panel needs: the union of all tickers any variant uses (assets, benchmark, cash proxy), and
 * the latest period end. The panel is loaded once for all variants, so the data settings
 * (`data.*`) and the weights file cannot vary across the grid.
 */
import { UserError } from '../core/errors.js';
import { strategyLayout } from '../engine/strategyLayout.js';
import type { StrategySpec } from '../strategy/schema.js';
import { gridSize, type GridParam } from './parseGrid.js';
import { variantSpec } from './variantSpec.js';

export interface GridCheck {
  readonly count: number;
  /** Every ticker some variant needs, in first-use order. */
  readonly tickers: readonly string[];
  /** The latest `period.to` of all variants, or undefined when some variant has none. */
  readonly to: string | undefined;
}

const FIXED_PREFIXES = ['data', 'weightsFile', 'version', 'name'];

export function checkGrid(base: StrategySpec, grid: readonly GridParam[], maxVariants = 10_000_000): GridCheck {
  for (const p of grid) {
    const head = p.path.split('.')[0]!;
    if (FIXED_PREFIXES.includes(head)) {
      throw new UserError(`--grid ${p.path}: ${head} cannot vary within one sweep (all variants share one loaded panel and name); run separate sweeps instead`);
    }
  }
  const count = gridSize(grid);
  if (count > maxVariants) throw new UserError(`--grid: ${count} variants, more than the limit of ${maxVariants}; split the grid`);
  const tickers = new Set<string>();
  let to: string | undefined = '';
  for (let i = 0; i < count; i++) {
    const spec = variantSpec(base, grid, i);
    for (const t of strategyLayout(spec).assets) tickers.add(t);
    if (spec.benchmark) tickers.add(spec.benchmark);
    if (spec.cash && 'ticker' in spec.cash) tickers.add(spec.cash.ticker); // cash held in a proxy
    const end = spec.period.to;
    if (end === undefined) to = undefined;
    else if (to !== undefined && end > to) to = end;
  }
  return { count, tickers: [...tickers], to: to === '' ? undefined : to };
}
