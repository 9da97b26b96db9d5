/**
 * The one line for a `method` that names no allocation method at its place: unknown, missing
 * or not a string, with the names allowed there (zod's discriminator options: a satellite
 * cannot be coreSatellite, a trend filter's base cannot be a trend filter) and the closest one.
 * Used by the loader (strategy files) and by --set / --grid (sweep variants).
 */
import type * as z from 'zod';
import { closestName } from './closestName.js';
import { METHOD_NAMES } from './methodSchema.js';

/** The message (without the field's path) for `value` where one of `options` was expected. */
export function methodMessage(value: unknown, options: readonly unknown[] | undefined): string {
  const names = options !== undefined && options.length > 0 ? options.map(String) : [...METHOD_NAMES];
  const expected = `expected one of ${names.join(', ')}`;
  if (value === undefined) return `missing; say which allocation method, ${expected}`;
  if (typeof value !== 'string') return `unknown method ${JSON.stringify(value)} (a name is expected); ${expected}`;
  if (METHOD_NAMES.includes(value)) return `method "${value}" cannot be used here; ${expected}`;
  const hint = closestName(value, names);
  return `unknown method ${JSON.stringify(value)}${hint ? ` (did you mean "${hint}"?)` : ''}; ${expected}`;
}

/** methodMessage for a zod issue about a `method` discriminator (`root`: the parsed input), else undefined. */
export function methodIssueMessage(issue: z.core.$ZodIssue, root: unknown): string | undefined {
  if (issue.code !== 'invalid_union' || !('discriminator' in issue) || issue.path[issue.path.length - 1] !== 'method') return undefined;
  let value: unknown = root;
  for (const key of issue.path) value = value !== null && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined;
  return methodMessage(value, 'options' in issue ? (issue.options as unknown[]) : undefined);
}
