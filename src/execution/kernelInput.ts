/**
 * What the simulation kernel (simulateKernel.ts) takes and gives: its input, the rules that
 * trigger a trade, and its ledger. Shared by the TypeScript loop and the WebAssembly one
 * (simulateWasm.ts).
 */
import type { FilledPrices } from './filledPrices.js';

export interface KernelInput {
  readonly nDates: number;
  readonly nAssets: number;
  /**
   * Prices, column-major: asset a on period row t is prices[a * stride + offset + t]
   * (stride defaults to nDates, offset to 0). NaN = no price.
   */
  readonly prices: Float64Array;
  readonly stride?: number;
  readonly offset?: number;
  /** 1 on rows where the calendar rule takes a decision at the close. */
  readonly calendar: Uint8Array;
  /** Drift bands (0 = off): decide when any |w − target| > absolute or |w − target| / target > relative. */
  readonly bandAbsolute: number;
  readonly bandRelative: number;
  readonly lag: number;
  /** (bps + slippageBps) / 10,000. */
  readonly costRate: number;
  /** Fills every entry of `out` (length nAssets) with the target weights decided at the close of row t (`out` holds stale values before). */
  readonly decide: (t: number, out: Float64Array) => void;
  /**
   * Optional: decides every row of `rows` (ascending) into `targets` (row k's at k · nAssets), as
   * `decide` row by row would (the same targets and records, in order; every entry written). The
   * WebAssembly loop (simulateWasm.ts), which knows its decision rows in advance, uses it when
   * given; `rows` is its own view, read during the call only and never written.
   */
  readonly decideRows?: ((rows: Int32Array, targets: Float64Array) => void) | undefined;
  /** Record end-of-day weights (default true; a sweep that needs only returns can skip them). */
  readonly recordWeights?: boolean;
  /**
   * Skip a rebalance (not the first trade) whose turnover Σ|T − h| / 2V would be below this
   * (default 0: never skip). Holdings then drift on, and the previous target stays in force.
   */
  readonly minTurnover?: number;
  /**
   * Simple return of cash from the close of period row t − 1 to the close of row t (entry 0
   * unused; length nDates), e.g. a money-market rate per period or a cash proxy's returns.
   * Omitted: cash earns nothing.
   */
  readonly cashReturns?: Float64Array;
  /**
   * The same prices forward-filled and row-major (a prepared panel's `filled`, with each
   * asset's entry in a row); built from `prices` when omitted. Must agree with `prices`.
   */
  readonly filled?: FilledPrices | undefined;
}

export const RULE_INITIAL = 0;
export const RULE_CALENDAR = 1;
export const RULE_BAND = 2;
export const RULE_NAMES = ['initial', 'calendar', 'band'] as const;

export interface KernelLedger {
  readonly nDates: number;
  readonly nAssets: number;
  /** End-of-day equity; initial capital 1 before the first trade. */
  readonly equity: Float64Array;
  readonly cash: Float64Array;
  /**
   * Simple portfolio return of each row: row 0 (the start) is 0, row 1 is V_1 / 1 − 1 from the
   * initial capital (so the cost of a trade at the start close is in it), later rows V_t / V_{t−1} − 1.
   */
  readonly returns: Float64Array;
  /** End-of-day weights, column-major (weights[a * nDates + t]); empty if not recorded. */
  readonly weights: Float64Array;
  /** Rebalances skipped because their turnover was below minTurnover. */
  readonly skippedTrades: number;
  /** One entry per executed trade. */
  readonly trades: {
    readonly count: number;
    readonly row: Int32Array;
    readonly decisionRow: Int32Array;
    readonly rule: Uint8Array;
    /** Σ|T − h| / (2 V) with V the pre-trade equity. */
    readonly turnover: Float64Array;
    /** Cost as a fraction of initial capital. */
    readonly cost: Float64Array;
  };
}
