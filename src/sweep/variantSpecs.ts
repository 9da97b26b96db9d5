/**
 * Variant specs without a schema parse per variant: the strategy schema parses each top-level key
 * (sleeves, rebalance, costs, ...) on its own (no refinement spans two of them), so variant i's
 * spec is the base spec with, for each top-level key a grid path starts with, that key's parsed
 * value given only the grid values under it. Those parsed values are cached: a 100 × 10 grid over
 * sleeves.*.lookback and rebalance.everyDays parses 110 times, not 1,000. The cross-field checks
 * (checkStrategy) still run on each assembled spec. Whenever a parse or a check fails, the
 * variant is built by variantSpec, whose error message is the sweep's. The parts (specParts.ts)
 * go to the worker threads, which assemble the variants they run without loading the schema.
 */
import { checkStrategy } from '../strategy/checkStrategy.js';
import { strategySchema, type StrategySpec } from '../strategy/schema.js';
import { variantValues, type GridParam } from './parseGrid.js';
import { setSpecPath } from './setSpecPath.js';
import { assembleSpec, partHeads, partKey, type SpecParts } from './specParts.js';
import { variantSpec } from './variantSpec.js';

/**
 * Top-level keys that neither checkStrategy nor the panel a variant needs (variantGroupKey) read:
 * variants that differ only there share both verdicts (see checkStrategy.ts and variantGroups.ts).
 */
const CHECK_BLIND: ReadonlySet<string> = new Set(['rebalance', 'costs']);

export class VariantSpecs {
  private readonly heads: SpecParts['heads'];
  private readonly parsed: Record<string, unknown> = {};
  private partCount = 0;
  /** checkStrategy's verdict (true: no issue) by checkKey. */
  private readonly checked = new Map<string, boolean>();

  constructor(
    private readonly base: StrategySpec,
    private readonly grid: readonly GridParam[],
  ) {
    this.heads = partHeads(grid);
  }

  /** Variant `index`'s resolved spec: equal to variantSpec(base, grid, index), which gives its errors. */
  spec(index: number): StrategySpec {
    const values = variantValues(this.grid, index);
    for (const { head, params } of this.heads) {
      const key = partKey(head, params, values);
      if (key in this.parsed) continue;
      let raw: unknown = this.base;
      for (const k of params) raw = setSpecPath(raw, this.grid[k]!.path, values[k]);
      const result = strategySchema.safeParse(raw);
      if (!result.success) return variantSpec(this.base, this.grid, index);
      this.parsed[key] = (result.data as Record<string, unknown>)[head] ?? null;
      this.partCount++;
    }
    const assembled = assembleSpec(this.base, this.grid, { heads: this.heads, parsed: this.parsed }, index)!;
    const key = this.checkKey(index);
    let ok = this.checked.get(key);
    if (ok === undefined) {
      ok = checkStrategy(assembled).length === 0;
      if (this.checked.size >= 65_536) this.checked.clear();
      this.checked.set(key, ok);
    }
    return ok ? assembled : variantSpec(this.base, this.grid, index);
  }

  /** The grid values of variant `index` outside the keys checkStrategy and variantGroupKey never read. */
  checkKey(index: number): string {
    const values = variantValues(this.grid, index);
    return JSON.stringify(this.grid.map((p, k) => (CHECK_BLIND.has(p.path.split('.')[0]!) ? null : values[k])));
  }

  /** The parts parsed so far, for worker threads (undefined past `limit` parts: they then parse each variant). */
  parts(limit = 20_000): SpecParts | undefined {
    return this.partCount <= limit ? { heads: this.heads, parsed: this.parsed } : undefined;
  }
}
