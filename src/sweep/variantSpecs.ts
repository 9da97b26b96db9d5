/**
 * Variant specs without a schema parse per variant: the strategy schema parses each top-level key
 * (sleeves, rebalance, costs, ...) on its own (no refinement spans two of them), so variant i's
 * spec is the base spec with, for each top-level key a grid path starts with, that key's parsed
 * value given only the grid values under it. Those parsed values are cached: a 100 × 10 grid over
 * sleeves.*.lookback and rebalance.everyDays parses 110 times, not 1,000. The cross-field checks
 * (checkStrategy) still run on each assembled spec. Whenever a parse or a check fails, the
 * variant is built by variantSpec, whose error message is the sweep's.
 */
import { checkStrategy } from '../strategy/checkStrategy.js';
import { strategySchema, type StrategySpec } from '../strategy/schema.js';
import { variantValues, type GridParam } from './parseGrid.js';
import { setSpecPath } from './setSpecPath.js';
import { variantSpec } from './variantSpec.js';

export class VariantSpecs {
  /** Grid parameter indexes by the top-level key of their path. */
  private readonly byKey = new Map<string, number[]>();
  private readonly parsed = new Map<string, unknown>();

  constructor(
    private readonly base: StrategySpec,
    private readonly grid: readonly GridParam[],
  ) {
    grid.forEach((p, k) => {
      const head = p.path.split('.')[0]!;
      const list = this.byKey.get(head) ?? [];
      list.push(k);
      this.byKey.set(head, list);
    });
  }

  /** Variant `index`'s resolved spec: equal to variantSpec(base, grid, index), which gives its errors. */
  spec(index: number): StrategySpec {
    const values = variantValues(this.grid, index);
    const spec: Record<string, unknown> = { ...this.base };
    for (const [head, params] of this.byKey) {
      const cacheKey = JSON.stringify([head, params.map((k) => values[k])]);
      let sub = this.parsed.get(cacheKey);
      if (sub === undefined) {
        let raw: unknown = this.base;
        for (const k of params) raw = setSpecPath(raw, this.grid[k]!.path, values[k]);
        const result = strategySchema.safeParse(raw);
        if (!result.success) return variantSpec(this.base, this.grid, index);
        sub = (result.data as Record<string, unknown>)[head] ?? null;
        this.parsed.set(cacheKey, sub);
      }
      if (sub === null) delete spec[head];
      else spec[head] = sub;
    }
    const assembled = spec as unknown as StrategySpec;
    if (checkStrategy(assembled).length > 0) return variantSpec(this.base, this.grid, index);
    return assembled;
  }
}
