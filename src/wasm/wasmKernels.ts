/**
 * The optional WebAssembly SIMD kernels (wasm/kernels.ts, AssemblyScript, built into
 * dist/src/wasm/kernels.wasm by scripts/build-wasm.js during `npm ci` and `npm run build`),
 * loaded synchronously at import. `wasmKernels` is null, and every caller takes its TypeScript
 * path, when SLEEVES_WASM=0, when the file is missing, or when it does not compile or
 * instantiate here (no SIMD).
 *
 * Memory: a prepared panel large enough gets a WebAssembly.Memory of its own (panelMemory), holding
 * its outputs as ordinary typed-array views, with the kernels bound to it; so do a large panel's
 * prices (panelValues.ts). Such a memory is never grown (so no view is ever detached) and is
 * collected with its views. Everything else goes through one shared scratch memory (wasmMemory),
 * used within a single synchronous call: callers copy their inputs in and the results out.
 */
import { loadKernelModule, memoryFrom, PAGE, type WasmMemory } from './compileKernelModule.js';

export interface WasmKernels {
  /** Eligibility of n columns at D decisions from their priced spans (engine/plainDecisions.ts). */
  spanEligibility(first: number, last: number, n: number, rows: number, D: number, out: number): void;
  /** inverseVolPrefix for D decisions in one call (engine/plainDecisions.ts); returns what its page-touching pass read (ignored). */
  inverseVolPrefixRows(count: number, sum: number, sumSq: number, nAssets: number, c0: number, n: number, D: number, his: number, los: number, eligible: number, need: number, w: number, status: number, first: number, last: number): number;
  /** Inverse-vol weights of one decision from a prepared panel's prefix sums (engine/plainDecisions.ts); 0 when none usable. */
  inverseVolPrefix(count: number, sum: number, sumSq: number, nAssets: number, c0: number, n: number, hi: number, lo: number, eligible: number, need: number, w: number): number;
  /** A block of rows of the prepared panel's pass, all assets (engine/prefixWasm.ts); byte addresses. */
  prefixBlock(vin: number, B: number, m: number, a0: number, a1: number, st: number, kst: number, count: number, sum: number, sumSq: number, filled: number): void;
  /** out[r − from] = cash + Σ_j u_j F[first + r · stride + j], r = from..to−1 (execution/holdingsValue.ts). */
  denseRows(F: number, first: number, stride: number, units: number, h: number, cash: number, out: number, from: number, to: number): void;
  /** Rows with a price (> 0) of each of m columns of N rows, then each column's first and last priced row (N and −1 when none): 3m i32 at out (engine/oneShotRoute.ts). */
  pricedSpans(vin: number, N: number, m: number, out: number): void;
  /** Count, Σr and Σr² of each asset's returns over K blocks of rows (engine/oneShotRoute.ts). */
  blockMoments(vin: number, N: number, m: number, bounds: number, K: number, count: number, sum: number, sumSq: number): void;
  /** Inverse-vol weights of D decisions from block sums: each window's moments, 1/σ, normalised (engine/oneShotRoute.ts). */
  oneShotWeights(m: number, D: number, k0s: number, k1s: number, bc: number, bs: number, bq: number, eligible: number, need: number, w: number, status: number): void;
  /** The simulation loop of a run with its decisions given (execution/simulateWasm.ts); returns the trade count. */
  simulate(F: number, fStride: number, fOffset: number, cols: number, m: number, n: number, calendar: number, lag: number, costRate: number, minTurnover: number, targets: number, s: number, equity: number, cash: number, tRow: number, tDecision: number, tRule: number, tTurnover: number, tCost: number, skipped: number): number;
  /** The decision rows of a run without bands, into rows (i32); returns their number (execution/simulateWasm.ts). */
  decisionRows(calendar: number, n: number, lag: number, rows: number): number;
  /** A ledger's returns from its equity (execution/simulateWasm.ts). */
  periodReturns(equity: number, n: number, out: number): void;
  /** Whether each column has a price on each decision row (engine/oneShotRoute.ts). */
  pricedAt(prices: number, N: number, m: number, lo: number, rows: number, D: number, out: number): void;
  /** Forward-filled prices of rows lo..hi−1, row-major (engine/oneShotRoute.ts). */
  filledRows(vin: number, N: number, m: number, lo: number, hi: number, st: number, out: number): void;
}

