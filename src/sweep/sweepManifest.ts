/**
 * manifest.json of a sweep folder: what was swept and on which data, so that shards can be
 * checked against each other before a merge (same strategy and base spec, same grid, same data
 * files by SHA-256, same variant count), plus the overfitting guard and the top variants.
 */
import { createHash } from 'node:crypto';
import type { StrategySpec } from '../strategy/schema.js';
import type { OverfittingFields } from '../validation/sweepOverfitting.js';
import type { GridParam } from './parseGrid.js';
import type { Shard } from './shardIndexes.js';
import type { SweepPath } from './sweepPath.js';
import type { SweepSummary, Overfitting } from './sweepSummary.js';
import { SWEEP_METRICS, SWEEP_STATS } from './variantMetrics.js';

export const SWEEP_MANIFEST_VERSION = 1;

export interface SweepManifest {
  readonly sweepManifestVersion: number;
  readonly engineVersion: string;
  readonly strategy: { readonly name: string; readonly slug: string; readonly file: string | null; readonly specSha256: string };
  /** The base spec (resolved, with the command-line overrides) every variant starts from. */
  readonly spec: StrategySpec;
  readonly grid: readonly GridParam[];
  /** Variants in the whole grid. */
  readonly count: number;
  /** The slice this folder holds (null: every variant). */
  readonly shard: Shard | null;
  readonly variantsInFile: number;
  readonly order: string;
  readonly data: { readonly directory: string; readonly synthetic: boolean; readonly files: readonly { readonly ticker: string; readonly file: string; readonly sha256: string }[] };
  readonly rankBy: string;
  readonly overfitting: Overfitting & { readonly scope: 'all variants' | 'this shard only' } & Partial<OverfittingFields>;
  readonly top: readonly { readonly variant: number; readonly params: Record<string, number | string>; readonly values: Record<string, number | null> }[];
  readonly mergedFrom?: readonly string[];
  /** Which path the variants ran on (sweep/sweepPath.ts). */
  readonly path?: SweepPath;
  readonly warnings: readonly string[];
}

/** Hex SHA-256 of the spec's JSON: two shards agree on the base spec when these are equal. */
export function specHash(spec: StrategySpec): string {
  return createHash('sha256').update(JSON.stringify(spec)).digest('hex');
}

export function topEntries(grid: readonly GridParam[], summary: SweepSummary, paramsOf: (index: number) => (number | string)[]): SweepManifest['top'] {
  const keys = [...SWEEP_METRICS, ...SWEEP_STATS];
  return summary.top.map((r) => {
    const params = paramsOf(r.index);
    return {
      variant: r.index,
      params: Object.fromEntries(grid.map((p, k) => [p.path, params[k]!])),
      values: Object.fromEntries(keys.map((key, k) => [key, r.values[k] ?? null])),
    };
  });
}

export const SWEEP_ORDER =
  'variant i is a mixed-radix number over the grids in the order given, the last grid varying fastest; shard I/N holds the variants with i % N == I-1';
