/**
 * The returns of a run without its costs (the report's cost drag on CAGR), taken from the
 * costed run's own ledger instead of a second backtest where that is exact.
 *
 * Why it is exact: the kernel (execution/simulateKernel.ts) charges a trade's cost to equity
 * and then sets every holding to its target weight of the post-cost equity V' = V − cost, so
 * the cost scales the whole portfolio (holdings and cash alike) by V' / V and changes nothing
 * else: between trades every holding and the cash grow by their own returns, which do not
 * depend on the portfolio's size, and the decisions depend on prices only. The cost-free run
 * is therefore the costed run divided by the running product of those factors, and its
 * periodic returns differ only on the period of each trade:
 *   1 + r⁰_t = (1 + r_t) · (V'_t + cost_t) / V'_t   (t the trade row; the period that starts at
 *   the initial capital, row 1, for a trade at the start close, row 0),
 *   r⁰_t = r_t on every other row.
 * Decisions that compare the portfolio's own weights against a threshold (drift bands,
 * minTrade) could fall either way of it by a rounding difference, and tranches average
 * portfolios with different cost factors: those runs are backtested again without costs.
 */
import type { BacktestResult } from '../engine/runBacktest.js';
import type { StrategySpec } from '../strategy/schema.js';

/** True when the ledger alone gives the cost-free returns exactly (see above). */
export function costFreeFromLedger(spec: StrategySpec): boolean {
  const r = spec.rebalance;
  return (r.tranches ?? 1) === 1 && r.band === undefined && (r.minTrade ?? 0) === 0;
}

/** The cost-free returns of `result`: from its ledger when exact, else from `rerun` (a backtest without costs). */
export function costFreeReturns(result: BacktestResult, rerun: () => Float64Array): Float64Array {
  return costFreeFromLedger(result.spec) ? grossFromLedger(result) : rerun();
}

function grossFromLedger({ ledger }: BacktestResult): Float64Array {
  const n = ledger.nDates;
  const gross = Float64Array.from(ledger.returns);
  const { count, row, cost } = ledger.trades;
  for (let k = 0; k < count; k++) {
    const c = cost[k]!;
    if (c === 0) continue;
    const r = row[k]!;
    const post = ledger.equity[r]!;
    const t = r === 0 ? 1 : r;
    if (t < n) gross[t] = (1 + gross[t]!) * ((post + c) / post) - 1;
  }
  return gross;
}
