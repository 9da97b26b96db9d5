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
import { preparePanel, type PreparedPanel } from '../engine/preparePanel.js';
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
  const p = preparePanel(panel);
  const N = panel.dates.length;
  const A = panel.assets.length;
  const mem = createSweepMemory(N, A, threads);
  const buffer = mem?.memory.buffer;
  const inMemory = <T extends Int32Array | Float64Array>(Kind: { new (buffer: SharedArrayBuffer, offset: number, length: number): T }, at: number, from: ArrayLike<number>): T => {
    const a = new Kind(buffer!, at, from.length);
    (a as unknown as { set(x: ArrayLike<number>): void }).set(from);
    return a;
  };
  const prepared: PreparedPanel = {
    nRows: p.nRows,
    nAssets: p.nAssets,
    returns: shared(Float64Array, p.returns),
    count: mem ? inMemory(Int32Array, mem.count, p.count) : shared(Int32Array, p.count),
    sum: mem ? inMemory(Float64Array, mem.sum, p.sum) : shared(Float64Array, p.sum),
    sumSq: mem ? inMemory(Float64Array, mem.sumSq, p.sumSq) : shared(Float64Array, p.sumSq),
    filled: shared(Float64Array, p.filled),
    firstPriced: shared(Int32Array, p.firstPriced),
    lastPriced: shared(Int32Array, p.lastPriced),
    holes: shared(Int32Array, p.holes),
  };
  const rows: PanelRows = mem
    ? { fill: new Float64Array(buffer!, mem.fill, N * A), recip: new Float64Array(buffer!, mem.recip, N * A), allPriced: new Uint8Array(buffer!, mem.allPriced, N) }
    : { fill: new Float64Array(new SharedArrayBuffer(N * A * 8)), recip: new Float64Array(new SharedArrayBuffer(N * A * 8)), allPriced: new Uint8Array(new SharedArrayBuffer(N)) };
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

function shared<T extends Int32Array | Float64Array>(Kind: { new (buffer: SharedArrayBuffer): T; readonly BYTES_PER_ELEMENT: number }, from: ArrayLike<number>): T {
  const a = new Kind(new SharedArrayBuffer(from.length * Kind.BYTES_PER_ELEMENT));
  (a as unknown as { set(x: ArrayLike<number>): void }).set(from);
  return a;
}
