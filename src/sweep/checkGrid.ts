/**
 * Validates every variant of a sweep before any work starts, and gathers what loading needs:
 * the distinct panels the variants need (see variantGroups). The data
 * settings (`data.*`) and the weights file cannot vary across the grid.
 */
import { UserError } from '../core/errors.js';
import type { StrategySpec } from '../strategy/schema.js';
import { gridSize, type GridParam } from './parseGrid.js';
import { variantGroupKey } from './variantGroups.js';
import { fastPathRefusal } from './fastPath.js';
import type { SpecParts } from './specParts.js';
import type { PathCount } from './sweepPath.js';
import { VariantSpecs } from './variantSpecs.js';

export interface GridCheck {
  readonly count: number;
  /** The distinct panels the variants need (variantGroupKey), each with its first variant. */
  readonly groups: readonly { readonly key: string; readonly first: number }[];
  /** Variants the sweep fast path takes, and why the others run on the general path (sweepPath.ts). */
  readonly paths: PathCount;
  /** The parsed parts every variant is assembled from (specParts.ts), for the worker threads; undefined for very large part sets. */
  readonly parts?: SpecParts;
}

const FIXED_PREFIXES = ['data', 'weightsFile', 'version', 'name'];

export function checkGrid(base: StrategySpec, grid: readonly GridParam[], maxVariants = 10_000_000): GridCheck {
  for (const p of grid) {
    const head = p.path.split('.')[0]!;
    if (FIXED_PREFIXES.includes(head)) {
      throw new UserError(`--grid ${p.path}: ${head} cannot vary within one sweep (the data settings, the weights file and the name belong to the whole sweep); run separate sweeps instead`);
    }
  }
  const count = gridSize(grid);
  if (count > maxVariants) throw new UserError(`--grid: ${count} variants, more than the limit of ${maxVariants}; split the grid`);
  const groups = new Map<string, number>();
  const specs = new VariantSpecs(base, grid);
  const groupKeys = new Map<string, string>();
  let fastVariants = 0;
  const because = new Set<string>();
  for (let i = 0; i < count; i++) {
    const spec = specs.spec(i);
    const refusal = fastPathRefusal(spec);
    if (refusal === null) fastVariants++;
    else because.add(refusal);
    const checkKey = specs.checkKey(i);
    let key = groupKeys.get(checkKey);
    if (key === undefined) {
      key = variantGroupKey(spec);
      if (groupKeys.size >= 65_536) groupKeys.clear();
      groupKeys.set(checkKey, key);
    }
    if (!groups.has(key)) groups.set(key, i);
  }
  const parts = specs.parts();
  return { count, groups: [...groups].map(([key, first]) => ({ key, first })), paths: { fastVariants, generalBecause: [...because] }, ...(parts ? { parts } : {}) };
}