/** The part of the WebAssembly JS API used here beyond compileKernelModule.ts (the project's lib has no DOM types). */
declare const WebAssembly: {
  Memory: new (d: { initial: number }) => WasmMemory;
  Instance: new (module: object, imports: object) => { exports: object };
};

/** The first address callers may use (the module keeps the page below for itself). */
export const WASM_BASE = PAGE;

const loaded = loadKernelModule<WasmKernels>('kernels');
export const wasmKernels: WasmKernels | null = loaded?.kernels ?? null;
const compiled = loaded?.module;

/**
 * The kernels' memory with at least `bytes` usable from WASM_BASE (grown when short; growing
 * replaces the buffer, so callers take views on the buffer returned here, after the call).
 * Requires wasmKernels.
 */
export function wasmMemory(bytes: number): ArrayBuffer {
  return memoryFrom(loaded!.memory, WASM_BASE, bytes);
}

/** A memory with the kernels bound to it and a scratch area (for denseRows). */
export interface KernelMemory {
  readonly kernels: WasmKernels;
  /** Byte address of a scratch area of `scratchBytes`. */
  readonly scratch: number;
  readonly scratchBytes: number;
}

/** A memory of its own holding a prepared panel's outputs, with the kernels bound to it. */
export interface PanelMemory extends KernelMemory {
  readonly count: Int32Array;
  readonly sum: Float64Array;
  readonly sumSq: Float64Array;
  readonly filled: Float64Array;
  /**
   * The decisions' own area (decisionArea), apart from the scratch, which a run's kernel loop
   * holds while its decider runs.
   */
  readonly decision: number;
  /** Decisions the area holds at once (one in four rows). */
  readonly decisionRows: number;
}

/**
 * Addresses in a panel memory's decision area: one decision's eligibility (m u8) and weights
 * (m f64), the columns' first and last priced rows (m i32 each), and for up to `capacity`
 * decisions at once their prefix rows (i32 each), status (i32) and eligibility (m u8 each).
 */
export function decisionArea(pm: PanelMemory, m: number): { eligible: number; weights: number; first: number; last: number; his: number; los: number; status: number; rowsEligible: number; capacity: number } {
  const B = pm.decisionRows;
  const eligible = pm.decision;
  const weights = eligible + 64 * Math.ceil(m / 64);
  const first = weights + 8 * m;
  const last = first + 4 * m;
  const his = last + 4 * m;
  const los = his + 4 * B;
  const status = los + 4 * B;
  return { eligible, weights, first, last, his, los, status, rowsEligible: status + 4 * B, capacity: B };
}

/** Bytes of a decision area for m assets and B decisions at once (as decisionArea lays it out). */
function decisionBytes(m: number, B: number): number {
  return 64 * Math.ceil(m / 64) + 16 * m + 12 * B + B * m;
}

const panels = new WeakMap<ArrayBuffer, KernelMemory>();

/**
 * A new memory of `bytes` (rounded up to whole pages) with the kernels bound to it, never grown
 * (views on it are never detached). Requires wasmKernels; throws when the memory cannot be had.
 */
export function ownMemory(bytes: number): { buffer: ArrayBuffer; kernels: WasmKernels } {
  const memory = new WebAssembly.Memory({ initial: Math.ceil(bytes / PAGE) });
  const kernels = new WebAssembly.Instance(compiled!, { env: { memory, abort: () => {} } }).exports as unknown as WasmKernels;
  return { buffer: memory.buffer, kernels };
}

/**
 * Records `scratchBytes` from `scratch` as the scratch of the kernel memory whose buffer is
 * `buffer` (replacing an earlier record), for kernelMemoryOf.
 */
