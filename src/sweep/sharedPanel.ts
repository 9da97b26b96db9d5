/**
 * A price panel whose arrays live in SharedArrayBuffers, so that worker threads read the same
 * memory (zero-copy) instead of a structured-clone copy each. It is a PricePanel. With
 * sharePreparedPanel, the panel's returns, window sums, filled prices and priced spans
 * (engine/preparePanel.ts) are computed once
 * here and shared the same way, so no worker prepares the panel again.
 */
import type { PricePanel } from '../core/panel.js';
import { preparePanel, type PreparedPanel } from '../engine/preparePanel.js';

export interface SharedPanel {
  readonly dates: Int32Array;
  readonly values: Float64Array;
  readonly assets: string[];
  readonly prepared?: PreparedPanel;
}

/** Copies a panel once into shared memory. */
export function sharePanel(panel: PricePanel): SharedPanel {
  return { dates: shared(Int32Array, panel.dates), values: shared(Float64Array, panel.values), assets: [...panel.assets] };
}

/** Copies a panel and its prepared returns and window sums once into shared memory. */
export function sharePreparedPanel(panel: PricePanel): SharedPanel {
  const out = sharePanel(panel);
  const p = preparePanel(panel);
  const prepared: PreparedPanel = {
    nRows: p.nRows,
    nAssets: p.nAssets,
    returns: shared(Float64Array, p.returns),
    count: shared(Int32Array, p.count),
    sum: shared(Float64Array, p.sum),
    sumSq: shared(Float64Array, p.sumSq),
    filled: shared(Float64Array, p.filled),
    firstPriced: shared(Int32Array, p.firstPriced),
    lastPriced: shared(Int32Array, p.lastPriced),
    holes: shared(Int32Array, p.holes),
  };
  return { ...out, prepared };
}

function shared<T extends Int32Array | Float64Array>(Kind: { new (buffer: SharedArrayBuffer): T; readonly BYTES_PER_ELEMENT: number }, from: ArrayLike<number>): T {
  const a = new Kind(new SharedArrayBuffer(from.length * Kind.BYTES_PER_ELEMENT));
  (a as unknown as { set(x: ArrayLike<number>): void }).set(from);
  return a;
}
