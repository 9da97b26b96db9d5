/**
 * One unit of the robustness lab's work, a pure function of (price panel, params, index) so that
 * it can run in any worker in any order and give the same figures: results depend on the seed
 * and the job index only, never on the worker count.
 */
import { parseIsoDate } from '../core/dates.js';
import { lowerBound, type PricePanel } from '../core/panel.js';
import { preparePanel, type PreparedPanel } from '../engine/preparePanel.js';
import { runBacktest } from '../engine/runBacktest.js';
import type { MetricContext } from '../metrics/convention.js';
import type { StrategySpec } from '../strategy/schema.js';
import { pathSeed, mulberry32 } from './prng.js';
import { resamplePanel } from './resamplePanel.js';
import { runFigures, type RunFigures } from './runFigures.js';
import { stationaryBootstrapIndexes } from './stationaryBootstrapIndexes.js';
import type { CashRates } from '../data/readCashRates.js';

export type RobustJob =
  /** Another strategy (leave-one-out variant) on the same period, on panel `panel` (0: the full run's). */
  | { readonly kind: 'variant'; readonly spec: StrategySpec; readonly panel: number }
  /** The base strategy on another period (a start date and an end date, ISO). */
  | { readonly kind: 'period'; readonly from: string; readonly to: string }
  /** Bootstrap path k of the base strategy. */
  | { readonly kind: 'bootstrap'; readonly path: number };

export interface RobustParams {
  /** The base strategy with an explicit period (from and to are the full run's first and last dates). */
  readonly spec: StrategySpec;
  readonly ctx: MetricContext;
  readonly seed: number;
  /** Mean block length of the stationary bootstrap, in rows. */
  readonly block: number;
  readonly jobs: readonly RobustJob[];
  /** The annual rates of cash.rateFile, when the strategy names one. */
  readonly cashRates?: CashRates | undefined;
}

export interface JobResult extends RunFigures {
  /** Bootstrap only: resampled returns that were missing (NaN) and kept the price flat. */
  readonly missing: number;
}

/** Returns and prefix sums of each shared panel, prepared once and reused by its jobs. */
const preparedPanels = new WeakMap<PricePanel, PreparedPanel>();

function prepared(panel: PricePanel): PreparedPanel {
  let p = preparedPanels.get(panel);
  if (p === undefined) {
    p = preparePanel(panel);
    preparedPanels.set(panel, p);
  }
  return p;
}

/** Runs job `index` on its panel: `panels[0]` is the full run's; a leave-one-out variant names its own. */
export function runRobustJob(panels: PricePanel | readonly PricePanel[], params: RobustParams, index: number): JobResult {
  const job = params.jobs[index];
  if (!job) throw new RangeError(`runRobustJob: no job ${index}`);
  const cashRates = params.cashRates ? { cashRates: params.cashRates } : {};
  const list: readonly PricePanel[] = Array.isArray(panels) ? panels : [panels as PricePanel];
  const panel = list[0]!;
  if (job.kind === 'variant') {
    const own = list[job.panel];
    if (own === undefined) throw new RangeError(`runRobustJob: job ${index} names panel ${job.panel} of ${list.length}`);
    return { ...runFigures(runBacktest(job.spec, { panel: own, prepared: prepared(own), recordWeights: false, ...cashRates }), params.ctx), missing: 0 };
  }
  if (job.kind === 'period') {
    const spec = { ...params.spec, period: { from: job.from, to: job.to } };
    return { ...runFigures(runBacktest(spec, { panel, prepared: prepared(panel), recordWeights: false, ...cashRates }), params.ctx), missing: 0 };
  }
  const { lo, hi } = periodBounds(panel, params.spec);
  const idx = stationaryBootstrapIndexes(hi - lo - 1, params.block, mulberry32(pathSeed(params.seed, job.path)));
  const resampled = resamplePanel(panel, lo, hi, idx);
  return { ...runFigures(runBacktest(params.spec, { panel: resampled.panel, recordWeights: false, ...cashRates }), params.ctx), missing: resampled.missing };
}

/** Rows lo..hi−1 of the panel inside the spec's explicit period. */
export function periodBounds(panel: PricePanel, spec: StrategySpec): { lo: number; hi: number } {
  const from = parseIsoDate(spec.period.from ?? '');
  const to = parseIsoDate(spec.period.to ?? '');
  if (Number.isNaN(from) || Number.isNaN(to)) throw new Error('periodBounds: the robust spec must have an explicit period');
  return { lo: lowerBound(panel.dates, from), hi: lowerBound(panel.dates, to + 1) };
}
