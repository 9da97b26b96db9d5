import { formatIsoDate } from '../core/dates.js';
import type { BacktestResult } from '../engine/runBacktest.js';
import { emptyRecord } from '../core/reservedKeys.js';

/** End-of-period weights by asset and by sleeve (sleeve = Σ fraction · asset weight), and cash. */
export function finalWeights(result: BacktestResult): { date: string; assets: Record<string, number>; sleeves: Record<string, number>; cash: number } {
  const { ledger, layout, dates } = result;
  const n = dates.length;
  const t = n - 1;
  const assets = emptyRecord<number>();
  let invested = 0;
  layout.assets.forEach((ticker, a) => {
    const w = ledger.weights[a * n + t]!;
    assets[ticker] = w;
    invested += w;
  });
  const sleeves = emptyRecord<number>();
  for (const s of layout.sleeves) {
    let w = 0;
    for (const m of s.members) w += m.fraction * ledger.weights[m.asset * n + t]!;
    sleeves[s.name] = w;
  }
  return { date: formatIsoDate(dates[t]!), assets, sleeves, cash: 1 - invested };
}
