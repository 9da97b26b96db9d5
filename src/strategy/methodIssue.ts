/**
 * The one line for a `method` that names no allocation method at its place: unknown, missing
 * or not a string, with the names allowed there (zod's discriminator options: a satellite
 * cannot be coreSatellite, a trend filter's base cannot be a trend filter) and the closest one.
 */
import { closestName } from './closestName.js';
import { METHOD_NAMES } from './methodSchema.js';

export function methodIssue(where: string, value: unknown, options: readonly unknown[] | undefined): string {
  const names = options !== undefined && options.length > 0 ? options.map(String) : [...METHOD_NAMES];
  const expected = `expected one of ${names.join(', ')}`;
  if (value === undefined) return `${where}: missing; say which allocation method, ${expected}`;
  if (typeof value !== 'string') return `${where}: unknown method ${JSON.stringify(value)} (a name is expected); ${expected}`;
  if (METHOD_NAMES.includes(value)) return `${where}: method "${value}" cannot be used here; ${expected}`;
  const hint = closestName(value, names);
  return `${where}: unknown method ${JSON.stringify(value)}${hint ? ` (did you mean "${hint}"?)` : ''}; ${expected}`;
}
