/**
 * The allocation-method part of a strategy file: the allocation registry's discriminated
 * union on `method` (each member with its own strict parameter schema and defaults), plus
 * `method: module`, the escape hatch that names the user's own JavaScript module.
 */
import * as z from 'zod';
import { ALLOCATION_METHODS, allocationSpecSchema } from '../allocation/registry.js';
import { moduleSpecSchema } from './moduleMethod.js';

export const methodSchema = z.discriminatedUnion('method', [...allocationSpecSchema.options, moduleSpecSchema]);
export type MethodSpec = z.output<typeof methodSchema>;
export const METHOD_NAMES: readonly string[] = [...ALLOCATION_METHODS, 'module'];
