/**
 * Which path a sweep's variants run on, stated in its manifest (`path`): with shared decisions
 * (engine/decisionMemo.ts: variants that differ only in rebalance rule, costs, period or
 * reporting copy the targets the first of them computed, bit-identical to computing them) or
 * each variant deciding alone (a weights file, or a user module that may keep state).
 */
import { decisionKey } from '../engine/decisionMemo.js';
import type { StrategySpec } from '../strategy/schema.js';
import type { GridParam } from './parseGrid.js';

export interface SweepPath {
  readonly decisions: 'shared' | 'per variant';
  /** Distinct decision sets in the grid (the product of the value counts of the grid's decision parameters); null when not shared. */
  readonly decisionSets: number | null;
  readonly note: string;
}

/** A grid parameter the decisions read: sleeves, allocation or data settings (engine/decisionMemo.ts). */
export function isDecisionParam(path: string): boolean {
  return /^(sleeves|allocation|data)(\.|$)/.test(path);
}

export function sweepPath(spec: StrategySpec, grid: readonly GridParam[], fromWeightsFile: boolean): SweepPath {
  if (fromWeightsFile) return { decisions: 'per variant', decisionSets: null, note: 'a weights file gives the targets; nothing to share' };
  if (decisionKey(spec) === null) return { decisions: 'per variant', decisionSets: null, note: 'the strategy names a user module (method: module), which may keep state between calls' };
  const decisionParams = grid.filter((p) => isDecisionParam(p.path));
  const sets = decisionParams.reduce((n, p) => n * p.values.length, 1);
  const shared = grid.filter((p) => !isDecisionParam(p.path)).map((p) => p.path);
  return {
    decisions: 'shared',
    decisionSets: sets,
    note: shared.length > 0
      ? `variants that differ only in ${shared.join(', ')} copy the decisions of the first of them (per worker, in variant order); equal to deciding alone, bit for bit`
      : 'every variant has its own decision parameters; each decides once per row',
  };
}
