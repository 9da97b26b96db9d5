/**
 * `rebalance.tranches: N`: N sub-portfolios of the same strategy, each with 1/N of the capital,
 * tranche j taking its calendar decisions k_j = offset + round(j · P / N) trading days after the
 * rule's day (P: one period of the rule — weekly 5, monthly 21, quarterly 63, yearly 252, every-N
 * N), held side by side without rebalancing between them: the remedy for rebalance timing luck of
 * Hoffstein, Sibears & Faber (2019), whose dispersion falls with the number of tranches.
 * Combined, with V_j, c_j, w_j each tranche's own equity, cash and weights (each starting at 1):
 *   V_t = (1/N) Σ_j V_{j,t},  cash_t = (1/N) Σ_j c_{j,t},  w_{a,t} = Σ_j V_{j,t} w_{a,j,t} / Σ_j V_{j,t},
 *   r_t = V_t / V_{t−1} − 1 (row 0: 0; row 1 from the initial capital 1);
 * every tranche's trades are the portfolio's trades, with cost / N (a fraction of the combined
 * initial capital) and turnover re-expressed on the combined pre-trade equity:
 *   turnover' = turnover_j · V^pre_j / (N · V^pre_t),  V^pre_j = V_{j,t} + cost_j,
 *   V^pre_t = (Σ_i V_{i,t} + Σ costs of row t) / N.
 * Pure: `run` is runBacktest for one tranche.
 */
import { UserError } from '../core/errors.js';
import type { StrategySpec } from '../strategy/schema.js';
import type { BacktestResult, RebalanceRecord, RunData } from './runBacktest.js';

const PERIOD_DAYS: Record<string, number> = { weekly: 5, monthly: 21, quarterly: 63, yearly: 252 };

export function trancheOffsets(spec: StrategySpec, tranches: number): number[] {
  const r = spec.rebalance;
  const period = r.everyDays ?? PERIOD_DAYS[r.schedule];
  if (period === undefined) throw new UserError(`rebalance.tranches: ${tranches} tranches need a calendar rule to spread (weekly, monthly, quarterly, yearly or everyDays), not ${r.schedule}`);
  if (tranches > period) throw new UserError(`rebalance.tranches: ${tranches} tranches for a ${period}-day period; at most ${period}`);
  return Array.from({ length: tranches }, (_, j) => (r.offset ?? 0) + Math.round((j * period) / tranches));
}

export function runTranches(spec: StrategySpec, data: RunData, run: (spec: StrategySpec, data: RunData) => BacktestResult): BacktestResult {
  const N = spec.rebalance.tranches ?? 1;
  if (spec.weightsFile !== undefined || data.schedule) throw new UserError('rebalance.tranches: a weights schedule has no calendar rule to spread');
  const offsets = trancheOffsets(spec, N);
  const parts = offsets.map((offset) => run({ ...spec, rebalance: { ...spec.rebalance, offset, tranches: 1 } }, data));
  const first = parts[0]!;
  const n = first.dates.length;
  const m = first.layout.assets.length;
  const equity = new Float64Array(n);
  const cash = new Float64Array(n);
  for (const p of parts) {
    for (let t = 0; t < n; t++) {
      equity[t]! += p.ledger.equity[t]! / N;
      cash[t]! += p.ledger.cash[t]! / N;
    }
  }
  const returns = new Float64Array(n);
  for (let t = 1; t < n; t++) returns[t] = equity[t]! / (t === 1 ? 1 : equity[t - 1]!) - 1;
  const recorded = parts.every((p) => p.ledger.weights.length === n * m);
  const weights = new Float64Array(recorded ? n * m : 0);
  if (recorded) {
    for (const p of parts) for (let a = 0; a < m; a++) for (let t = 0; t < n; t++) weights[a * n + t]! += (p.ledger.equity[t]! * p.ledger.weights[a * n + t]!) / (N * equity[t]!);
  }
  // Costs paid on each row by all tranches, for the combined pre-trade equity.
  const rowCost = new Float64Array(n);
  for (const p of parts) for (let k = 0; k < p.ledger.trades.count; k++) rowCost[p.ledger.trades.row[k]!]! += p.ledger.trades.cost[k]!;
  const trades: { row: number; decisionRow: number; rule: number; turnover: number; cost: number; record: RebalanceRecord }[] = [];
  parts.forEach((p) => {
    const tr = p.ledger.trades;
    for (let k = 0; k < tr.count; k++) {
      const t = tr.row[k]!;
      const pre = p.ledger.equity[t]! + tr.cost[k]!;
      const combinedPre = (N * equity[t]! + rowCost[t]!) / N;
      const turnover = (tr.turnover[k]! * pre) / (N * combinedPre);
      const cost = tr.cost[k]! / N;
      trades.push({ row: t, decisionRow: tr.decisionRow[k]!, rule: tr.rule[k]!, turnover, cost, record: { ...p.rebalances[k]!, turnover, cost } });
    }
  });
  trades.sort((x, y) => x.row - y.row || x.decisionRow - y.decisionRow);
  const warnings = [...new Set(parts.flatMap((p) => p.warnings))];
  warnings.push(`rebalance.tranches ${N}: the average of ${N} sub-portfolios deciding ${offsets.join(', ')} trading days after the rule's day, held side by side`);
  return {
    ...first,
    spec,
    ledger: {
      nDates: n,
      nAssets: m,
      equity,
      cash,
      returns,
      weights,
      skippedTrades: parts.reduce((s, p) => s + p.ledger.skippedTrades, 0),
      trades: {
        count: trades.length,
        row: Int32Array.from(trades, (x) => x.row),
        decisionRow: Int32Array.from(trades, (x) => x.decisionRow),
        rule: Uint8Array.from(trades, (x) => x.rule),
        turnover: Float64Array.from(trades, (x) => x.turnover),
        cost: Float64Array.from(trades, (x) => x.cost),
      },
    },
    rebalances: trades.map((x) => x.record),
    warnings,
  };
}
