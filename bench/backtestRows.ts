/**
 * The bench's in-process backtest rows on generated panels (50 and 500 assets × 5,040 days,
 * monthly, lag 1): inverse vol from prices and on a prepared panel (each timed interleaved with
 * the numpy baseline when it runs), ERC, min variance with a 10% cap, and 500-asset inverse vol.
 * Before timing, the engine's daily returns are checked against the naive JS simulator and numpy's.
 * The timed runs produce daily returns, trades and costs, as numpy's do; end-of-day weights,
 * which only a report reads, are not recorded (recordWeights: false, as sweeps run).
 */
import type { PricePanel } from '../src/core/panel.js';
import { preparePanel } from '../src/engine/preparePanel.js';
import { runBacktest } from '../src/engine/runBacktest.js';
import { strategySchema, type StrategySpec } from '../src/strategy/schema.js';
import { measure, measureInterleaved, type Timing } from './measure.js';
import { naiveInverseVolBacktest } from './naiveBacktest.js';
import { startNumpy } from './numpyBaseline.js';

export interface BenchRow extends Timing {
  id: string;
  name: string;
  targetMs: number;
  /** Printed instead of targetMs (e.g. "≥10× numpy"). */
  targetText?: string;
  /** Met when numpy's median / ours ≥ this. */
  targetRatio?: number;
  numpyMedianMs?: number;
  numpyMinMs?: number;
  /** numpy's median / ours (> 1: sleeves is faster). */
  numpyRatio?: number;
  note?: string;
}

export function benchSpec(assets: readonly string[], within: Record<string, unknown>): StrategySpec {
  return strategySchema.parse({
    version: 1,
    name: 'bench',
    sleeves: { all: { assets: [...assets], within } },
    rebalance: { schedule: 'monthly', on: 'last', lag: 1 },
    reporting: { periodsPerYear: 252 },
  });
}

function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) return Number.POSITIVE_INFINITY;
  let worst = 0;
  for (let t = 0; t < a.length; t++) worst = Math.max(worst, Math.abs(a[t]! - b[t]!));
  return worst;
}

export async function backtestRows(
  root: string,
  p50: PricePanel,
  p500: PricePanel | null,
  runs: number,
  scratch: string,
  notes: string[],
  wanted: (id: string) => boolean = () => true,
): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  if (wanted('ivol-50x5040-prices') || wanted('ivol-50x5040-prepared')) rows.push(...(await inverseVolRows(root, p50, runs, scratch, notes, wanted)));
  const prepared50 = { panel: p50, prepared: preparePanel(p50), recordWeights: false };
  const erc = benchSpec(p50.assets, { method: 'riskParity', lookback: 252 });
  const minVar = benchSpec(p50.assets, { method: 'minVariance', lookback: 252, maxWeight: 0.1 });
  // Fewer timed runs for the slower covariance rows, after the same 3 warm-up runs as every row
  // (one warm-up left them timing V8's compilation of the solvers on a loaded machine).
  const few = Math.max(5, runs >> 2);
  if (wanted('erc-50x5040')) rows.push({ id: 'erc-50x5040', name: '50×5040 monthly equal risk contribution (252 d covariance), prepared', targetMs: 20, ...measure(() => runBacktest(erc, prepared50), few) });
  if (wanted('minvar-50x5040')) rows.push({ id: 'minvar-50x5040', name: '50×5040 monthly min variance, 10% cap (252 d), prepared', targetMs: 20, ...measure(() => runBacktest(minVar, prepared50), few) });
  if (p500 !== null && wanted('ivol-500x5040-prepared')) {
    const invVol500 = benchSpec(p500.assets, { method: 'inverseVol', lookback: 63 });
    const prepared500 = { panel: p500, prepared: preparePanel(p500), recordWeights: false };
    rows.push({ id: 'ivol-500x5040-prepared', name: '500×5040 monthly inverse vol (63 d), prepared', targetMs: 5, ...measure(() => runBacktest(invVol500, prepared500), Math.max(5, runs >> 1)) });
  }
  return rows;
}

/** Interleaved warm-up rounds (ours, then numpy's) before the timed rounds of the inverse-vol rows. */
const WARMUP_ROUNDS = 30;

/** The two 50-asset inverse-vol rows, each timed interleaved with numpy when it runs. */
async function inverseVolRows(root: string, p50: PricePanel, runs: number, scratch: string, notes: string[], wanted: (id: string) => boolean): Promise<BenchRow[]> {
  const invVol50 = benchSpec(p50.assets, { method: 'inverseVol', lookback: 63 });
  // Returns only, as numpy gives: end-of-day weights are recorded when a report needs them.
  const prepared50 = { panel: p50, prepared: preparePanel(p50), recordWeights: false };
  const engine = runBacktest(invVol50, { panel: p50 }).ledger.returns;
  notes.push(`engine vs naive JS simulator (50×5040 inverse vol): max |Δ daily return| = ${maxAbsDiff(engine, naiveInverseVolBacktest(p50, 63)).toExponential(2)}`);
  const numpy = await startNumpy(root, p50, scratch);
  const rows: BenchRow[] = [];
  const fromPrices = (): unknown => runBacktest(invVol50, { panel: p50, recordWeights: false });
  const onPrepared = (): unknown => runBacktest(invVol50, prepared50);
  if ('skipped' in numpy) {
    notes.push(numpy.skipped);
    if (wanted('ivol-50x5040-prices')) rows.push({ id: 'ivol-50x5040-prices', name: '50×5040 monthly inverse vol (63 d), lag 1, from prices', targetMs: Number.NaN, targetText: '≥10× numpy', ...measure(fromPrices, runs, WARMUP_ROUNDS) });
    if (wanted('ivol-50x5040-prepared')) rows.push({ id: 'ivol-50x5040-prepared', name: 'the same on a prepared panel', targetMs: Number.NaN, targetText: '≥20× numpy', ...measure(onPrepared, runs, WARMUP_ROUNDS) });
  } else {
    try {
      notes.push(`numpy ${numpy.version} baseline vs engine (same backtest from prices): max |Δ daily return| = ${maxAbsDiff(engine, await numpy.returns()).toExponential(2)}`);
      for (const [id, name, fn, kind, ratio] of [
        ['ivol-50x5040-prices', '50×5040 monthly inverse vol (63 d), lag 1, from prices', fromPrices, 'prices', 10],
        ['ivol-50x5040-prepared', 'the same on a prepared panel (numpy: returns given)', onPrepared, 'prepared', 20],
      ] as const) {
        if (!wanted(id)) continue;
        // V8 optimises the engine's JavaScript and tiers up its WebAssembly over the first ~20
        // calls (cold runs of 0.8–1.5 ms settle near 0.72 ms from prices), while numpy's time is
        // steady from the first: both sides warm up WARMUP_ROUNDS interleaved rounds, so that the
        // ratio compares steady states (the cli-* rows time whole cold processes).
        const t = await measureInterleaved(fn, () => numpy.time(kind), runs, WARMUP_ROUNDS);
        rows.push({ id, name, targetMs: Number.NaN, targetText: `≥${ratio}× numpy`, targetRatio: ratio, ...t.ours, numpyMedianMs: t.theirs.medianMs, numpyMinMs: t.theirs.minMs, numpyRatio: t.theirs.medianMs / t.ours.medianMs });
      }
    } finally {
      numpy.close();
    }
  }
  return rows;
}
