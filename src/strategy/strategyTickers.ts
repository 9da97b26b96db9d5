/**
 * Every price file a strategy needs from a data folder, before loading any: its sleeves'
 * assets (first appearance order), its benchmark, and, with `currency.base: USD`, the FX files
 * (USDHKD, USDCNY) that convert its HKD and CNY assets, each with the tickers it converts. The
 * currency of a ticker is `currency.assets` when it names it, else the suffix rule (currencyOf),
 * as in the run's conversion.
 */
import { currencyOf, FX_TICKERS, type Currency } from '../data/currency.js';
import type { StrategySpec } from './schema.js';
import { sleeveMembers } from './sleeveMembers.js';

export interface StrategyTickers {
  readonly assets: readonly string[];
  readonly benchmark?: string;
  /** FX tickers needed, each with the tickers (assets or benchmark) it converts to USD. */
  readonly fx: readonly { readonly ticker: string; readonly converts: readonly string[] }[];
  /** All of the above once each: assets, then the benchmark, then the FX tickers. */
  readonly all: readonly string[];
}

export function strategyTickers(spec: StrategySpec): StrategyTickers {
  const assets = [...new Set(Object.values(spec.sleeves).flatMap((s) => sleeveMembers(s).map((m) => m.ticker)))];
  const priced = spec.benchmark !== undefined && !assets.includes(spec.benchmark) ? [...assets, spec.benchmark] : assets;
  const fx = new Map<string, string[]>();
  if (spec.currency.base === 'USD') {
    for (const t of priced) {
      const c: Currency | null = spec.currency.assets?.[t] ?? currencyOf(t);
      if (c === null || c === 'USD') continue;
      const pair = FX_TICKERS[c];
      fx.set(pair, [...(fx.get(pair) ?? []), t]);
    }
  }
  return {
    assets,
    ...(spec.benchmark !== undefined ? { benchmark: spec.benchmark } : {}),
    fx: [...fx].map(([ticker, converts]) => ({ ticker, converts })),
    all: [...new Set([...priced, ...fx.keys()])],
  };
}
