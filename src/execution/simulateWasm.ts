/**
 * The simulation kernel's loop (simulateKernel.ts) in the WebAssembly kernel (wasm/kernels.ts,
 * simulate), for the runs whose decisions fall on calendar rows only: no drift bands, no cash
 * returns and no recorded weights (sweeps, robustness jobs, the bench; a report records weights
 * and runs the TypeScript loop). The decisions are taken first, in row order, each on the row
 * the loop would take it on (every calendar row t with t + lag < n, nothing else), so every
 * decider sees the same calls as in the loop, each writing into the kernel's targets; the kernel
 * then does the loop's operations in the same order, so the ledger has the same bits (tested).
 *
 * It runs where the filled prices live in a kernel memory (a large prepared panel's, or the
 * one-shot runs'; wasmKernels.ts) with scratch enough for the run (simScratchBytes), and declines
 * otherwise (null): the caller runs the TypeScript loop.
 */
import { claimScratch, kernelMemoryOf, releaseScratch, wasmKernels, type KernelMemory } from '../wasm/wasmKernels.js';
import type { FilledPrices } from './filledPrices.js';
import type { KernelInput, KernelLedger } from './kernelInput.js';

function align(b: number): number {
  return Math.ceil(b / 64) * 64;
}

/**
 * The parts of the scratch for n rows, m assets, D decisions and lag + 1 pending slots, in bytes,
 * in their order in the scratch: first those that do not depend on D (kernel state: units, held
 * units, row prices, pending targets, held entries, slot flags, decisions and rules; asset
 * entries, calendar, decision rows with room for n, equity, returns, cash, skipped), then
 * targets and the trades (row, decision, rule, turnover, cost).
 */
function parts(n: number, m: number, D: number, slots: number): number[] {
  return [8 * 3 * m + 8 * slots * m + 4 * m + 12 * slots, 4 * m, n, 4 * n, 8 * n, 8 * n, 8 * n, 4, 8 * D * m, 4 * D, 4 * D, 4 * D, 8 * D, 8 * D];
}

/** Scratch bytes the wasm loop needs for n rows, m assets, D decisions and a lag. */
export function simScratchBytes(n: number, m: number, D: number, lag: number): number {
  return parts(n, m, D, lag + 1).reduce((s, b) => s + align(b), 0);
}

export function simulateWasm(input: KernelInput, filled: FilledPrices): KernelLedger | null {
  const { nDates: n, nAssets: m, lag } = input;
  if (wasmKernels === null || n === 0 || m === 0) return null;
  const km = kernelMemoryOf(filled.values);
  // Room for every row to be a decision is not needed, but at least none must fit.
  if (km === undefined || simScratchBytes(n, m, 0, lag) > km.scratchBytes) return null;
  // The scratch is this call's until it returns: a nested run (a decider that backtests) on the
  // same memory takes the TypeScript path instead of overwriting it.
  if (!claimScratch(km)) return null;
  try {
    return run(input, filled, km);
  } finally {
    releaseScratch(km);
  }
}

