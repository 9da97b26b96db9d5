/**
 * panelValues: a panel's values array, in a WebAssembly memory of its own (with the kernels bound
 * to it and a scratch after the values) from VALUES_CELLS cells when the kernels load, else a
 * plain Float64Array; never grown by the runs that use it, refused when a run asks for more
 * scratch than it holds, copied (not shared) into SharedArrayBuffers for worker threads, and
 * collected once nothing holds its view.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runBacktest } from '../../../src/engine/runBacktest.js';
import { sharePanel } from '../../../src/sweep/sharedPanel.js';
import { strategySchema } from '../../../src/strategy/schema.js';
import { panelValues, VALUES_CELLS, valuesMemoryOf, valuesScratch } from '../../../src/wasm/panelValues.js';
import { kernelMemoryOf, WASM_BASE, wasmKernels } from '../../../src/wasm/wasmKernels.js';
import { repoRoot } from '../../helpers/cli.js';

describe.skipIf(wasmKernels === null)('panelValues with the kernels', () => {
  it('is a plain array below VALUES_CELLS and a view on a values memory from there', () => {
    const small = panelValues(VALUES_CELLS - 1);
    expect(small.length).toBe(VALUES_CELLS - 1);
    expect(valuesMemoryOf(small)).toBeUndefined();
    expect(kernelMemoryOf(small)).toBeUndefined();
    const big = panelValues(VALUES_CELLS);
    const vm = valuesMemoryOf(big)!;
    expect(vm).toBeDefined();
    expect(big.length).toBe(VALUES_CELLS);
    expect(big.every((x) => x === 0)).toBe(true);
    // The values from WASM_BASE (the page below is the module's), the scratch after them,
    // 64-byte aligned: 65,536 · 8 = 524,288 bytes, already a multiple of 64.
    expect(big.byteOffset).toBe(WASM_BASE);
    expect(vm.scratch).toBe(WASM_BASE + 8 * VALUES_CELLS);
    // Scratch reserved: 4 × the values' bytes + 1 MiB = 2 MiB + 1 MiB at least (whole pages).
    expect(big.buffer.byteLength).toBeGreaterThanOrEqual(vm.scratch + 4 * 8 * VALUES_CELLS + (1 << 20));
    // kernelMemoryOf finds the memory by its buffer, with the whole scratch to begin with.
    const km = kernelMemoryOf(big)!;
    expect(km.scratch).toBe(vm.scratch);
    expect(km.scratchBytes).toBe(big.buffer.byteLength - vm.scratch);
  });

  it('gives the scratch after a run’s parts, and refuses a run that needs more than it holds', () => {
    const values = panelValues(VALUES_CELLS);
    const vm = valuesMemoryOf(values)!;
    const end = values.buffer.byteLength;
    // 100 bytes of parts take 128 (two 64-byte lines): the kernels' scratch starts after them.
    expect(valuesScratch(vm, 100, 1000)).not.toBeNull();
    expect(kernelMemoryOf(values)!.scratch).toBe(vm.scratch + 128);
    expect(kernelMemoryOf(values)!.scratchBytes).toBe(end - vm.scratch - 128);
    // Exactly what is left fits; one byte more does not (the caller then copies the prices).
    expect(valuesScratch(vm, 0, end - vm.scratch)).not.toBeNull();
    expect(valuesScratch(vm, 0, end - vm.scratch + 1)).toBeNull();
    expect(valuesScratch(vm, end - vm.scratch, 1)).toBeNull();
  });

  it('is never grown by the runs that read it in place (the view stays attached)', () => {
    const N = 2048;
    const m = 40; // 81,920 cells
    const values = panelValues(m * N);
    expect(valuesMemoryOf(values)).toBeDefined();
    for (let a = 0; a < m; a++) for (let t = 0; t < N; t++) values[a * N + t] = 10 + a + Math.sin(t * (a + 1) * 0.01);
    const dates = new Int32Array(N);
    for (let t = 0, d = 10959; t < N; d++) if ((d + 4) % 7 !== 0 && (d + 4) % 7 !== 6) dates[t++] = d;
    const assets = Array.from({ length: m }, (_, a) => `A${a}`);
    const bytes = values.buffer.byteLength;
    for (const schedule of ['weekly', 'monthly']) {
      const spec = strategySchema.parse({ version: 1, name: 'grow', sleeves: { all: { assets, within: { method: 'inverseVol', lookback: 21 } } }, rebalance: { schedule } });
      const r = runBacktest(spec, { panel: { dates, assets, values }, recordWeights: false });
      expect(r.ledger.equity.length).toBeGreaterThan(0);
    }
    expect(values.buffer.byteLength).toBe(bytes);
    expect(values.length).toBe(m * N);
    // The runs laid out their parts in the values memory's scratch (in place, not copied): the
    // kernels' scratch is recorded after them.
    const vm = valuesMemoryOf(values)!;
    expect(kernelMemoryOf(values)!.scratch).toBeGreaterThan(vm.scratch);
  });

  it('is copied into SharedArrayBuffers for worker threads (sharePanel), not shared', () => {
    const values = panelValues(VALUES_CELLS);
    values[7] = 1.5;
    const shared = sharePanel({ dates: new Int32Array(VALUES_CELLS), assets: ['A'], values });
    expect(shared.values.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(shared.values.buffer.byteLength).toBe(8 * VALUES_CELLS);
    expect(shared.values[7]).toBe(1.5);
  });

  it.skipIf(!existsSync(path.join(repoRoot, 'dist/src/wasm/panelValues.js')))('is collected once nothing holds its view (no global keeps the memory)', () => {
    // In a fresh process with --expose-gc: 20 panels of 200,000 cells (each a memory of ≈ 8 MB
    // reserved), each registered for finalization and dropped; after collections every one of
    // them has been finalized.
    const script = `
      const { panelValues, valuesMemoryOf } = await import(${JSON.stringify(path.join(repoRoot, 'dist/src/wasm/panelValues.js'))});
      let finalized = 0;
      const registry = new FinalizationRegistry(() => finalized++);
      const make = (i) => {
        const v = panelValues(200000);
        v.fill(i);
        registry.register(v.buffer, i);
        return valuesMemoryOf(v) !== undefined ? 1 : 0;
      };
      let inMemory = 0;
      for (let i = 0; i < 20; i++) inMemory += make(i);
      for (let k = 0; k < 20 && finalized < 20; k++) {
        globalThis.gc();
        await new Promise((r) => setTimeout(r, 10));
      }
      console.log(JSON.stringify({ inMemory, finalized }));`;
    const r = spawnSync(process.execPath, ['--expose-gc', '--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ inMemory: 20, finalized: 20 });
  });
});

describe('SLEEVES_WASM=0', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  it('gives a plain Float64Array whatever the size', async () => {
    vi.stubEnv('SLEEVES_WASM', '0');
    vi.resetModules();
    const off = await import('../../../src/wasm/panelValues.js');
    const values = off.panelValues(4 * off.VALUES_CELLS);
    expect(values.length).toBe(4 * off.VALUES_CELLS);
    expect(off.valuesMemoryOf(values)).toBeUndefined();
    expect(values.buffer.byteLength).toBe(8 * 4 * off.VALUES_CELLS);
    expect(off.valuesInMemory(10)).toBeNull();
  });
});
