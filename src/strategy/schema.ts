/**
 * The strategy file schema (version 1). Strict: unknown keys are errors. Every field has a
 * default a quant would expect; the resolved (fully defaulted) spec is saved with each report.
 */
import * as z from 'zod';
import { constraintsSchema } from '../allocation/applyConstraints.js';
import { methodSchema } from './methodSchema.js';
import { isReservedKey } from '../core/reservedKeys.js';

const ticker = z
  .string()
  .min(1)
  .regex(/^[A-Za-z0-9^=._-]+$/, 'a ticker such as NVDA, 0700.HK, ^HSI or GC=F')
  .refine((t) => !isReservedKey(t), 'a ticker, not a reserved name (__proto__, constructor, prototype)');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');

/** A member that counts only inside its dates (inclusive): before `from` and after `to` it is not a candidate. */
export const datedMemberSchema = z
  .object({
    ticker,
    from: isoDate.optional().describe('first date (inclusive) on which the ticker is a member'),
    to: isoDate.optional().describe('last date (inclusive) on which the ticker is a member'),
  })
  .strict();

export const sleeveSchema = z
  .object({
    assets: z
      .union([z.array(z.union([ticker, datedMemberSchema])).min(1), z.record(ticker, z.number().gt(0).max(1))])
      .describe(
        'member tickers (a member may carry dates: {ticker: AVGO, from: 2016-01-01}; list a ticker again for another span), or {ticker: fraction} for an asset shared between sleeves (fractions of one asset sum to 1)',
      ),
    within: methodSchema.optional().describe('how this sleeve allocates among its assets (default: allocation.within)'),
    constraints: constraintsSchema
      .optional()
      .describe('caps and floors on the weights within this sleeve (fractions of the sleeve): maxWeight, minWeight, maxHoldings, cashFloor'),
    description: z.string().optional(),
    role: z
      .enum(['growth', 'hedge', 'core'])
      .optional()
      .describe('growth (the risk), hedge (should hold up when growth falls) or core; the report checks every hedge against the growth sleeves (docs/thesis-lab.md)'),
  })
  .strict();

/**
 * Trend-filter overlay, applied after the across allocation: a sleeve (level sleeve: its index
 * series) or an asset (level asset: across the whole portfolio) whose cumulative-return index
 * is below its `period`-row simple moving average at the decision close loses its weight to the
 * `safe` sleeves or tickers (equally, among those with a price) or to cash.
 */
export const trendOverlaySchema = z
  .object({
    level: z.enum(['sleeve', 'asset']).default('sleeve').describe('filter whole sleeves (on their index series) or single assets'),
    period: z.number().int().min(2).max(2000).default(200).describe('moving-average period in trading days (default 200)'),
    safe: z.array(z.string().min(1)).default([]).describe('sleeve names (level sleeve) or tickers (level asset) exempt from the filter; they receive the weight moved out'),
    to: z.enum(['safe', 'cash']).default('safe').describe("where the weight of a broken trend goes: 'safe' (equally to the safe names with a price, cash if none) or 'cash'"),
  })
  .strict();

export const rebalanceSchema = z
  .object({
    schedule: z
      .enum(['daily', 'weekly', 'monthly', 'quarterly', 'yearly', 'never'])
      .default('monthly')
      .describe('calendar rule: the decision is taken on the first or last trading day of each period'),
    on: z.enum(['first', 'last']).default('last').describe('first or last trading day of the period'),
    everyDays: z.number().int().positive().optional().describe('instead of a calendar period: every N trading days'),
    band: z
      .object({
        absolute: z.number().positive().max(1).optional().describe('rebalance when any |w − target| exceeds this'),
        relative: z.number().positive().optional().describe('rebalance when any |w − target| / target exceeds this'),
      })
      .strict()
      .optional()
      .describe('drift bands checked daily, alone or combined with the calendar rule'),
    offset: z
      .number()
      .int()
      .min(0)
      .max(252)
      .optional()
      .describe('take each calendar (or every-N-days) decision this many trading days after the rule\'s day (default 0); `sleeves robust --offsets` reruns every offset (rebalance timing luck)'),
    tranches: z
      .number()
      .int()
      .min(1)
      .max(63)
      .optional()
      .describe('hold N sub-portfolios whose calendar decisions are spread over the period (offsets 0, P/N, 2P/N…) and report their average (default 1)'),
    lag: z.number().int().min(0).max(20).default(1).describe('trading days between the decision close and the trade close'),
    minTrade: z
      .number()
      .min(0)
      .lt(1)
      .default(0)
      .describe('skip a rebalance whose turnover Σ|target − drifted| / 2 is below this fraction (the first allocation always trades)'),
  })
  .strict();

export const costsSchema = z
  .object({
    bps: z.number().min(0).max(1000).default(0).describe('proportional cost, basis points of traded value'),
    slippageBps: z.number().min(0).max(1000).default(0).describe('slippage, basis points of traded value'),
  })
  .strict();

export const dataSchema = z
  .object({
    maxFillDays: z.number().int().min(0).max(60).default(5).describe('forward-fill gaps up to this many rows; never back-fill'),
    calendar: z.string().default('union').describe('union | intersection | a ticker whose trading days define the calendar'),
    lateStart: z
      .enum(['refuse', 'cash', 'redistribute'])
      .default('refuse')
      .describe(
        'a ticker without prices at the start of the period: refuse (the run stops and names it), cash (its share is held in cash until its first price), redistribute (the other candidates share its weight until then)',
      ),
  })
  .strict();