export function setScratch(buffer: ArrayBuffer, kernels: WasmKernels, scratch: number, scratchBytes: number): KernelMemory {
  const km: KernelMemory = { kernels, scratch, scratchBytes };
  panels.set(buffer, km);
  return km;
}

/**
 * A new memory for a prepared panel of N rows and m assets: its outputs as views on it (ordinary
 * Float64Array/Int32Array, kept alive by them; never grown, so never detached) and `scratchBytes`
 * of scratch. Requires wasmKernels.
 */
export function panelMemory(N: number, m: number, scratchBytes: number): PanelMemory {
  const rows = Math.ceil(N / 4);
  const sizes = [4 * (N + 1) * m, 8 * (N + 1) * m, 8 * (N + 1) * m, 8 * N * m, scratchBytes, decisionBytes(m, rows)].map((b) => Math.ceil(b / 64) * 64);
  const { buffer, kernels } = ownMemory(WASM_BASE + sizes.reduce((s, b) => s + b, 0));
  const at: number[] = [];
  let p = WASM_BASE;
  for (const b of sizes) {
    at.push(p);
    p += b;
  }
  const out: PanelMemory = {
    kernels,
    count: new Int32Array(buffer, at[0]!, (N + 1) * m),
    sum: new Float64Array(buffer, at[1]!, (N + 1) * m),
    sumSq: new Float64Array(buffer, at[2]!, (N + 1) * m),
    filled: new Float64Array(buffer, at[3]!, N * m),
    scratch: at[4]!,
    scratchBytes: sizes[4]!,
    decision: at[5]!,
    decisionRows: rows,
  };
  panels.set(buffer, out);
  return out;
}

/** The panel memory an array is a view on, if any. */
export function panelMemoryOf(a: ArrayBufferView): PanelMemory | undefined {
  const pm = panels.get(a.buffer as ArrayBuffer);
  return pm !== undefined && 'filled' in pm ? (pm as PanelMemory) : undefined;
}

/** The kernel memory (a panel's, or the one-shot runs') an array is a view on, if any. */
export function kernelMemoryOf(a: ArrayBufferView): KernelMemory | undefined {
  return panels.get(a.buffer as ArrayBuffer);
}

const busy = new WeakSet<KernelMemory>();

/**
 * Claims a kernel memory's scratch for a call that spans other code (simulateWasm, whose
 * deciders may run a nested backtest): false when it is already claimed, and the caller then
 * takes its TypeScript path. Every claim is released in a `finally`.
 */
export function claimScratch(km: KernelMemory): boolean {
  if (busy.has(km)) return false;
  busy.add(km);
  return true;
}

export function releaseScratch(km: KernelMemory): void {
  busy.delete(km);
}

/** Whether a kernel memory's scratch is claimed (a short call must not use it then). */
export function scratchBusy(km: KernelMemory): boolean {
  return busy.has(km);
}

let runMem: { memory: WasmMemory; kernels: WasmKernels } | undefined;

/**
 * The memory of one-shot runs (engine/oneShotRoute.ts), with the kernels bound to it: at least
 * `bytes` usable from WASM_BASE, then `scratchBytes` of scratch for denseRows. One memory,
 * reused by every such run and grown when short (growing replaces the buffer: views are taken
 * on the buffer returned here, after the call, and no result keeps one). Requires wasmKernels.
 */
export function runMemory(bytes: number, scratchBytes: number): { buffer: ArrayBuffer; kernels: WasmKernels } {
  const used = Math.ceil(bytes / 64) * 64;
  const need = WASM_BASE + used + scratchBytes;
  if (runMem === undefined) {
    const memory = new WebAssembly.Memory({ initial: Math.ceil(need / PAGE) });
    runMem = { memory, kernels: new WebAssembly.Instance(compiled!, { env: { memory, abort: () => {} } }).exports as unknown as WasmKernels };
  }
  const buffer = memoryFrom(runMem.memory, 0, need);
  setScratch(buffer, runMem.kernels, WASM_BASE + used, buffer.byteLength - WASM_BASE - used);
  return { buffer, kernels: runMem.kernels };
}
