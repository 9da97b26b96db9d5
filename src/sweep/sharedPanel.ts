/**
 * A price panel whose arrays live in SharedArrayBuffers, so that worker threads read the same
 * memory (zero-copy) instead of a structured-clone copy each. It is a PricePanel.
 */
import type { PricePanel } from '../core/panel.js';

export interface SharedPanel {
  readonly dates: Int32Array;
  readonly values: Float64Array;
  readonly assets: string[];
}

/** Copies a panel once into shared memory. */
export function sharePanel(panel: PricePanel): SharedPanel {
  const dates = new Int32Array(new SharedArrayBuffer(panel.dates.length * Int32Array.BYTES_PER_ELEMENT));
  dates.set(panel.dates);
  const values = new Float64Array(new SharedArrayBuffer(panel.values.length * Float64Array.BYTES_PER_ELEMENT));
  values.set(panel.values);
  return { dates, values, assets: [...panel.assets] };
}
