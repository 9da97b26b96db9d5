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

/** The parts of the scratch for n rows, m assets, D decisions and lag + 1 pending slots, in bytes. */
function parts(n: number, m: number, D: number, slots: number): number[] {
  // kernel state (units, held units, row prices, pending targets, held entries, slot flags,
  // decisions and rules), asset entries, calendar, decision rows (room for n), targets, equity,
  // cash, returns, trades (row, decision, rule, turnover, cost), skipped. The first four do not depend on D.
  return [8 * 3 * m + 8 * slots * m + 4 * m + 12 * slots, 4 * m, n, 4 * n, 8 * D * m, 8 * n, 8 * n, 8 * n, 4 * D, 4 * D, 4 * D, 8 * D, 8 * D, 4];
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
  // The calendar and the decision rows first (their places do not depend on the count).
  const [S, C, CAL, RW] = addresses(km.scratch, parts(n, m, 0, lag + 1)) as [number, number, number, number];
  new Uint8Array(buffer, CAL, n).set(calendar.subarray(0, n));
  const D = km.kernels.decisionRows(CAL, n, lag, RW);
  if (simScratchBytes(n, m, D, lag) > km.scratchBytes) return null;
  const [, , , , TG, EQ, CA, RE, TR, TD, TU, TT, TC, SK] = addresses(km.scratch, parts(n, m, D, lag + 1)) as number[] as [number, number, number, number, number, number, number, number, number, number, number, number, number, number];
  // The decisions, straight into the kernel's targets (all at once when the decider can).
  const targets = new Float64Array(buffer, TG, D * m);
  const rows = new Int32Array(buffer, RW, D);
  targets.fill(0);
  if (input.decideRows !== undefined) input.decideRows(rows.slice(), targets);
  else for (let d = 0; d < D; d++) input.decide(rows[d]!, targets.subarray(d * m, (d + 1) * m));
  new Int32Array(buffer, C, m).set(filled.columns);
  const count = km.kernels.simulate(filled.values.byteOffset, filled.stride, filled.offset, C, m, n, CAL, lag, input.costRate, input.minTurnover ?? 0, TG, S, EQ, CA, TR, TD, TU, TT, TC, SK);
  km.kernels.periodReturns(EQ, n, RE);
  const tradeRows = new Int32Array(buffer, TR, count).slice();
  // Cash changes only at a trade (no cash returns here): each trade's cash after it, and the
  // series built from them when first read (cashSeries: the kernel's values, bit for bit).
  const cashView = new Float64Array(buffer, CA, n);
  const cashAfter = new Float64Array(count);
  for (let k = 0; k < count; k++) cashAfter[k] = cashView[tradeRows[k]!]!;
  const rules = new Uint8Array(count);
  rules.set(new Int32Array(buffer, TU, count));
  let cash: Float64Array | undefined;
  return {
    nDates: n,
    nAssets: m,
    equity: new Float64Array(buffer, EQ, n).slice(),
    get cash() {
      return (cash ??= cashSeries(n, tradeRows, cashAfter));
    },
    returns: new Float64Array(buffer, RE, n).slice(),
    weights: new Float64Array(0),
    skippedTrades: new Int32Array(buffer, SK, 1)[0]!,
    trades: {
      count,
      row: tradeRows,
      decisionRow: new Int32Array(buffer, TD, count).slice(),
      rule: rules,
      turnover: new Float64Array(buffer, TT, count).slice(),
      cost: new Float64Array(buffer, TC, count).slice(),
    },
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

/** The byte address of each part, from `base`, each 64-byte aligned. */
function addresses(base: number, sizes: number[]): number[] {
  const at: number[] = [];
  let p = base;
  for (const b of sizes) {
    at.push(p);
    p += align(b);
  }
  return at;
}
