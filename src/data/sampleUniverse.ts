/**
 * The synthetic sample's universe: every ticker of the MISSION.md universe table, with the
 * parameters of its made-up price process. Numbers are plausible, not estimated from data.
 *
 * Model (see generateSample): daily log return of asset i on weekday t
 *   r_it = μ_i/252 + Σ_f β_if · F_ft + σ_ε,i · ε_it/√252,
 * with factors F (unit annual volatility, fat-tailed daily shocks, plus regime moves) and
 * σ_ε,i = √(σ_i² − Σ_f β_if²) so the asset's annual volatility is about σ_i.
 */

/** Factors of the sample: world market, China/HK market, AI, defensive, rates (duration), gold, military. */
export const FACTORS = ['world', 'china', 'ai', 'defensive', 'rates', 'gold', 'military'] as const;
export type Factor = (typeof FACTORS)[number];

export interface SampleAsset {
  readonly ticker: string;
  readonly sleeve: 'ai' | 'defensive' | 'gold' | 'military' | 'benchmark' | 'fx';
  /** First trading day (ISO); the sample starts 2012-01-03 for assets listed before. */
  readonly listed: string;
  /** Price on the first day, in the listing currency. */
  readonly start: number;
  /** Annual log drift μ (before regime moves). */
  readonly mu: number;
  /** Annual volatility σ (approximately; regimes add to it). */
  readonly vol: number;
  /** Factor loadings β, in annual-volatility units. */
  readonly beta: Partial<Record<Factor, number>>;
}

const S = '2012-01-03';
type Row = [string, SampleAsset['sleeve'], string, number, number, number, Partial<Record<Factor, number>>];

// ticker, sleeve, listed, start price, μ, σ, loadings
const ROWS: Row[] = [
  // AI leaders, US-listed
  ['NVDA', 'ai', S, 0.35, 0.38, 0.42, { world: 0.2, ai: 0.28 }],
  ['MSFT', 'ai', S, 22, 0.18, 0.26, { world: 0.16, ai: 0.14 }],
  ['GOOGL', 'ai', S, 16, 0.15, 0.28, { world: 0.16, ai: 0.15 }],
  ['AMZN', 'ai', S, 9, 0.18, 0.32, { world: 0.17, ai: 0.16 }],
  ['META', 'ai', '2012-05-18', 38, 0.15, 0.38, { world: 0.17, ai: 0.18 }],
  ['AVGO', 'ai', S, 25, 0.28, 0.36, { world: 0.18, ai: 0.2 }],
  ['TSM', 'ai', S, 11, 0.18, 0.32, { world: 0.17, ai: 0.18, china: 0.05 }],
  ['AMD', 'ai', S, 5.5, 0.2, 0.45, { world: 0.2, ai: 0.26 }],
  // AI leaders, China / Hong Kong
  ['0700.HK', 'ai', S, 30, 0.12, 0.3, { world: 0.1, china: 0.18, ai: 0.1 }],
  ['9988.HK', 'ai', '2019-11-26', 230, 0.02, 0.38, { world: 0.1, china: 0.22, ai: 0.1 }],
  ['0981.HK', 'ai', S, 4, 0.12, 0.42, { world: 0.1, china: 0.22, ai: 0.14 }],
  ['BABA', 'ai', '2014-09-19', 90, 0.04, 0.38, { world: 0.12, china: 0.22, ai: 0.1 }],
  ['BIDU', 'ai', S, 120, 0.02, 0.38, { world: 0.12, china: 0.2, ai: 0.12 }],
  ['688256.SS', 'ai', '2020-07-20', 120, 0.15, 0.5, { world: 0.05, china: 0.25, ai: 0.2 }],
  ['688981.SS', 'ai', '2020-07-16', 60, 0.06, 0.42, { world: 0.05, china: 0.25, ai: 0.15 }],
  ['002230.SZ', 'ai', S, 12, 0.1, 0.42, { world: 0.05, china: 0.25, ai: 0.12 }],
  // Defensive
  ['XLU', 'defensive', S, 28, 0.07, 0.16, { world: 0.08, defensive: 0.12, rates: 0.04 }],
  ['XLP', 'defensive', S, 25, 0.07, 0.13, { world: 0.08, defensive: 0.09 }],
  ['TLT', 'defensive', S, 95, 0.04, 0.14, { world: -0.03, rates: 0.135 }],
  ['IEF', 'defensive', S, 90, 0.025, 0.07, { world: -0.01, rates: 0.068 }],
  ['SHY', 'defensive', S, 80, 0.012, 0.015, { rates: 0.012 }],
  ['BND', 'defensive', S, 65, 0.025, 0.05, { rates: 0.045 }],
  ['JNJ', 'defensive', S, 50, 0.07, 0.17, { world: 0.08, defensive: 0.11 }],
  ['PG', 'defensive', S, 50, 0.07, 0.17, { world: 0.08, defensive: 0.11 }],
  ['KO', 'defensive', S, 25, 0.06, 0.17, { world: 0.08, defensive: 0.11 }],
  ['USMV', 'defensive', S, 22, 0.09, 0.12, { world: 0.1, defensive: 0.06 }],
  // Gold
  ['GLD', 'gold', S, 155, 0.04, 0.15, { gold: 0.145 }],
  ['IAU', 'gold', S, 15.5, 0.04, 0.15, { gold: 0.145 }],
  ['GC=F', 'gold', S, 1600, 0.04, 0.155, { gold: 0.145 }],
  ['518880.SS', 'gold', '2013-07-29', 2.9, 0.06, 0.14, { gold: 0.13 }],
  // Military equipment
  ['LMT', 'military', S, 65, 0.12, 0.22, { world: 0.1, military: 0.15 }],
  ['RTX', 'military', S, 45, 0.08, 0.25, { world: 0.12, military: 0.15 }],
  ['NOC', 'military', S, 48, 0.13, 0.22, { world: 0.09, military: 0.15 }],
  ['GD', 'military', S, 55, 0.1, 0.22, { world: 0.11, military: 0.14 }],
  ['LHX', 'military', S, 35, 0.12, 0.23, { world: 0.11, military: 0.14 }],
  ['BA', 'military', S, 65, 0.06, 0.3, { world: 0.18, military: 0.12 }],
  ['ITA', 'military', S, 45, 0.09, 0.22, { world: 0.13, military: 0.14 }],
  ['XAR', 'military', S, 45, 0.1, 0.24, { world: 0.13, military: 0.15 }],
  ['600760.SS', 'military', S, 8, 0.14, 0.4, { world: 0.04, china: 0.2, military: 0.15 }],
  ['000768.SZ', 'military', S, 10, 0.1, 0.36, { world: 0.04, china: 0.2, military: 0.14 }],
  ['512660.SS', 'military', '2016-08-08', 1, 0.06, 0.28, { world: 0.04, china: 0.2, military: 0.12 }],
  // Benchmarks
  ['SPY', 'benchmark', S, 105, 0.11, 0.16, { world: 0.155 }],
  ['QQQ', 'benchmark', S, 52, 0.15, 0.22, { world: 0.17, ai: 0.12 }],
  ['ACWI', 'benchmark', S, 38, 0.07, 0.16, { world: 0.14, china: 0.05 }],
  ['^GSPC', 'benchmark', S, 1277, 0.09, 0.158, { world: 0.155 }],
  ['^HSI', 'benchmark', S, 18400, 0.05, 0.2, { world: 0.1, china: 0.16 }],
  ['000300.SS', 'benchmark', S, 2300, 0.08, 0.22, { world: 0.05, china: 0.2 }],
  ['510300.SS', 'benchmark', '2012-05-28', 2.2, 0.1, 0.22, { world: 0.05, china: 0.2 }],
];

