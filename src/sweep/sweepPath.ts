/**
 * Which path a sweep's variants ran on, stated in its manifest (`path`), its --json output and
 * its terminal summary:
 *  - `fast` (fastPath.ts): the prepared panel shared with the workers, each decision key's
 *    targets computed once per row (natively for one-sleeve inverse vol or equal weights, else by
 *    the general decider) and read by every variant that shares the key (rebalance rule, lag,
 *    costs, period, reporting), the sweep's own simulation loop, only the kept figures; equal to
 *    runBacktest to 1e-12 (tested);
 *  - `general`: runBacktest per variant (drift bands, tranches, user modules, a weights file),
 *    with decisions shared through engine/decisionMemo.ts where that is exact;
 *  - `mixed`: some variants on each (a grid over rebalance.band, say).
 */
import { decisionKey } from '../engine/decisionMemo.js';
import { strategyLayout } from '../engine/strategyLayout.js';
import type { StrategySpec } from '../strategy/schema.js';
import { fastPathRefusal } from './fastPath.js';
import type { GridParam } from './parseGrid.js';
import { nativeDecision } from './sweepDecisions.js';

export interface SweepPath {
  readonly path: 'fast' | 'general' | 'mixed';
  /** Variants on the fast path (null when not counted). */
  readonly fastVariants: number | null;
  /** Why variants ran on the general path (distinct reasons; empty when none did). */
  readonly generalBecause: readonly string[];
  readonly decisions: 'shared' | 'per variant';
  /** How the fast path decides: natively, or through the general decider once per row and key. */
  readonly fastDecisions: 'native' | 'general decider' | null;
  /** Distinct decision sets in the grid (the product of the value counts of the grid's decision parameters); null when not shared. */
  readonly decisionSets: number | null;
  readonly note: string;
}

/** What checkGrid counted: variants the fast path takes, and the reasons of the others. */
export interface PathCount {
  readonly fastVariants: number;
  readonly generalBecause: readonly string[];
}

/** A grid parameter the decisions read: sleeves, allocation or data settings (engine/decisionMemo.ts). */
export function isDecisionParam(path: string): boolean {
  return /^(sleeves|allocation|data)(\.|$)/.test(path);
}

export function sweepPath(spec: StrategySpec, grid: readonly GridParam[], fromWeightsFile: boolean, count?: PathCount, total?: number): SweepPath {
  if (fromWeightsFile) {
    const because = 'a weights file gives the targets; nothing to share';
    return { path: 'general', fastVariants: 0, generalBecause: [because], decisions: 'per variant', fastDecisions: null, decisionSets: null, note: because };
  }
  const refusal = fastPathRefusal(spec);
  const fastVariants = count?.fastVariants ?? null;
  const generalBecause = count ? count.generalBecause : refusal ? [refusal] : [];
  const path = fastVariants === null ? (refusal ? 'general' : 'fast') : fastVariants === 0 ? 'general' : fastVariants === total ? 'fast' : 'mixed';
  const fastDecisions = path === 'general' ? null : nativeDecision(spec, strategyLayout(spec)) ? 'native' : 'general decider';
  if (decisionKey(spec) === null) {
    return { path, fastVariants, generalBecause, decisions: 'per variant', fastDecisions, decisionSets: null, note: 'the strategy names a user module (method: module), which may keep state between calls' };
  }
  const decisionParams = grid.filter((p) => isDecisionParam(p.path));
  const sets = decisionParams.reduce((n, p) => n * p.values.length, 1);
  const shared = grid.filter((p) => !isDecisionParam(p.path)).map((p) => p.path);
  const how = path === 'general' ? `general path (${generalBecause.join('; ')})` : `${path === 'mixed' ? 'mixed: ' : ''}fast path, decisions ${fastDecisions === 'native' ? 'computed natively' : 'by the general decider'} once per row and decision set`;
  return {
    path,
    fastVariants,
    generalBecause,
    decisions: 'shared',
    fastDecisions,
    decisionSets: sets,
    note: shared.length > 0 ? `${how}; variants that differ only in ${shared.join(', ')} share those decisions` : `${how}; every variant has its own decision parameters`,
  };
}

/** One line for the terminal: which path ran and why. */
export function describeSweepPath(p: SweepPath): string {
  const counted = p.fastVariants !== null && p.path === 'mixed' ? ` (${p.fastVariants} variants fast)` : '';
  return `path: ${p.path}${counted}; ${p.note}`;
}
