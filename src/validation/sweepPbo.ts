/**
 * `sleeves sweep --pbo`: keeps each variant's daily returns as the sweep streams its results,
 * then computes the probability of backtest overfitting (probabilityOfOverfitting.ts) over all
 * of them. The returns are held in memory: N variants × T days must stay under PBO_MAX_VALUES
 * (checked before any variant runs, T bounded by the loaded panel's rows). PBO needs every
 * variant, on one calendar: a shard, or a grid that changes the tickers (several panels), is
 * refused.
 */
import { UserError } from '../core/errors.js';
import type { VariantResult } from '../sweep/variantMetrics.js';
import { probabilityOfOverfitting, type Overfit } from './probabilityOfOverfitting.js';

/** 25 million daily returns: 200 MB of Float64. */
export const PBO_MAX_VALUES = 25_000_000;

export interface PboRequest {
  readonly partitions: number;
  readonly embargo: number;
}

/** The fields `--pbo` adds to the manifest's `overfitting`. */
export interface PboFields {
  readonly pbo: number;
  readonly degradation: Overfit['degradation'];
  readonly probabilityOfLoss: number;
  readonly cscv: Omit<Overfit, 'pbo' | 'degradation' | 'probabilityOfLoss' | 'logits'> & { readonly periods: number; readonly metric: 'per-period Sharpe ratio' };
}

export interface PboCollector {
  keep(result: VariantResult): void;
  finish(onProgress?: (done: number, total: number) => void): PboFields;
}

export function pboCollector(request: PboRequest, sweep: { count: number; groups: number; sharded: boolean; rows: number }): PboCollector {
  const S = request.partitions;
  if (!(S >= 2 && S <= 20 && S % 2 === 0)) throw new UserError(`--partitions ${S}: expected an even whole number from 2 to 20`);
  if (sweep.sharded) throw new UserError('--pbo needs every variant of the grid; it cannot run on one shard (run the whole sweep)');
  if (sweep.groups > 1) throw new UserError('--pbo needs every variant on the same days; this grid changes the tickers (or the period end), so the variants run on different calendars');
  if (sweep.count * sweep.rows > PBO_MAX_VALUES) {
    throw new UserError(`--pbo keeps every variant's daily returns in memory: ${sweep.count} variants × up to ${sweep.rows} days is more than the limit of ${PBO_MAX_VALUES.toLocaleString('en-US')} values; use a smaller grid or a shorter period`);
  }
  const series: Float64Array[] = new Array<Float64Array>(sweep.count);
  return {
    keep(result) {
      if (!result.returns) throw new Error(`sweep --pbo: variant ${result.index} came back without its returns`);
      series[result.index] = result.returns;
    },
    finish(onProgress) {
      const r = probabilityOfOverfitting(series, { partitions: request.partitions, embargo: request.embargo, ...(onProgress ? { onProgress } : {}) });
      const { pbo, degradation, probabilityOfLoss, logits: _logits, ...cscv } = r;
      return { pbo, degradation, probabilityOfLoss, cscv: { ...cscv, periods: series[0]?.length ?? 0, metric: 'per-period Sharpe ratio' } };
    },
  };
}

/** One line for the terminal summary. */
export function pboLine(f: PboFields): string {
  const slope = f.degradation.slope === null ? '–' : f.degradation.slope.toFixed(2);
  return (
    `Probability of backtest overfitting (CSCV, ${f.cscv.partitions} partitions, ${f.cscv.combinations} combinations, embargo ${f.cscv.embargo}): ` +
    `PBO ${(f.pbo * 100).toFixed(1)}%, probability of loss ${(f.probabilityOfLoss * 100).toFixed(1)}%, degradation slope ${slope}\n`
  );
}