export const reportingSchema = z
  .object({
    convention: z.enum(['standard', 'performanceanalytics']).default('standard'),
    riskFreeRate: z.number().min(-0.5).max(1).default(0).describe('annual rate'),
    mar: z.number().min(-0.5).max(1).default(0).describe('minimum acceptable return, annual'),
    topK: z.number().int().positive().default(3),
    periodsPerYear: z.number().positive().optional().describe('default: inferred from the data spacing'),
    riskFree: z
      .enum(['rate', 'cash'])
      .optional()
      .describe("'cash': the strategy's cash return series (the `cash` key) is the risk-free rate of Sharpe and the target of Sortino; default 'rate' (riskFreeRate and mar)"),
    factors: z
      .array(ticker)
      .min(1)
      .max(20)
      .refine((list) => new Set(list).size === list.length, 'each factor ticker once')
      .optional()
      .describe('tickers of the data folder to regress the strategy\'s daily returns on (OLS with an intercept): betas, t-statistics, R², annualised alpha, rolling one-year betas'),
  })
  .strict();

/** What cash earns: a fixed annual rate, a proxy ticker's returns, or a file of annual rates by date. */
export const cashSchema = z.union([
  z.object({ rate: z.number().min(-0.5).max(1).describe('annual rate, accrued per period as (1 + rate)^(1/periodsPerYear) − 1') }).strict(),
  z.object({ ticker: ticker.describe('cash is held in this ticker (e.g. SHY): it earns the ticker’s daily return') }).strict(),
  z
    .object({ rateFile: z.string().min(1).describe('a CSV date,rate of annual rates (path relative to the strategy file); a rate holds from its date until the next') })
    .strict(),
]);
export type CashSpec = z.infer<typeof cashSchema>;

export const strategySchema = z
  .object({
    version: z.literal(1).describe('strategy file format version; must be 1'),
    name: z.string().min(1).max(200),
    description: z.string().default(''),
    sleeves: z.record(
      z
        .string()
        .regex(/^[A-Za-z_][A-Za-z0-9_-]*$/, 'a sleeve name (letters, digits, _ and -)')
        .refine((n) => !isReservedKey(n), 'a sleeve name, not a reserved name (__proto__, constructor, prototype)'),
      sleeveSchema,
    ),
    allocation: z
      .object({
        across: methodSchema.default({ method: 'equal' }).describe('how sleeves share the portfolio'),
        within: methodSchema.default({ method: 'equal' }).describe('default allocation inside each sleeve'),
        acrossConstraints: constraintsSchema
          .optional()
          .describe('caps and floors on sleeve weights, by sleeve name or one number for all: maxWeight, minWeight, maxHoldings, cashFloor'),
        trendFilter: trendOverlaySchema.optional().describe('move the weight of sleeves or assets below their moving average to safe sleeves/tickers or cash'),
        assetConstraints: constraintsSchema
          .optional()
          .describe('portfolio-level caps and floors on each asset\'s total weight (after sleeves × within, and the trend filter), by ticker or one number'),
      })
      .strict()
      .default({ across: { method: 'equal' }, within: { method: 'equal' } }),
    rebalance: rebalanceSchema.default({ schedule: 'monthly', on: 'last', lag: 1, minTrade: 0 }),
    costs: costsSchema.default({ bps: 0, slippageBps: 0 }),
    benchmark: ticker.optional().describe('a ticker held buy-and-hold as the benchmark'),
    weightsFile: z
      .string()
      .min(1)
      .optional()
      .describe('targets from a CSV (date,<ticker>...): each row is traded at that date\'s close + lag; replaces allocation and calendar rebalancing (path relative to the strategy file)'),
    data: dataSchema.default({ maxFillDays: 5, calendar: 'union', lateStart: 'refuse' }),
    period: z.object({ from: isoDate.optional(), to: isoDate.optional() }).strict().default({}),
    currency: z
      .object({
        base: z.enum(['USD', 'local']).default('USD').describe('USD: convert HKD/CNY prices with the USDHKD/USDCNY files of the data folder; local: no conversion'),
        assets: z
          .record(ticker, z.enum(['USD', 'HKD', 'CNY']))
          .optional()
          .describe('currency by ticker, overriding the suffix rule (.HK → HKD, .SS/.SZ → CNY, ^HSI/^HSCE/^HSTECH → HKD, else USD)'),
      })
      .strict()
      .default({ base: 'USD' }),
    cash: cashSchema.optional().describe('what uninvested weight earns: { rate: 0.02 } | { ticker: SHY } | { rateFile: FILE }; default nothing'),
    reporting: reportingSchema.default({ convention: 'standard', riskFreeRate: 0, mar: 0, topK: 3 }),
    scenarios: z
      .record(z.string().regex(/^[A-Za-z_][A-Za-z0-9_-]*$/, 'a scenario name (letters, digits, _ and -)'), z.record(ticker, z.number().gt(-1).max(10)))
      .optional()
      .describe('named shocks for `sleeves scenario --scenario NAME`: {taiwan: {TSM: -0.4, NVDA: -0.25}} (simple returns)'),
    selectedOn: isoDate
      .optional()
      .describe('the date the members were chosen; a backtest before it knows which names would lead (`sleeves hindsight` measures how much that is worth)'),
    stressWindows: z
      .array(z.object({ name: z.string().min(1).max(100), from: isoDate, to: isoDate }).strict())
      .optional()
      .describe('extra named stress windows for `sleeves robust` (added to the built-in crisis windows)'),
  })
  .strict();

export type StrategySpec = z.infer<typeof strategySchema>;
export type SleeveSpec = z.infer<typeof sleeveSchema>;
