/**
 * Sets a value at a dotted path inside a plain JSON-like object, creating missing objects on
 * the way. A numeric segment indexes an array. Returns a copy; the input is not modified.
 */
import { UserError } from '../core/errors.js';
import { isReservedKey, reservedKeyMessage } from '../core/reservedKeys.js';

export function setSpecPath<T>(spec: T, path: string, value: unknown): T {
  const root = structuredClone(spec) as unknown;
  const segments = path.split('.');
  let node = root;
  for (let i = 0; i < segments.length; i++) {
    const key = segments[i]!;
    const last = i === segments.length - 1;
    if (node === null || typeof node !== 'object') {
      throw new UserError(`--grid ${path}: ${segments.slice(0, i).join('.')} is ${JSON.stringify(node)}, not an object with keys`);
    }
    if (isReservedKey(key)) throw new UserError(reservedKeyMessage(`--grid ${path}`, key));
    const container = node as Record<string, unknown>;
    if (Array.isArray(node) && !/^\d+$/.test(key)) {
      throw new UserError(`--grid ${path}: ${segments.slice(0, i).join('.')} is a list; expected a position (0, 1, ...) instead of "${key}"`);
    }
    if (last) container[key] = value;
    else {
      if (!Object.hasOwn(container, key) || container[key] === undefined) container[key] = {};
      node = container[key];
    }
  }
  return root as T;
}
