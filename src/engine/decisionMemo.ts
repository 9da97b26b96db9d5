/**
 * Decisions shared across backtests whose decisions are provably identical, behind the run
 * boundary: the sweep's general path (runBacktest per variant: bands, tranches) uses it; the
 * sweep's fast path keeps its own table on the same reasoning (sweep/sweepDecisions.ts).
 *
 * Why it is exact: a decision at full-panel row t (makeDecider in decideTargets.ts) reads only
 * the strategy's sleeves, `allocation` (methods, constraints, trend filter) and
 * `data.lateStart`, the panel's prices and its prepared returns up to row t; it keeps no state
 * between calls (its buffers are overwritten at every call) and the allocators are pure
 * functions of their input. It does not read the rebalance rule (schedule, spacing, lag,
 * bands, minimum trade), the costs, the period, the benchmark or the reporting settings: those
 * only choose WHEN the kernel asks for a decision and what it does with it. So two specs with the
 * same decision key, on the same panel object, get bit-identical targets (and the same decision
 * record) at every row, and a target computed once can be copied. User modules (`method:
 * module`) are arbitrary code that may keep state, so a spec naming one gets no memo.
 * Whoever gives the decider a new input (a field of DecisionContext read from the spec) must add
 * it to `decisionKey`; test/property/sweepFastPath.property.test.ts then checks the sharing.
 */
import type { PricePanel } from '../core/panel.js';
import type { StrategySpec } from '../strategy/schema.js';
import type { DecisionRecord } from './decideTargets.js';

type Decide = (row: number, out: Float64Array) => void;

/** The part of a spec decisions depend on, as a string; null when decisions may not be shared. */
export function decisionKey(spec: StrategySpec): string | null {
  const stages = [spec.allocation.within, spec.allocation.across, ...Object.values(spec.sleeves).map((s) => s.within)];
  if (stages.some((s) => s?.method === 'module')) return null;
  return JSON.stringify([spec.sleeves, spec.allocation, spec.data.lateStart ?? null]);
}

export class DecisionMemo {
  private readonly targets: Float64Array;
  private readonly done: Uint8Array;
  private readonly records = new Map<number, DecisionRecord>();
  /** Decisions computed and decisions copied, for the sweep's manifest and the tests. */
  computed = 0;
  reused = 0;

  constructor(
    readonly key: string,
    readonly panel: PricePanel,
    private readonly nAssets: number,
  ) {
    this.targets = new Float64Array(panel.dates.length * nAssets);
    this.done = new Uint8Array(panel.dates.length);
  }

  /** Whether runs of `spec` on `panel` may use this memo. */
  accepts(spec: StrategySpec, panel: PricePanel): boolean {
    return panel === this.panel && decisionKey(spec) === this.key;
  }

  /**
   * `decide` with memory: a row decided before is copied (and its record, if it had one, appended
   * to `log` again); a new row is decided, kept and recorded as usual.
   */
  wrap(decide: Decide, log: DecisionRecord[]): Decide {
    const m = this.nAssets;
    return (row, out) => {
      const at = row * m;
      if (this.done[row] === 1) {
        for (let a = 0; a < m; a++) out[a] = this.targets[at + a]!;
        const record = this.records.get(row);
        if (record) log.push(record);
        this.reused++;
        return;
      }
      const before = log.length;
      decide(row, out);
      for (let a = 0; a < m; a++) this.targets[at + a] = out[a]!;
      if (log.length > before) this.records.set(row, log[log.length - 1]!);
      this.done[row] = 1;
      this.computed++;
    };
  }
}
