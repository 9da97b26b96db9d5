/**
 * The WebAssembly loop's cash series, built when first read from the cash after each trade: by
 * hand on a small case, and in the loop equal to the TypeScript loop's, read only after a later
 * run has reused the kernel's memory.
 */
import { describe, expect, it } from 'vitest';
import { panelBuffers } from '../../../src/engine/prefixWasm.js';
import { simulateKernel } from '../../../src/execution/simulateKernel.js';
import { cashSeries, simulateWasm } from '../../../src/execution/simulateWasm.js';
import { wasmKernels } from '../../../src/wasm/wasmKernels.js';

describe('cashSeries', () => {
  it('is 1 before the first trade, then the cash after the last trade on or before each row', () => {
    // Trades on rows 1 and 4 leave 0.2 and 0.05 in cash: rows 0 | 1..3 | 4..5.
    expect(Array.from(cashSeries(6, Int32Array.of(1, 4), Float64Array.of(0.2, 0.05)))).toEqual([1, 0.2, 0.2, 0.2, 0.05, 0.05]);
    // A trade on row 0, none after: every row holds its cash.
    expect(Array.from(cashSeries(3, Int32Array.of(0), Float64Array.of(0.5)))).toEqual([0.5, 0.5, 0.5]);
    expect(Array.from(cashSeries(2, new Int32Array(0), new Float64Array(0)))).toEqual([1, 1]);
  });

  it.skipIf(wasmKernels === null)('in the WebAssembly loop: the TypeScript loop’s cash, read after a later run on the same memory', () => {
    // 3 assets × 120 rows of row-major filled prices in a kernel memory; targets 0.3 / 0.3 / 0.2
    // every 10 rows (lag 1, 10 bps): each trade leaves a fifth of its post-cost equity in cash.
    const N = 120;
    const m = 3;
    const memory = panelBuffers(N, m, true).filled;
    for (let t = 0; t < N; t++) for (let a = 0; a < m; a++) memory[t * m + a] = 10 * (a + 1) * (1 + 0.1 * Math.sin(t / (5 + a)));
    const calendar = new Uint8Array(N);
    for (let t = 0; t < N; t += 10) calendar[t] = 1;
    const input = (w: number[]) => ({ nDates: N, nAssets: m, prices: new Float64Array(0), calendar, bandAbsolute: 0, bandRelative: 0, lag: 1, costRate: 0.001, recordWeights: false, decide: (_t: number, out: Float64Array) => out.set(w) });
    const filled = { values: memory, stride: m, offset: 0, columns: Int32Array.of(0, 1, 2) };
    const fast = simulateWasm(input([0.3, 0.3, 0.2]), filled);
    expect(fast).not.toBeNull();
    // Another run on the same memory (all invested) before the first's cash is read.
    expect(simulateWasm(input([0.5, 0.3, 0.2]), filled)).not.toBeNull();
    const loop = simulateKernel({ ...input([0.3, 0.3, 0.2]), filled, recordWeights: true });
    expect(Object.getOwnPropertyDescriptor(fast!, 'cash')?.get).toBeDefined();
    expect(Array.from(fast!.cash)).toEqual(Array.from(loop.cash));
    expect(fast!.cash).toBe(fast!.cash);
    // Row 0 decides, row 1 trades: cash 1 on row 0, then a fifth of the post-trade equity.
    expect(fast!.cash[0]).toBe(1);
    expect(fast!.cash[1]).toBeCloseTo(0.2 * fast!.equity[1]!, 14);
  });
});
