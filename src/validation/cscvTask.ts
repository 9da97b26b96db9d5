/**
 * The task module for runParallel that evaluates CSCV combinations: init receives the block
 * sums (shared zero-copy through a SharedArrayBuffer) with their shape and the list of
 * combinations; run(index) evaluates combination `index` (probabilityOfOverfitting.ts).
 */
import { evaluateCombination, type CombinationResult, type CscvBlocks } from './probabilityOfOverfitting.js';

export interface CscvTaskParams {
  readonly blocks: Omit<CscvBlocks, 'sums'>;
  readonly combinations: readonly (readonly number[])[];
}

let blocks: CscvBlocks | null = null;
let combos: readonly (readonly number[])[] = [];

export function init(shared: { sums: Float64Array }, params: CscvTaskParams): void {
  blocks = { ...params.blocks, sums: shared.sums };
  combos = params.combinations;
}

export function run(index: number): CombinationResult {
  if (blocks === null) throw new Error('cscvTask: run before init');
  const train = combos[index];
  if (train === undefined) throw new Error(`cscvTask: no combination ${index}`);
  return evaluateCombination(blocks, train);
}
