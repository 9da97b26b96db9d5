/**
 * The allocation-method part of a strategy file: the allocation registry's discriminated
 * union on `method`, each member with its own strict parameter schema and defaults.
 */
import { ALLOCATION_METHODS, allocationSpecSchema, type AllocationSpec } from '../allocation/registry.js';

export const methodSchema = allocationSpecSchema;
export type MethodSpec = AllocationSpec;
export const METHOD_NAMES: readonly string[] = ALLOCATION_METHODS;
