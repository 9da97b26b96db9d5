/**
 * The naive reference for the benchmark ratios: a per-day simulator written the obvious way
 * (objects keyed by ticker, a fresh window array per decision), same semantics as the engine for
 * monthly inverse-volatility with lag 1 and no costs. Returns daily portfolio returns.
 */
import { ymdFromDay } from '../src/core/dates.js';
import type { PricePanel } from '../src/core/panel.js';

export function naiveInverseVolBacktest(panel: PricePanel, lookback: number): number[] {
  const n = panel.dates.length;
  const price = (ticker: string, t: number): number => panel.values[panel.assets.indexOf(ticker) * n + t]!;
  const holdings: Record<string, number> = {};
  let cash = 1;
  let pending: Record<string, number> | null = null;
  const equity: number[] = [];
  for (let t = 0; t < n; t++) {
    const value = (): number => cash + Object.entries(holdings).reduce((v, [k, u]) => v + u * price(k, t), 0);
    if (pending) {
      const v = value();
      for (const k of Object.keys(holdings)) delete holdings[k];
      let invested = 0;
      for (const [k, w] of Object.entries(pending)) {
        holdings[k] = (w * v) / price(k, t);
        invested += w * v;
      }
      cash = v - invested;
      pending = null;
    }
    const month = ymdFromDay(panel.dates[t]!).month;
    const monthEnd = t + 1 < n && ymdFromDay(panel.dates[t + 1]!).month !== month;
    if ((t === 0 || monthEnd) && t + 1 < n) {
      const inv: Record<string, number> = {};
      let total = 0;
      for (const ticker of panel.assets) {
        const rets: number[] = [];
        for (let s = Math.max(1, t - lookback + 1); s <= t; s++) rets.push(price(ticker, s) / price(ticker, s - 1) - 1);
        if (rets.length < 20) continue; // the engine's minObservations default
        const mean = rets.reduce((a, b) => a + b, 0) / rets.length;
        const sd = Math.sqrt(rets.reduce((a, b) => a + (b - mean) ** 2, 0) / (rets.length - 1));
        inv[ticker] = 1 / sd;
        total += 1 / sd;
      }
      pending = {};
      if (total > 0) for (const [k, x] of Object.entries(inv)) pending[k] = x / total;
      else for (const k of panel.assets) pending[k] = 1 / panel.assets.length;
    }
    equity.push(value());
  }
  return equity.map((v, t) => (t === 0 ? v - 1 : v / equity[t - 1]! - 1));
}
