/**
 * The keys a strategy file allows at a path, read from the zod schema itself (so hints never go
 * stale). Used to suggest the closest valid key for a typo.
 */
import * as z from 'zod';

export function allowedKeysAt(schema: z.ZodType, raw: unknown, path: readonly PropertyKey[]): string[] {
  let s: z.ZodType | undefined = schema;
  let value: unknown = raw;
  for (const step of path) {
    s = unwrap(s, value);
    if (!s) return [];
    if (s instanceof z.ZodObject) s = (s.shape as Record<string, z.ZodType>)[String(step)];
    else if (s instanceof z.ZodRecord) s = s.valueType as z.ZodType;
    else if (s instanceof z.ZodArray) s = s.element as z.ZodType;
    else return [];
    value = value && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[step] : undefined;
  }
  s = unwrap(s, value);
  return s instanceof z.ZodObject ? Object.keys(s.shape) : [];
}

function unwrap(s: z.ZodType | undefined, value: unknown): z.ZodType | undefined {
  let cur = s;
  for (let i = 0; i < 10 && cur; i++) {
    if (cur instanceof z.ZodDefault || cur instanceof z.ZodOptional) cur = cur.unwrap() as z.ZodType;
    else if (cur instanceof z.ZodDiscriminatedUnion || cur instanceof z.ZodUnion) {
      const options = cur.options as z.ZodType[];
      const method = value && typeof value === 'object' ? (value as Record<string, unknown>)['method'] : undefined;
      const match = options.find((o) => o instanceof z.ZodObject && (o.shape as Record<string, z.ZodType>)['method'] instanceof z.ZodLiteral && ((o.shape as Record<string, z.ZodLiteral>)['method']!.value === method));
      cur = match ?? options.find((o) => o instanceof z.ZodObject);
    } else return cur;
  }
  return cur;
}
