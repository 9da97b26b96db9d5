/**
 * The allocation-method part of a strategy file. Each method is one member of a discriminated
 * union on `method`, with its own strict parameter schema and defaults.
 *
 * Temporary: `fixed` and `equal` only; the allocation registry replaces this union once the
 * allocation library lands.
 */
import * as z from 'zod';

export const fixedMethodSchema = z
  .object({
    method: z.literal('fixed'),
    weights: z.record(z.string(), z.number().min(0).max(1)).describe('target weight by name; sums to 1 (or less: the rest is cash)'),
  })
  .strict();

export const equalMethodSchema = z.object({ method: z.literal('equal') }).strict();

export const methodSchema = z.discriminatedUnion('method', [fixedMethodSchema, equalMethodSchema]);

export type MethodSpec = z.infer<typeof methodSchema>;
export const METHOD_NAMES: readonly string[] = ['fixed', 'equal'];