export const SAMPLE_ASSETS: readonly SampleAsset[] = ROWS.map(([ticker, sleeve, listed, start, mu, vol, beta]) => ({
  ticker,
  sleeve,
  listed,
  start,
  mu,
  vol,
  beta,
}));

/**
 * A regime: over [from, to] each named factor moves by `move` in total (spread evenly over the
 * weekdays; in factor units, so an asset moves β·move in log terms: SPY's β_world = 0.155 and a
 * world move of −2.6 give about −40%), and every shock's volatility is multiplied by `volScale`.
 */
export interface Regime {
  readonly name: string;
  readonly from: string;
  readonly to: string;
  readonly move: Partial<Record<Factor, number>>;
  readonly volScale: number;
}

export const REGIMES: readonly Regime[] = [
  { name: 'gold crash', from: '2013-04-10', to: '2013-06-28', move: { gold: -2 }, volScale: 1.5 },
  { name: 'China crash', from: '2015-06-15', to: '2015-08-26', move: { china: -2 }, volScale: 2 },
  { name: 'August 2015 selloff', from: '2015-08-18', to: '2015-08-25', move: { world: -0.8 }, volScale: 2.5 },
  { name: '2018 Q4 selloff', from: '2018-10-01', to: '2018-12-24', move: { world: -1.3, ai: -0.6 }, volScale: 1.8 },
  { name: 'COVID crash', from: '2020-02-20', to: '2020-03-23', move: { world: -3, china: -0.5, military: -1 }, volScale: 2.5 },
  { name: 'COVID rebound', from: '2020-03-24', to: '2020-08-31', move: { world: 2, ai: 1 }, volScale: 1.6 },
  { name: '2022 rate shock', from: '2022-01-03', to: '2022-10-14', move: { rates: -2.4, ai: -1.5, world: -1, china: -1.2 }, volScale: 1.5 },
  { name: 'AI boom', from: '2023-01-03', to: '2024-06-28', move: { ai: 2 }, volScale: 1.2 },
  { name: 'gold rally', from: '2024-02-15', to: '2025-10-20', move: { gold: 3 }, volScale: 1.1 },
  { name: 'DeepSeek rally', from: '2025-02-04', to: '2025-03-18', move: { china: 1.3 }, volScale: 1.5 },
];
