/**
 * The sweep's shared WebAssembly memory (wasm/sweepKernels.ts, built into
 * dist/src/wasm/sweepKernels.wasm by scripts/build-wasm.js): one WebAssembly.Memory with
 * shared: true holds the prepared panel's window sums, the row-major last prices and their
 * reciprocals, and one scratch region per thread, so that every worker thread runs the kernels on
 * the same panel without a copy (the memory and the compiled module are posted to the threads like
 * any SharedArrayBuffer). `sweepKernels` is null, and the sweep runs its TypeScript path, when
 * SLEEVES_WASM=0, when the file is missing, or when it does not compile here.
 *
 * Layout (byte addresses): [0, 64 KiB) the module's own; a claim counter (i32); count (i32,
 * (N + 1) × A), sum and sumSq (f64, (N + 1) × A), the prepared filled prices, fill and recip
 * (f64, N × A), allPriced (u8, N);
 * then `slots` regions of `slotBytes`, each claimed by one thread (Atomics) for its decision table
 * and its simulation scratch (see SlotLayout).
 */
import { compileKernelModule } from '../wasm/compileKernelModule.js';

/** The part of the WebAssembly JS API used here (the project's lib has no DOM types). */
interface WasmMemory {
  readonly buffer: SharedArrayBuffer;
}
declare const WebAssembly: {
  Memory: new (d: { initial: number; maximum: number; shared: true }) => WasmMemory;
  Instance: new (module: object, imports: object) => { exports: object };
};

export interface SweepKernels {
  decideRows(r0: number, r1: number, m: number, lookback: number, need: number, fallbackEqual: number, count: number, sum: number, sumSq: number, allPriced: number, targets: number, done: number): void;
  simulate(lo: number, n: number, m: number, fill: number, recip: number, calendar: number, lag: number, costRate: number, minTurnover: number, cashRet: number, targets: number, units: number, returns: number, pending: number, state: number): number;
}

const PAGE = 65536;
/** Bytes of pending slots: 2 × (lag + 1) i32 with lag ≤ 20, rounded up. */
const PENDING_BYTES = 2 * 21 * 4 + 8;

/** Where a sweep's shared arrays and thread regions are. */
export interface SweepMemory {
  readonly memory: WasmMemory;
  readonly module: object;
  readonly nRows: number;
  readonly nAssets: number;
  readonly counter: number;
  readonly count: number;
  readonly sum: number;
  readonly sumSq: number;
  /** The prepared panel's filled prices (f64, N × A; engine/preparePanel.ts), written there by preparePanel. */
  readonly filled: number;
  readonly fill: number;
  readonly recip: number;
  readonly allPriced: number;
  readonly slots: number;
  readonly slot0: number;
  readonly slotBytes: number;
}

/** A thread's region: byte addresses of its buffers. */
export interface SlotLayout {
  readonly targets: number;
  readonly returns: number;
  readonly cashRet: number;
  readonly units: number;
  readonly state: number;
  readonly pending: number;
  readonly done: number;
  readonly calendar: number;
}

let compiled: object | null | undefined;

/** The compiled kernels module, or null (see the module comment). */
export function sweepKernelsModule(): object | null {
  if (compiled !== undefined) return compiled;
  compiled = compileKernelModule('sweepKernels');
  return compiled;
}

const align = (x: number): number => Math.ceil(x / 16) * 16;

function slotLayout(base: number, N: number, A: number): SlotLayout & { end: number } {
  const targets = base;
  const returns = targets + align(N * A * 8);
  const cashRet = returns + align(N * 8);
  const units = cashRet + align(N * 8);
  const state = units + align(A * 8);
  const pending = state + 16;
  const done = pending + align(PENDING_BYTES);
  const calendar = done + align(N);
  return { targets, returns, cashRet, units, state, pending, done, calendar, end: calendar + align(N) };
}

/** A shared memory for a panel of N rows × A assets with `slots` thread regions, or null when the kernels are missing or it would be too large. */
export function createSweepMemory(N: number, A: number, slots: number): SweepMemory | null {
  const module = sweepKernelsModule();
  if (module === null) return null;
  const counter = PAGE;
  const count = counter + 16;
  const sum = count + align((N + 1) * A * 4);
  const sumSq = sum + align((N + 1) * A * 8);
  const filled = sumSq + align((N + 1) * A * 8);
  const fill = filled + align(N * A * 8);
  const recip = fill + align(N * A * 8);
  const allPriced = recip + align(N * A * 8);
  const slot0 = allPriced + align(N);
  const slotBytes = slotLayout(0, N, A).end;
  const bytes = slot0 + slots * slotBytes;
  // Within 2 GiB, so that every byte address is a positive i32.
  if (bytes > 2 ** 31 - PAGE) return null;
  const pages = Math.ceil(bytes / PAGE);
  let memory: WasmMemory;
  try {
    memory = new WebAssembly.Memory({ initial: pages, maximum: pages, shared: true });
  } catch {
    return null;
  }
  return { memory, module, nRows: N, nAssets: A, counter, count, sum, sumSq, filled, fill, recip, allPriced, slots, slot0, slotBytes };
}

/** A thread's kernels bound to the memory, its claimed region, and views on it made once. */
export interface SweepThread {
  readonly kernels: SweepKernels;
  readonly mem: SweepMemory;
  readonly slot: SlotLayout;
  /** The memory's buffer, read once (the memory never grows, so it and the views stay valid): no new buffer object and views per variant. */
  readonly buffer: SharedArrayBuffer;
  /** The region's returns, calendar and cash returns (N entries each). */
  readonly returns: Float64Array;
  readonly calendar: Uint8Array;
  readonly cashRet: Float64Array;
}

const threads = new WeakMap<object, SweepThread | null>();

/** This thread's kernels and region of `mem` (claimed once per memory), or null when every region is taken or the module does not instantiate. */
export function sweepThread(mem: SweepMemory): SweepThread | null {
  const known = threads.get(mem.memory);
  if (known !== undefined) return known;
  let thread: SweepThread | null = null;
  const buffer = mem.memory.buffer;
  const index = Atomics.add(new Int32Array(buffer, mem.counter, 1), 0, 1);
  if (index < mem.slots) {
    try {
      const instance = new WebAssembly.Instance(mem.module, { env: { memory: mem.memory, abort: () => {} } });
      const slot = slotLayout(mem.slot0 + index * mem.slotBytes, mem.nRows, mem.nAssets);
      const N = mem.nRows;
      thread = {
        kernels: instance.exports as unknown as SweepKernels,
        mem,
        slot,
        buffer,
        returns: new Float64Array(buffer, slot.returns, N),
        calendar: new Uint8Array(buffer, slot.calendar, N),
        cashRet: new Float64Array(buffer, slot.cashRet, N),
      };
    } catch {
      thread = null;
    }
  }
  threads.set(mem.memory, thread);
  return thread;
}
