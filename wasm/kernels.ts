// WebAssembly SIMD kernels (AssemblyScript, compiled by scripts/build-wasm.js into
// dist/src/wasm/kernels.wasm). Every function works on raw byte addresses in the imported linear
// memory, laid out by its caller (src/wasm/wasmKernels.ts); no AssemblyScript runtime or heap is
// used. Each kernel does the same IEEE operations in the same order as its TypeScript twin, lane
// by lane (an f64x2 holds two assets), so both give the same bits (tested).
//
// One file per kernel family, all exported from here (the module's entry):
export { prefixBlock } from './prefixBlock';
export { denseRows } from './denseRows';
export { decisionRows, periodReturns, simulate } from './simulate';
export { inverseVolPrefix, inverseVolPrefixRows, spanEligibility } from './inverseVolPrefix';
export { blockMoments } from './blockMoments';
export { filledRows, pricedAt, pricedSpans } from './oneShotPass';
export { oneShotWeights } from './oneShotWeights';
