/**
 * A run's rebalance records, built from its ledger's trades and its decision records when first
 * read: the bench, sweeps and robustness jobs read only returns, a report reads them once. The
 * records are the same values whenever they are read (the ledger, the dates and the decision
 * log are not written after the run), and one array, built once.
 */
import { RULE_NAMES, type KernelLedger } from '../execution/kernelInput.js';
import type { DecisionRecord } from './decideTargets.js';
import { isoDay } from './isoDay.js';

export interface RebalanceRecord {
  readonly decisionDate: string;
  readonly tradeDate: string;
  readonly rule: (typeof RULE_NAMES)[number];
  readonly turnover: number;
  readonly cost: number;
  readonly fallbacks: DecisionRecord['fallbacks'];
  /** Sleeves or tickers the trend filter switched off at this decision. */
  readonly brokenTrends: readonly string[];
}

/** One record per trade of `ledger`; `dates` are the period's rows, `decisions` on full-panel rows (period row t is lo + t). */
export function rebalanceRecords(ledger: KernelLedger, dates: Int32Array, decisions: readonly DecisionRecord[], lo: number): RebalanceRecord[] {
  const decisionByRow = new Map(decisions.map((d) => [d.row - lo, d]));
  const { trades } = ledger;
  const records: RebalanceRecord[] = [];
  for (let k = 0; k < trades.count; k++) {
    const decisionRow = trades.decisionRow[k]!;
    const decision = decisionByRow.get(decisionRow);
    records.push({
      decisionDate: isoDay(dates[decisionRow]!),
      tradeDate: isoDay(dates[trades.row[k]!]!),
      rule: RULE_NAMES[trades.rule[k]!]!,
      turnover: trades.turnover[k]!,
      cost: trades.cost[k]!,
      fallbacks: decision?.fallbacks ?? [],
      brokenTrends: decision?.brokenTrends ?? [],
    });
  }
  return records;
}
