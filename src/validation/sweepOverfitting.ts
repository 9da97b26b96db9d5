/**
 * What a sweep adds to its overfitting guard beyond the deflated Sharpe ratio of its own
 * variants (sweepSummary): keeps each variant's daily returns as results stream in, then
 *   - the trial ledger: the deflated Sharpe ratio (Bailey & López de Prado 2014) of the best
 *     variant with N = the trials of its strategy family recorded in the run catalog before this
 *     sweep plus this sweep's variants, scaled by this sweep's share of effective trials:
 *     N = familyTrials · effectiveTrials / variants (effectiveTrials.ts, Nyholt 2004); without
 *     the returns (too many, or several calendars) N = familyTrials, unscaled;
 *   - with --pbo, the probability of backtest overfitting (probabilityOfOverfitting.ts), its
 *     combinations evaluated on the worker pool (runCscv.ts).
 * Returns are held in memory: N variants × T days up to KEEP_MAX_VALUES. Above it --pbo is
 * refused and the effective trial count is left out (null, with a warning). PBO needs every
 * variant on one calendar: a shard, or a grid that changes the tickers, is refused.
 */
import { UserError } from '../core/errors.js';
import { deflatedSharpe } from '../sweep/deflatedSharpe.js';
import type { SweepSummary } from '../sweep/sweepSummary.js';
import { SWEEP_METRICS, SWEEP_STATS, type VariantResult } from '../sweep/variantMetrics.js';
import { effectiveTrials } from './effectiveTrials.js';
import type { Overfit } from './probabilityOfOverfitting.js';
import { runCscv } from './runCscv.js';

/** 25 million daily returns: 200 MB of Float64. */
export const KEEP_MAX_VALUES = 25_000_000;
/** Pairwise correlations beyond this many variants take too long (M²·T/2 products). */
export const EFFECTIVE_MAX_VARIANTS = 2000;

export interface PboRequest {
  readonly partitions: number;
  readonly embargo: number;
}

export interface OverfittingRequest {
  readonly pbo?: PboRequest | undefined;
  readonly familySha256: string;
  /** Trials of the family recorded before this sweep; null when the catalog is off or unreadable. */
  readonly priorTrials: number | null;
}

/** The fields `--pbo` adds to the manifest's `overfitting`. */
export interface PboFields {
  readonly pbo: number;
  readonly degradation: Overfit['degradation'];
  readonly probabilityOfLoss: number;
  readonly cscv: Omit<Overfit, 'pbo' | 'degradation' | 'probabilityOfLoss' | 'logits'> & { readonly periods: number; readonly metric: 'per-period Sharpe ratio' };
}

export interface TrialLedger {
  readonly familySha256: string;
  readonly priorTrials: number | null;
  /** priorTrials + this sweep's variants (this sweep's alone when the catalog is off). */
  readonly familyTrials: number;
  readonly variants: number;
  /** Nyholt's effective number of independent trials among this sweep's variants. */
  readonly effectiveTrials: number | null;
  /** N of the deflated Sharpe ratio below. */
  readonly trialsUsed: number;
  readonly expectedMaxSharpe: number | null;
  readonly deflatedSharpe: number | null;
}

export type OverfittingFields = Partial<PboFields> & { readonly ledger: TrialLedger };

export interface OverfittingCollector {
  /** Whether the task must return each variant's returns. */
  readonly keepReturns: boolean;
  keep(result: VariantResult): void;
  finish(summary: SweepSummary, run?: { workers?: number; onProgress?: ((done: number, total: number) => void) | undefined; signal?: AbortSignal | undefined }): Promise<{ fields: OverfittingFields; warnings: string[] }>;
}

