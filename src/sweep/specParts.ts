/**
 * A variant's spec from parsed parts, without the strategy schema (so a worker thread need not
 * load zod): the base spec with, for each top-level key a grid path starts with, that key's value
 * as the schema parsed it given the variant's grid values under it (VariantSpecs builds the parts
 * and checks every assembled variant; see variantSpecs.ts for why this equals a full parse).
 */
import type { StrategySpec } from '../strategy/schema.js';
import { variantValues, type GridParam, type GridValue } from './parseGrid.js';

export interface SpecParts {
  /** Top-level keys and the indexes of the grid parameters under each. */
  readonly heads: readonly { readonly head: string; readonly params: readonly number[] }[];
  /** partKey(head, values) → the parsed value of that key (null: absent). */
  readonly parsed: Readonly<Record<string, unknown>>;
}

/** The grid parameters by the top-level key of their path, in first-seen order. */
export function partHeads(grid: readonly GridParam[]): SpecParts['heads'] {
  const byKey = new Map<string, number[]>();
  grid.forEach((p, k) => {
    const head = p.path.split('.')[0]!;
    byKey.set(head, [...(byKey.get(head) ?? []), k]);
  });
  return [...byKey].map(([head, params]) => ({ head, params }));
}

export function partKey(head: string, params: readonly number[], values: readonly GridValue[]): string {
  return JSON.stringify([head, params.map((k) => values[k])]);
}

/** Variant `index` assembled from the parts, or null when a part is missing. */
export function assembleSpec(base: StrategySpec, grid: readonly GridParam[], parts: SpecParts, index: number): StrategySpec | null {
  const values = variantValues(grid, index);
  const spec: Record<string, unknown> = { ...base };
  for (const { head, params } of parts.heads) {
    const sub = parts.parsed[partKey(head, params, values)];
    if (sub === undefined) return null;
    if (sub === null) delete spec[head];
    else spec[head] = sub;
  }
  return spec as unknown as StrategySpec;
}