function run(input: KernelInput, filled: FilledPrices, km: KernelMemory): KernelLedger | null {
  const { nDates: n, nAssets: m, calendar, lag } = input;
  const buffer = filled.values.buffer as ArrayBuffer;
  // The parts' addresses (as parts() lists them), without arrays: those before the targets first.
  const slots = lag + 1;
  const S = km.scratch;
  const C = S + align(8 * 3 * m + 8 * slots * m + 4 * m + 12 * slots);
  const CAL = C + align(4 * m);
  const RW = CAL + align(n);
  const EQ = RW + align(4 * n);
  const RE = EQ + align(8 * n);
  const CA = RE + align(8 * n);
  const SK = CA + align(8 * n);
  const TG = SK + align(4);
  new Uint8Array(buffer, CAL, n).set(calendar.length === n ? calendar : calendar.subarray(0, n));
  const D = km.kernels.decisionRows(CAL, n, lag, RW);
  if (simScratchBytes(n, m, D, lag) > km.scratchBytes) return null;
  const TR = TG + align(8 * D * m);
  const TD = TR + align(4 * D);
  const TU = TD + align(4 * D);
  const TT = TU + align(4 * D);
  const TC = TT + align(8 * D);
  // The decisions, straight into the kernel's targets (all at once when the decider can). Every
  // decider writes each of its rows' m targets (KernelInput), so the scratch is not cleared first.
  const targets = new Float64Array(buffer, TG, D * m);
  const rows = new Int32Array(buffer, RW, D);
  if (input.decideRows !== undefined) input.decideRows(rows, targets);
  else for (let d = 0; d < D; d++) input.decide(rows[d]!, targets.subarray(d * m, (d + 1) * m));
  new Int32Array(buffer, C, m).set(filled.columns);
  const count = km.kernels.simulate(filled.values.byteOffset, filled.stride, filled.offset, C, m, n, CAL, lag, input.costRate, input.minTurnover ?? 0, TG, S, EQ, CA, TR, TD, TU, TT, TC, SK);
  km.kernels.periodReturns(EQ, n, RE);
  return ledgerOf(buffer, n, m, count, EQ, RE, CA, TR, TD, TU, TT, TC, new Int32Array(buffer, SK, 1)[0]!);
}

/**
 * The ledger of a run, copied out of the scratch: equity and returns in one allocation, the
 * trades' arrays in another. Cash changes only at a trade (no cash returns here): each trade's
 * cash after it is kept, and the series built from them when first read (an own getter, so a
 * copy of the ledger has it too; cashSeries: the kernel's values, bit for bit).
 */
function ledgerOf(buffer: ArrayBuffer, n: number, m: number, count: number, EQ: number, RE: number, CA: number, TR: number, TD: number, TU: number, TT: number, TC: number, skippedTrades: number): KernelLedger {
  const series = new Float64Array(2 * n);
  series.set(new Float64Array(buffer, EQ, n));
  series.set(new Float64Array(buffer, RE, n), n);
  // Turnover, cost, cash after; rows, decision rows; rules (8, 8, 8, 4, 4 and 1 bytes a trade).
  const own = new ArrayBuffer(33 * count);
  const turnover = new Float64Array(own, 0, count);
  const cost = new Float64Array(own, 8 * count, count);
  const cashAfter = new Float64Array(own, 16 * count, count);
  const row = new Int32Array(own, 24 * count, count);
  const decisionRow = new Int32Array(own, 28 * count, count);
  const rule = new Uint8Array(own, 32 * count, count);
  turnover.set(new Float64Array(buffer, TT, count));
  cost.set(new Float64Array(buffer, TC, count));
  row.set(new Int32Array(buffer, TR, count));
  decisionRow.set(new Int32Array(buffer, TD, count));
  rule.set(new Int32Array(buffer, TU, count));
  const cashRows = new Float64Array(buffer, CA, n);
  for (let k = 0; k < count; k++) cashAfter[k] = cashRows[row[k]!]!;
  let cash: Float64Array | undefined;
  return {
    nDates: n,
    nAssets: m,
    equity: series.subarray(0, n),
    get cash() {
      return (cash ??= cashSeries(n, row, cashAfter));
    },
    returns: series.subarray(n, 2 * n),
    weights: new Float64Array(0),
    skippedTrades,
    trades: { count, row, decisionRow, rule, turnover, cost },
  };
}

/**
 * The end-of-day cash of n rows from the cash after each trade (at most one a row, ascending):
 * the initial capital 1 before the first trade, then the cash after the last trade on or before
 * the row, as the loop stores it on every row.
 */
export function cashSeries(n: number, tradeRows: Int32Array, cashAfter: Float64Array): Float64Array {
  const out = new Float64Array(n);
  let c = 1;
  let k = 0;
  for (let t = 0; t < n; t++) {
    if (k < tradeRows.length && tradeRows[k] === t) c = cashAfter[k++]!;
    out[t] = c;
  }
  return out;
}
