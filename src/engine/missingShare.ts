/**
 * `data.lateStart: cash`: the share of a level's weight that belongs to candidates without a
 * price yet, and so stays in cash. Each candidate holds a slot: its named weight's share of the
 * named total under `fixed` (w_i / Σ_j w_j over the named candidates), 1/n under every other
 * method. The allocator first spreads the level's weight over the priced candidates (as
 * `redistribute` does); scaling its output by 1 − Σ slots of the missing then leaves exactly the
 * missing candidates' slots in cash. Under `fixed` this gives back each priced candidate's named
 * weight; under `equal` 1/n each.
 */
import type { MethodSpec } from '../strategy/methodSchema.js';

export function missingShare(stage: MethodSpec, names: readonly string[], missing: Uint8Array): number {
  const n = names.length;
  if (n === 0) return 0;
  if (stage.method === 'fixed') {
    const named = stage.weights as Record<string, number>;
    let total = 0;
    let gone = 0;
    names.forEach((name, i) => {
      const w = Object.hasOwn(named, name) ? named[name]! : 0;
      total += w;
      if (missing[i] === 1) gone += w;
    });
    return total > 0 ? gone / total : 0;
  }
  let count = 0;
  for (let i = 0; i < n; i++) count += missing[i]!;
  return count / n;
}
