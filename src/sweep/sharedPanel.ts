/**
 * A price panel whose arrays live in SharedArrayBuffers, so that worker threads read the same
 * memory (zero-copy) instead of a structured-clone copy each. It is a PricePanel. With
 * sharePreparedPanel, the panel's returns, window sums, filled prices and priced spans
 * (engine/preparePanel.ts) are computed once here and shared the same way, so no worker prepares
 * the panel again; so are the row-major last prices the sweep's simulation reads (`rows`), and,
 * when the sweep kernels load (sweepMemory.ts), the window sums and those rows live in one shared
 * WebAssembly memory with a scratch region per thread (`wasm`).
 */
import type { PricePanel } from '../core/panel.js';
import { preparePanel, type PanelBuffers, type PreparedPanel } from '../engine/preparePanel.js';
import { createSweepMemory, type SweepMemory } from './sweepMemory.js';

/** Row-major last prices of every panel column (0 before its first price), their reciprocals (0 there), and 1 on rows where every column has a price. */
export interface PanelRows {
  readonly fill: Float64Array;
  readonly recip: Float64Array;
  readonly allPriced: Uint8Array;
}

export interface SharedPanel {
  readonly dates: Int32Array;
  readonly values: Float64Array;
  readonly assets: string[];
  readonly prepared?: PreparedPanel;
  readonly rows?: PanelRows;
  readonly wasm?: SweepMemory;
}

/** Copies a panel once into shared memory. */
export function sharePanel(panel: PricePanel): SharedPanel {
  return { dates: shared(Int32Array, panel.dates), values: shared(Float64Array, panel.values), assets: [...panel.assets] };
}

/** Copies a panel, its prepared returns and window sums and its price rows once into shared memory, with a kernel region for each of `threads` threads. */
export function sharePreparedPanel(panel: PricePanel, threads = 1): SharedPanel {
  const out = sharePanel(panel);
  const N = panel.dates.length;
  const A = panel.assets.length;
  const mem = createSweepMemory(N, A, threads);
  // preparePanel writes the window sums and filled prices straight into shared memory (its
  // `reuse` buffers): the kernels' memory when they load, else SharedArrayBuffers.
  const buffer = mem?.memory.buffer;
  const f64 = (at: number, length: number): Float64Array => (mem ? new Float64Array(buffer!, at, length) : new Float64Array(new SharedArrayBuffer(length * 8)));
  const buffers: PanelBuffers = {
    count: mem ? new Int32Array(buffer!, mem.count, (N + 1) * A) : new Int32Array(new SharedArrayBuffer((N + 1) * A * 4)),
    sum: f64(mem?.sum ?? 0, (N + 1) * A),
    sumSq: f64(mem?.sumSq ?? 0, (N + 1) * A),
    filled: f64(mem?.filled ?? 0, N * A),
  };
  const p = preparePanel(panel, buffers);
  const prepared: PreparedPanel = {
    nRows: p.nRows,
    nAssets: p.nAssets,
    returns: shared(Float64Array, p.returns),
    // preparePanel takes buffers of the panel's shape; were they not taken, its own are copied.
    count: p.count === buffers.count ? p.count : inPlace(buffers.count, p.count),
    sum: p.sum === buffers.sum ? p.sum : inPlace(buffers.sum, p.sum),
    sumSq: p.sumSq === buffers.sumSq ? p.sumSq : inPlace(buffers.sumSq, p.sumSq),
    filled: p.filled === buffers.filled ? p.filled : inPlace(buffers.filled, p.filled),
    firstPriced: shared(Int32Array, p.firstPriced),
    lastPriced: shared(Int32Array, p.lastPriced),
    holes: shared(Int32Array, p.holes),
  };
  const rows: PanelRows = { fill: f64(mem?.fill ?? 0, N * A), recip: f64(mem?.recip ?? 0, N * A), allPriced: mem ? new Uint8Array(buffer!, mem.allPriced, N) : new Uint8Array(new SharedArrayBuffer(N)) };
  priceRows(out.values, N, A, rows);
  return { ...out, prepared, rows, ...(mem ? { wasm: mem } : {}) };
}

/** Fills `rows` from column-major prices: last price > 0 at or before each row (0 before the first), its reciprocal, and whether every column is priced on the row. */
export function priceRows(values: Float64Array, N: number, A: number, rows: PanelRows): void {
  const { fill, recip, allPriced } = rows;
  allPriced.fill(1);
  for (let a = 0; a < A; a++) {
    const base = a * N;
    let last = 0;
    for (let t = 0; t < N; t++) {
      const p = values[base + t]!;
      if (p > 0) last = p;
      else allPriced[t] = 0;
      fill[t * A + a] = last;
      recip[t * A + a] = last > 0 ? 1 / last : 0;
    }
  }
}

function inPlace<T extends Int32Array | Float64Array>(to: T, from: T): T {
  (to as unknown as { set(x: ArrayLike<number>): void }).set(from);
  return to;
}

function shared<T extends Int32Array | Float64Array>(Kind: { new (buffer: SharedArrayBuffer): T; readonly BYTES_PER_ELEMENT: number }, from: ArrayLike<number>): T {
  const a = new Kind(new SharedArrayBuffer(from.length * Kind.BYTES_PER_ELEMENT));
  (a as unknown as { set(x: ArrayLike<number>): void }).set(from);
  return a;
}