export function overfittingCollector(request: OverfittingRequest, sweep: { count: number; groups: number; sharded: boolean; rows: number }): OverfittingCollector {
  const fits = sweep.count * sweep.rows <= KEEP_MAX_VALUES;
  if (request.pbo) {
    const S = request.pbo.partitions;
    if (!(S >= 2 && S <= 20 && S % 2 === 0)) throw new UserError(`--partitions ${S}: expected an even whole number from 2 to 20`);
    if (sweep.sharded) throw new UserError('--pbo needs every variant of the grid; it cannot run on one shard (run the whole sweep)');
    if (sweep.groups > 1) throw new UserError('--pbo needs every variant on the same days; this grid changes the tickers (or the period end), so the variants run on different calendars');
    if (!fits) {
      throw new UserError(`--pbo keeps every variant's daily returns in memory: ${sweep.count} variants × up to ${sweep.rows} days is more than the limit of ${KEEP_MAX_VALUES.toLocaleString('en-US')} values; use a smaller grid or a shorter period`);
    }
  }
  const keepReturns = fits && sweep.groups === 1 && (request.pbo !== undefined || sweep.count <= EFFECTIVE_MAX_VARIANTS);
  const series: Float64Array[] = [];
  return {
    keepReturns,
    keep(result) {
      if (!keepReturns) return;
      if (!result.returns) throw new Error(`sweep: variant ${result.index} came back without its returns`);
      series.push(result.returns);
    },
    async finish(summary, run = {}) {
      const warnings: string[] = [];
      const variants = summary.variants;
      const effective = keepReturns && series.length <= EFFECTIVE_MAX_VARIANTS ? effectiveTrials(series) : null;
      if (effective === null) warnings.push(`effective number of trials: not computed (${sweep.groups > 1 ? 'the variants run on different calendars' : `more than ${EFFECTIVE_MAX_VARIANTS} variants or ${KEEP_MAX_VALUES.toLocaleString('en-US')} returns`}); the deflated Sharpe ratio of the ledger counts every trial as independent`);
      const familyTrials = (request.priorTrials ?? 0) + variants;
      const trialsUsed = effective === null || variants === 0 ? familyTrials : Math.max(1, (familyTrials * effective) / variants);
      const ledger = { familySha256: request.familySha256, priorTrials: request.priorTrials, familyTrials, variants, effectiveTrials: effective, trialsUsed, ...ledgerDsr(summary, trialsUsed) };
      if (!request.pbo) return { fields: { ledger }, warnings };
      const r = await runCscv(series, { partitions: request.pbo.partitions, embargo: request.pbo.embargo, workers: run.workers ?? 1, onProgress: run.onProgress, signal: run.signal });
      const { pbo, degradation, probabilityOfLoss, logits: _logits, ...cscv } = r;
      return { fields: { ledger, pbo, degradation, probabilityOfLoss, cscv: { ...cscv, periods: series[0]?.length ?? 0, metric: 'per-period Sharpe ratio' } }, warnings };
    },
  };
}

const col = (name: string): number => [...SWEEP_METRICS, ...SWEEP_STATS].indexOf(name as never);

/** SR₀ and DSR of the sweep's best variant with N trials and the sweep's Sharpe variance. */
function ledgerDsr(summary: SweepSummary, trials: number): { expectedMaxSharpe: number | null; deflatedSharpe: number | null } {
  const best = summary.top[0];
  const variance = summary.overfitting.sharpeVariance;
  const [sr, periods, skew, kurt] = ['periodSharpe', 'periods', 'skewness', 'excessKurtosis'].map((k) => best?.values[col(k)] ?? null);
  if (!best || sr === null || periods === null || skew === null || kurt === null || (variance === null && trials > 1)) return { expectedMaxSharpe: null, deflatedSharpe: null };
  const d = deflatedSharpe({ sharpe: sr!, periods: periods!, skewness: skew!, excessKurtosis: kurt! }, trials, variance ?? 0);
  return { expectedMaxSharpe: Number.isFinite(d.expectedMaxSharpe) ? d.expectedMaxSharpe : null, deflatedSharpe: Number.isFinite(d.deflatedSharpe) ? d.deflatedSharpe : null };
}

/** The terminal lines for the ledger and, with --pbo, PBO. */
export function overfittingLines(f: OverfittingFields): string {
  const l = f.ledger;
  const lines = [
    `trial ledger: ${l.familyTrials} trials of this strategy family${l.priorTrials === null ? ' (catalog off: this sweep only)' : ` (${l.priorTrials} recorded before)`}, ` +
      `effective trials ${l.effectiveTrials === null ? '–' : l.effectiveTrials.toFixed(1)} of ${l.variants} here, N = ${l.trialsUsed.toFixed(1)}; ` +
      `deflated Sharpe ratio ${l.deflatedSharpe === null ? '–' : l.deflatedSharpe.toFixed(3)}`,
  ];
  if (f.pbo !== undefined && f.cscv && f.degradation && f.probabilityOfLoss !== undefined) {
    const slope = f.degradation.slope === null ? '–' : f.degradation.slope.toFixed(2);
    lines.push(
      `probability of backtest overfitting (CSCV, ${f.cscv.partitions} partitions, ${f.cscv.combinations} combinations, embargo ${f.cscv.embargo}): ` +
        `PBO ${(f.pbo * 100).toFixed(1)}%, probability of loss ${(f.probabilityOfLoss * 100).toFixed(1)}%, degradation slope ${slope}`,
    );
  }
  return `${lines.join('\n')}\n`;
}
