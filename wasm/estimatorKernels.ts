// WebAssembly SIMD kernels of the estimator stage (AssemblyScript, compiled by
// scripts/build-wasm.js into dist/src/wasm/estimatorKernels.wasm and loaded by
// src/estimators/estimatorKernels.ts). Every function works on raw byte addresses in the imported
// linear memory, laid out by its caller; no AssemblyScript runtime or heap is used. Each kernel
// does the same IEEE operations in the same order as its TypeScript twin, entry by entry (an
// f64x2 holds two independent entries), so both give the same bits (tested).

/**
 * One cyclic coordinate-descent sweep on Spinu's risk-budgeting objective, the twin of ccdSweep
 * in src/numeric/riskParityDescent.ts: for i = 0..n−1, x_i ← the positive root of
 * σ_ii x_i² + c_i x_i − b_i = 0 with c_i = (Σx)_i − σ_ii x_i, then Σx += δ Σ_{i·} (two entries
 * of Σx per f64x2). `cov` is row-major n×n and symmetric; x, sx, b hold n f64 each.
 */
export function ccdSweep(cov: usize, n: i32, x: usize, sx: usize, b: usize): void {
  const rowBytes = (<usize>n) << 3;
  for (let i: i32 = 0; i < n; i++) {
    const io = (<usize>i) << 3;
    const row = cov + (<usize>i) * rowBytes;
    const d = load<f64>(row + io);
    const xi = load<f64>(x + io);
    const bi = load<f64>(b + io);
    const c = load<f64>(sx + io) - d * xi;
    const root = Math.sqrt(c * c + 4 * d * bi);
    const next = c > 0 ? (2 * bi) / (c + root) : (root - c) / (2 * d);
    const delta = next - xi;
    if (delta == 0) continue;
    store<f64>(x + io, next);
    const dv = f64x2.splat(delta);
    let j: i32 = 0;
    for (; j + 1 < n; j += 2) {
      const jo = (<usize>j) << 3;
      v128.store(sx + jo, f64x2.add(v128.load(sx + jo), f64x2.mul(v128.load(row + jo), dv)));
    }
    if (j < n) {
      const jo = (<usize>j) << 3;
      store<f64>(sx + jo, load<f64>(sx + jo) + load<f64>(row + jo) * delta);
    }
  }
}
