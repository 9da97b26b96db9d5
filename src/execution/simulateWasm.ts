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
import type { KernelInput, KernelLedger } from './simulateKernel.js';

/** Rows per stretch of the kernel's column-major valuation (wasm/kernels.ts, STRETCH). */
const STRETCH = 256;

function align(b: number): number {
  return Math.ceil(b / 64) * 64;
}

/** The parts of the scratch for n rows, m assets, D decisions and lag + 1 pending slots, in bytes. */
function parts(n: number, m: number, D: number, slots: number): number[] {
  // kernel state (units, held units, row prices, pending targets, held entries, slot flags,
  // decisions and rules, the column-major stretch's four partial sums), asset entries, calendar, targets, equity, cash, trades (row, decision,
  // rule, turnover, cost), skipped.
  return [8 * 3 * m + 8 * slots * m + 4 * m + 12 * slots + 4 * 8 * STRETCH, 4 * m, n, 8 * D * m, 8 * n, 8 * n, 4 * D, 4 * D, 4 * D, 8 * D, 8 * D, 4];
}

/** Scratch bytes the wasm loop needs for n rows, m assets, D decisions and a lag. */
export function simScratchBytes(n: number, m: number, D: number, lag: number): number {
  return parts(n, m, D, lag + 1).reduce((s, b) => s + align(b), 0);
}

export function simulateWasm(input: KernelInput, filled: FilledPrices): KernelLedger | null {
  const { nDates: n, nAssets: m, calendar, lag } = input;
  if (wasmKernels === null || n === 0 || m === 0) return null;
  const km = kernelMemoryOf(filled.values);
  if (km === undefined) return null;
  let D = 0;
  for (let t = 0; t + lag < n; t++) D += calendar[t]!;
  if (simScratchBytes(n, m, D, lag) > km.scratchBytes) return null;
  // The scratch is this call's until it returns: a nested run (a decider that backtests) on the
  // same memory takes the TypeScript path instead of overwriting it.
  if (!claimScratch(km)) return null;
  try {
    return run(input, filled, km, D);
  } finally {
    releaseScratch(km);
  }
}

function run(input: KernelInput, filled: FilledPrices, km: KernelMemory, D: number): KernelLedger {
  const { nDates: n, nAssets: m, calendar, lag } = input;
  const at: number[] = [];
  let p = km.scratch;
  for (const b of parts(n, m, D, lag + 1)) {
    at.push(p);
    p += align(b);
  }
  const [S, C, CAL, TG, EQ, CA, TR, TD, TU, TT, TC, SK] = at as [number, number, number, number, number, number, number, number, number, number, number, number];
  const buffer = filled.values.buffer as ArrayBuffer;
  // The decisions, straight into the kernel's targets (all at once when the decider can).
  const targets = new Float64Array(buffer, TG, D * m);
  if (input.decideRows !== undefined) {
    const rows = new Int32Array(D);
    for (let t = 0, d = 0; t + lag < n; t++) if (calendar[t] === 1) rows[d++] = t;
    targets.fill(0);
    input.decideRows(rows, targets);
  } else {
    for (let t = 0, d = 0; t + lag < n; t++) {
      if (calendar[t] !== 1) continue;
      const out = targets.subarray(d * m, ++d * m);
      out.fill(0);
      input.decide(t, out);
    }
  }
  new Int32Array(buffer, C, m).set(filled.columns);
  new Uint8Array(buffer, CAL, n).set(calendar.subarray(0, n));
  const count = km.kernels.simulate(filled.values.byteOffset, filled.stride, filled.offset, C, m, n, CAL, lag, input.costRate, input.minTurnover ?? 0, TG, S, EQ, CA, TR, TD, TU, TT, TC, SK);
  const equity = new Float64Array(buffer, EQ, n).slice();
  const cash = new Float64Array(buffer, CA, n).slice();
  const returns = new Float64Array(n);
  // As simulateKernel: row 0 is the start, row 1 measured from the initial capital 1.
  returns[0] = 0;
  if (n > 1) returns[1] = equity[1]! - 1;
  for (let r = 2; r < n; r++) returns[r] = equity[r]! / equity[r - 1]! - 1;
  return {
    nDates: n,
    nAssets: m,
    equity,
    cash,
    returns,
    weights: new Float64Array(0),
    skippedTrades: new Int32Array(buffer, SK, 1)[0]!,
    trades: {
      count,
      row: new Int32Array(buffer, TR, count).slice(),
      decisionRow: new Int32Array(buffer, TD, count).slice(),
      rule: Uint8Array.from(new Int32Array(buffer, TU, count)),
      turnover: new Float64Array(buffer, TT, count).slice(),
      cost: new Float64Array(buffer, TC, count).slice(),
    },
  };
}
